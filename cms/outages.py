"""Outages of the database or the cache: what counts as one, and the 503 that answers it (the
service heals by itself, once the database answers or the cache has room again).

Django checks a persistent database connection before reusing it (``CONN_HEALTH_CHECKS``) and
redis-py connects again on the next command, so once PostgreSQL or Redis is back the next request
simply succeeds.
"""

from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from redis.exceptions import ConnectionError as CacheConnectionError
from redis.exceptions import OutOfMemoryError as CacheFullError
from redis.exceptions import TimeoutError as CacheTimeoutError

RETRY_AFTER_SECONDS = 5
UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; retry shortly."
# PostgreSQL or Redis unreachable, gone mid-request, or a statement, lock or connect timeout; or
# Redis full and refusing writes (its default policy, ``noeviction``, once ``maxmemory`` is reached).
OUTAGES = (OperationalError, InterfaceError, CacheConnectionError, CacheTimeoutError, CacheFullError)


class OutageMiddleware:
    """Answers an outage outside the API (the admin, previews) with 503, not a 500 page: a short
    page for a browser (it retries a page by itself; after a save it says nothing was saved and
    that the form still holds the editor's work), plain text for anything else.

    An editor's save that meets an outage is refused whole: Wagtail writes the page and its
    revision in one transaction, so the 503 means nothing was saved and the form can be sent again.
    The page is rendered without the request, so no context processor reads the database.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OUTAGES):
            return None
        saving = request.method not in ("GET", "HEAD", "OPTIONS")
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if "text/html" in request.headers.get("Accept", ""):  # a browser (not */*: scripts send that)
            page = render_to_string("outage.html", {"saving": saving, "retry_after": RETRY_AFTER_SECONDS})
            return HttpResponse(page, status=503, headers=headers)
        text = "The database or the cache is unavailable" + ("; nothing was saved" if saving else "")
        return HttpResponse(
            text + ". Try again in a few seconds.",
            status=503,
            content_type="text/plain; charset=utf-8",
            headers=headers,
        )
