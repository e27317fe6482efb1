"""Feed answers kept while no content changes, with ``ETag`` and ``Cache-Control``.

Feed readers and newsletter tools poll, and most polls find nothing new: each built a feed
afresh (5 SQL queries and the rendering of 50 items). A feed answer is now stored in Django's
cache under its canonical address (scheme, host, path, and the filters and language it reads:
other parameters, such as tracking tags or cache busters, neither change the feed nor make
another copy of it) with the content version token it was made under (``home.content_version``),
so the first poll after any change to content builds it again and later ones are read back
(with Redis, by every process). Every feed answer carries an ``ETag``; a poll whose
``If-None-Match`` matches gets ``304 Not Modified`` without a body, and ``Cache-Control: public,
max-age=FEED_CACHE_SECONDS`` lets readers, proxies and CDNs keep it that long.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control

from cms.outages import OUTAGES
from graphql_api.response_cache import CACHE_STATUS_HEADER
from home import content_version

from .selection import canonical_url

FEED_PREFIX = "citynews:feed:"
# The headers of a feed answer that are its own (the rest every response gets from the middleware).
_KEPT_HEADERS = ("Content-Type", "Content-Disposition")


@dataclass(frozen=True)
class StoredFeed:
    token: str
    body: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str

    @classmethod
    def of(cls, token: str, response: HttpResponse) -> StoredFeed:
        headers = tuple((name, response[name]) for name in _KEPT_HEADERS if name in response)
        return cls(token, response.content, headers, f'"{hashlib.sha256(response.content).hexdigest()[:32]}"')

    def response(self) -> HttpResponse:
        return HttpResponse(self.body, headers=dict(self.headers))


def cached_feed(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponseBase:
    """The feed ``render()`` builds for this request, or the one it built under the current content
    version; a refusal (any status but 200) is passed on untouched and never stored. Raises
    ``OUTAGES`` when the cache cannot be read, as a feed's own lookups would."""
    key = FEED_PREFIX + hashlib.sha256(canonical_url(request).encode()).hexdigest()
    caching = settings.CITYNEWS_RESPONSE_CACHE
    token, stored = content_version.current_value(key, StoredFeed) if caching else ("", None)
    if stored is not None:
        response, status = stored.response(), "HIT"
    else:
        response = render()
        if response.status_code != 200:
            return response
        stored, status = StoredFeed.of(token, response), "MISS" if caching else "BYPASS"
        if caching:
            with contextlib.suppress(*OUTAGES):  # the feed is made: give it, unstored
                content_version.store(key, stored, settings.CITYNEWS_RESPONSE_CACHE_SECONDS, size=len(stored.body))
    response["ETag"] = stored.etag
    response[CACHE_STATUS_HEADER] = status
    patch_cache_control(response, public=True, max_age=settings.CITYNEWS_FEED_CACHE_SECONDS)
    return get_conditional_response(request, etag=stored.etag, response=response)
