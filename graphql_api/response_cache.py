"""Answers to anonymous GET queries from Django's cache, and automatic persisted queries (APQ).

A GET answer without errors is stored under a hash of the normalised query, its variables and
operation name and the host (the site; the language is the query's own ``locale:``), together
with the content version token (``home.content_version``) it was computed under. Any change to content replaces the token, so
no process anywhere serves an answer older than the last publish; with Redis as the cache the
stored answers are shared by every process and host.

Automatic persisted queries follow Apollo's protocol: a client sends only the query's SHA-256
in ``extensions.persistedQuery.sha256Hash``; when the hash is unknown the answer is the error
``PersistedQueryNotFound`` and the client sends the query once with its hash, which registers it.
The URL then stays short and cacheable by CDNs.

Answers carry ``ETag`` (a matching ``If-None-Match`` gets 304) and ``Surrogate-Key`` /
``Cache-Tag`` naming the content they contain, so a CDN can purge exactly those answers.

All of it is a middleware placed right below the rate limit, which sends every API request
straight to the view: sessions, authentication, CSRF, messages and the URL resolver never run for
the API, which is anonymous and needs none of them (skipping them takes a third of the cost of a
hit, and 6% of the instructions of a week's news).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TypeGuard

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse, QueryDict
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.common import CommonMiddleware
from django.urls import resolve
from django.utils.cache import patch_cache_control
from graphql import GraphQLError, parse, print_ast

from cms.outages import OUTAGES
from cms.routes import route
from cms.security_headers import graphql_csp
from home import content_version

from .http_input import refused_request, unavailable_response

APQ_PREFIX = "citynews:apq:"
RESPONSE_PREFIX = "citynews:response:"
CACHE_STATUS_HEADER = "X-Citynews-Cache"
MAX_CACHED_BODY_BYTES = 2 * 1024 * 1024
_SHA256 = re.compile(r"[0-9a-f]{64}")
# A hit's response holds its answer's key here, for ``hit_replay`` to answer the same request again.
REPLAYABLE = "citynews_answer_key"


@dataclass(frozen=True)
class StoredAnswer:
    token: str
    body: bytes
    content_type: str
    etag: str
    surrogate_keys: str


def _error(message: str, code: str, status: int) -> JsonResponse:
    response = JsonResponse(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}, status=status
    )
    patch_cache_control(response, no_store=True)
    return response


def _persisted_hash(request: HttpRequest) -> str | None:
    """The APQ hash the request names, if any (malformed extensions are left to the GraphQL view)."""
    try:
        extensions = json.loads(request.GET.get("extensions") or "null")
        sha = extensions["persistedQuery"]["sha256Hash"]
    except (ValueError, TypeError, KeyError):
        return None
    return sha if isinstance(sha, str) else None


def _with_persisted_query(request: HttpRequest, sha: str) -> HttpResponse | None:
    """Gives the request the query its hash names (read from the cache when the GET omits it), or
    answers the protocol's error."""
    if not _SHA256.fullmatch(sha):
        return _error("persistedQuery.sha256Hash must be 64 lower-case hex digits.", "BAD_USER_INPUT", 400)
    query = request.GET.get("query")
    if query is not None:
        if hashlib.sha256(query.encode()).hexdigest() != sha:
            return _error("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH", 400)
        return None
    query = cache.get(APQ_PREFIX + sha)
    if query is None:
        return _error("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND", 200)
    params = request.GET.copy()
    params["query"] = query
    request.GET = QueryDict(params.urlencode())
    return None


def _is_anonymous(request: HttpRequest) -> bool:
    """No credentials of any kind (checked without a database query)."""
    return "HTTP_AUTHORIZATION" not in request.META and settings.SESSION_COOKIE_NAME not in request.COOKIES


@lru_cache(maxsize=512)
def _normalised(query: str) -> str:
    """The query as graphql-core prints it (a pure function of the text, so memoised per process)."""
    return print_ast(parse(query))


def _answer_key(request: HttpRequest) -> str | None:
    """The cache key of this GET's answer, or ``None`` when it cannot be cached (unparsable input)."""
    try:
        document = _normalised(request.GET.get("query") or "")
        variables = json.loads(request.GET.get("variables") or "null")
    except (GraphQLError, ValueError, RecursionError):
        return None
    parts = [
        document,
        variables,
        request.GET.get("operationName") or "",
        request.get_host(),  # the site; the language is the query's own `locale:` argument
    ]
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    return RESPONSE_PREFIX + digest


def current_answer(key: str) -> tuple[str, StoredAnswer | None]:
    """The current content version's token, and the answer stored at ``key`` if it was computed
    under it (both read in one round trip)."""
    return content_version.current_value(key, StoredAnswer)


def _finish(request: HttpRequest, response: HttpResponse, answer: StoredAnswer, status: str) -> HttpResponse:
    response["ETag"] = answer.etag
    if answer.surrogate_keys:
        response["Surrogate-Key"] = answer.surrogate_keys
        response["Cache-Tag"] = answer.surrogate_keys.replace(" ", ",")
    response[CACHE_STATUS_HEADER] = status
    if answer.etag in (tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")):
        not_modified = HttpResponse(status=304)
        for header in ("ETag", "Cache-Control", "Vary", "Surrogate-Key", "Cache-Tag", CACHE_STATUS_HEADER):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


def _from_store(request: HttpRequest, key: str, answer: StoredAnswer) -> HttpResponse:
    response = HttpResponse(answer.body, content_type=answer.content_type)
    patch_cache_control(response, public=True, max_age=settings.CITYNEWS_GRAPHQL_CACHE_SECONDS)
    setattr(response, REPLAYABLE, key)
    return _finish(request, response, answer, "HIT")


def _cacheable(response: HttpResponseBase) -> TypeGuard[HttpResponse]:
    """What the GraphQL view marked public: a 200 answer to a GET without errors."""
    return (
        isinstance(response, HttpResponse)
        and response.status_code == 200
        and "public" in response.get("Cache-Control", "")
        and len(response.content) <= MAX_CACHED_BODY_BYTES
    )


class ResponseCacheMiddleware:
    """The API's way in: APQ and the response cache for GET requests to ``/graphql/``, and every
    request to it sent straight to its view; anything else passes through.

    The layers below this one serve the admin and the site: sessions, the language from the URL,
    CSRF, authentication, messages, redirects, the outage page, login lockouts. The API reads none
    of them (it is anonymous, and answers its own outages), and going through them cost a week's
    news 6% of its instructions. Of what they do, three things shape an API response: the API's
    Content-Security-Policy (a decorator on the view, which the URLconf serves), X-Frame-Options
    and Content-Length (middleware below); they are applied here, so a hit has the headers of
    the miss that stored it, and both those of the view served the usual way.

    A request the endpoint refuses (``http_input``) passes through untouched, to be refused there:
    the cache keys on the GraphQL parts of a GET only.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        frame_options, common = XFrameOptionsMiddleware(get_response), CommonMiddleware(get_response)

        def headers_from_below(request: HttpRequest, response: HttpResponse) -> HttpResponseBase:
            return common.process_response(request, frame_options.process_response(request, response))

        self._headers_from_below = headers_from_below
        self._here = graphql_csp(headers_from_below)

    @cached_property
    def _view(self) -> Callable[[HttpRequest], HttpResponse]:
        """The API's view as the URLconf serves it (its Content-Security-Policy included)."""
        view: Callable[[HttpRequest], HttpResponse] = resolve(route("graphql")).func
        return view

    def _from_view(self, request: HttpRequest) -> HttpResponseBase:
        return self._headers_from_below(request, self._view(request))

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info != route("graphql") or refused_request(request) is not None:
            return self.get_response(request)
        try:
            return self._answer(request) if request.method == "GET" else self._from_view(request)
        except OUTAGES:  # the cache or the database is unreachable: a 503 that heals
            return self._here(request, unavailable_response())

    def _answer(self, request: HttpRequest) -> HttpResponseBase:
        sha = _persisted_hash(request)
        if sha is not None:
            refusal = _with_persisted_query(request, sha)
            if refusal is not None:
                return self._here(request, refusal)
        key = _answer_key(request) if settings.CITYNEWS_RESPONSE_CACHE and _is_anonymous(request) else None
        token = ""
        if key is not None:
            token, stored = current_answer(key)
            if stored is not None:
                return self._here(request, _from_store(request, key, stored))

        response = self._from_view(request)
        if not _cacheable(response):
            return response
        answer = StoredAnswer(
            token=token,
            body=response.content,
            content_type=response["Content-Type"],
            etag=f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
            surrogate_keys=response.get("Surrogate-Key", ""),
        )
        with contextlib.suppress(*OUTAGES):  # the answer is made: give it, unstored
            if sha is not None:
                cache.set(APQ_PREFIX + sha, request.GET["query"], settings.CITYNEWS_RESPONSE_CACHE_SECONDS)
            if key is not None:
                content_version.store(key, answer, settings.CITYNEWS_RESPONSE_CACHE_SECONDS, size=len(answer.body))
        return _finish(request, response, answer, "MISS" if key is not None else "BYPASS")
