"""The response cache's hits answered again before Django: the same request, the same response.

A hit of ``response_cache`` still goes through Django's handler: a request object, the middleware
above the cache (security headers, CSP, CORS, rate limit), a response object, two signals. That
is some 120 µs of CPU for an answer that is already made, more than the sync gunicorn worker
spends on the connection itself (some 100 µs: a WSGI app that returns a constant answers 9,600
requests/s there). Replayed, a hit costs 15 µs. This WSGI middleware keeps, per process, the status and
headers the whole stack gave a hit, under the request's URL (scheme, host, path, query string:
every part Django reads a site or a redirect from) and the values of the request headers the
response's ``Vary`` names (as any HTTP cache does). The same request again is answered with them
and the body of the stored answer, without Django, if that answer is still the one the cache
would give: stored at the same key, with the same ETag, under the current content version
(``response_cache.current_answer``, usually without a round trip: ``home.content_version``).

What would take the stack down another branch is never replayed: another method or path,
credentials (``Authorization``, any cookie) and conditional requests (``If-None-Match``, answered
304 by the cache). The rate limit charges a replayed hit as it charges any request; a client over
its allowance, an unreachable cache, an answer that is no longer current all go to the stack,
which answers them as it does any other request. A middleware added above the response cache
that reads another request header must name it in ``Vary``, as HTTP asks of it anyway.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from cms.outages import OUTAGES
from cms.routes import route

from .ratelimit import charge_request
from .response_cache import REPLAYABLE, current_answer

# How many requests (a URL with the values of the headers it varies on) a process keeps the
# headers of (some 2-6 KB each: the surrogate keys).
KEPT_REQUESTS = 1000
# What Django reads the request's URL from: the site, the scheme, a redirect to HTTPS.
_URL_PARTS = (
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "wsgi.url_scheme",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PROTO",
)
# Requests the stack answers another way than by replaying a hit.
_OTHER_BRANCHES = ("HTTP_AUTHORIZATION", "HTTP_COOKIE", "HTTP_IF_NONE_MATCH")

Headers = list[tuple[str, str]]
URL = tuple[Any, ...]


@dataclass(frozen=True)
class _Hit:
    answer_key: str
    etag: str
    status: str
    headers: Headers


def _url(environ: WSGIEnvironment) -> URL | None:
    """What identifies a replayable request, or ``None`` when it must go to the stack."""
    if environ.get("PATH_INFO") != route("graphql") or environ["REQUEST_METHOD"] != "GET":
        return None  # every other request passes through after these two checks
    if any(name in environ for name in _OTHER_BRANCHES):
        return None
    return (*(environ.get(part) for part in _URL_PARTS), _proxy_ssl_header_value(environ))


def _proxy_ssl_header_value(environ: WSGIEnvironment) -> str | None:
    header = settings.SECURE_PROXY_SSL_HEADER
    return environ.get(header[0]) if header else None


def _vary_keys(headers: Headers) -> tuple[str, ...] | None:
    """The environ keys of the request headers a response varies on (``None``: on everything)."""
    names = [name.strip() for key, value in headers if key.lower() == "vary" for name in value.split(",")]
    if "*" in names:
        return None
    return tuple(sorted({"HTTP_" + name.upper().replace("-", "_") for name in names if name}))


class HitReplay:
    """WSGI middleware around Django's application (``CITYNEWS_WSGI_MIDDLEWARE``)."""

    def __init__(self, application: WSGIApplication) -> None:
        self.application = application
        # As Django's cache middleware keeps them: per URL, the headers its answers vary on; per
        # URL and values of those headers (a CORS origin, or none), a hit. Both bounded, LRU.
        self._vary: OrderedDict[URL, tuple[str, ...]] = OrderedDict()
        self._hits: OrderedDict[tuple[URL, tuple[str | None, ...]], _Hit] = OrderedDict()
        self._lock = threading.Lock()  # `make run` serves in threads
        _replays.add(self)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        url = _url(environ)
        if url is None:
            return self.application(environ, start_response)
        hit = self._hit(url, environ)
        if hit is not None:
            body = _replayable_body(hit, environ)
            if body is not None:
                start_response(hit.status, list(hit.headers))
                return [body]
        sent: list[tuple[str, Headers]] = []

        def recording_start_response(status: str, headers: Headers, exc_info: Any = None) -> Any:
            sent.append((status, headers))
            return start_response(status, headers, exc_info)

        response = self.application(environ, recording_start_response)
        answer_key = getattr(response, REPLAYABLE, None)
        if answer_key is not None and sent:
            self._keep(url, environ, answer_key, *sent[-1])
        return response

    def _hit(self, url: URL, environ: WSGIEnvironment) -> _Hit | None:
        with self._lock:
            vary = self._vary.get(url)
            if vary is None:
                return None
            key = (url, tuple(environ.get(name) for name in vary))
            hit = self._hits.get(key)
            if hit is not None:
                self._vary.move_to_end(url)
                self._hits.move_to_end(key)
            return hit

    def _keep(self, url: URL, environ: WSGIEnvironment, answer_key: str, status: str, headers: Headers) -> None:
        vary = _vary_keys(headers)
        etag = next((value for key, value in headers if key == "ETag"), None)
        if vary is None or etag is None:
            return
        key = (url, tuple(environ.get(name) for name in vary))
        with self._lock:
            self._vary[url] = vary
            self._vary.move_to_end(url)
            self._hits[key] = _Hit(answer_key, etag, status, list(headers))
            self._hits.move_to_end(key)
            for kept in (self._vary, self._hits):
                while len(kept) > KEPT_REQUESTS:
                    kept.popitem(last=False)

    def forget(self) -> None:
        with self._lock:
            self._vary.clear()
            self._hits.clear()


def _replayable_body(hit: _Hit, environ: WSGIEnvironment) -> bytes | None:
    """The body to replay, if the stored answer is still the current one and the client is within
    its allowance (charged for this request); otherwise ``None``, and the stack answers."""
    try:
        stored = current_answer(hit.answer_key)[1]
        if stored is None or stored.etag != hit.etag:
            return None
        if settings.CITYNEWS_RATE_LIMIT_ENABLED and not charge_request(environ)[1]:
            return None  # the stack answers 429 (charging once more a client already over)
    except OUTAGES:
        return None  # the stack answers the outage
    return stored.body


_replays: weakref.WeakSet[HitReplay] = weakref.WeakSet()


@receiver(setting_changed)
def _forget_on_setting_changed(**_kwargs: Any) -> None:
    """Kept headers were made under the settings of their time (tests change them)."""
    for replay in _replays:
        replay.forget()
