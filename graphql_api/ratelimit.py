"""Rate limit on ``/graphql/``: points per client per time window, kept in Django's cache.

A client is its API key when it sends one of ``CITYNEWS_API_KEYS`` in ``X-Api-Key`` (so clients
behind one address are counted apart), otherwise its IP address; an unknown key counts as no key,
so inventing keys buys nothing. Each window is a counter in the cache named by
``CITYNEWS_RATE_LIMIT_CACHE`` (Redis in production, shared by every process and host).

A request costs 1 point up front. When the view knows what the query cost, it calls
:func:`record_query_cost` and the rest is charged once the response is made, so a costly query
uses up the allowance faster. A client over its allowance gets HTTP 429 with ``Retry-After`` and
a GraphQL error coded ``RATE_LIMITED``, before any parsing or database work.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponseBase, JsonResponse
from django.utils.cache import patch_cache_control

from cms.client_ip import client_address
from cms.outages import OUTAGES
from cms.routes import route

from .http_input import unavailable_response

_API_KEY_META = "HTTP_X_API_KEY"  # the X-Api-Key header, as META and the WSGI environ name it
_COST_ATTRIBUTE = "citynews_query_cost"


def record_query_cost(request: HttpRequest, cost: int) -> None:
    """Tells the rate limit what the request's query costs (in points, 1 or more)."""
    setattr(request, _COST_ATTRIBUTE, max(1, cost))


def client_key(meta: Mapping[str, Any]) -> str:
    """Who a request (its ``META``, or the WSGI environ it is made from) is counted as."""
    api_key = meta.get(_API_KEY_META, "")
    if api_key and api_key in settings.CITYNEWS_API_KEYS:
        return "key:" + hashlib.sha256(api_key.encode()).hexdigest()[:32]
    return "ip:" + client_address(meta)


@dataclass(frozen=True)
class Window:
    """The current fixed window of one client: its cache key and the seconds until it ends."""

    key: str
    seconds_left: int

    @classmethod
    def current(cls, client: str, now: float) -> Window:
        length: int = settings.CITYNEWS_RATE_LIMIT_WINDOW
        number = int(now // length)
        return cls(key=f"ratelimit:{client}:{number}", seconds_left=max(1, (number + 1) * length - int(now)))


def _charge(window: Window, points: int) -> int:
    """Adds ``points`` to the window's counter and returns the new total."""
    cache = caches[settings.CITYNEWS_RATE_LIMIT_CACHE]
    cache.add(window.key, 0, timeout=window.seconds_left + 1)
    try:
        return int(cache.incr(window.key, points))
    except ValueError:  # the counter expired between add() and incr()
        cache.set(window.key, points, timeout=window.seconds_left + 1)
        return points


def charge_request(meta: Mapping[str, Any]) -> tuple[Window, bool]:
    """Charges the request's first point to its client's window: the window, and whether the client
    is still within its allowance. Raises ``OUTAGES`` when the cache is unreachable."""
    window = Window.current(client_key(meta), time.time())
    return window, _charge(window, 1) <= settings.CITYNEWS_RATE_LIMIT_POINTS


def rate_limited_response(retry_after: int) -> JsonResponse:
    message = f"Too many requests: this client's allowance is used up; retry in {retry_after} seconds."
    response = JsonResponse(
        {"errors": [{"message": message, "extensions": {"code": "RATE_LIMITED", "retryAfter": retry_after}}]},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    patch_cache_control(response, no_store=True)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.CITYNEWS_RATE_LIMIT_ENABLED or request.path_info != route("graphql"):
            return self.get_response(request)
        try:
            window, allowed = charge_request(request.META)
            if not allowed:
                return rate_limited_response(window.seconds_left)
        except OUTAGES:  # the counters live in the cache: without it, no request is counted
            return unavailable_response()
        response = self.get_response(request)
        extra = getattr(request, _COST_ATTRIBUTE, 1) - 1
        if extra > 0:
            with contextlib.suppress(*OUTAGES):  # the answer is made: give it, uncounted
                _charge(window, extra)
        return response
