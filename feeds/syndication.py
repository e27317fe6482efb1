"""The news feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1): one Django ``Feed`` class, three feed types."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, SyndicationFeed

from cms.outages import OUTAGES, UNAVAILABLE_MESSAGE

from .caching import cached_feed
from .entries import FeedEntry, news_entries
from .jsonfeed import JSONFeed
from .selection import FeedOutage, FeedRefusal, FeedRequest, canonical_url


def answered(request: HttpRequest, render: Callable[[], HttpResponse]) -> HttpResponseBase:
    """What ``render()`` answers (kept while no content changes: ``caching``), or the refusal of a
    feed request that cannot be served: its status, and in JSON a code a client can act on (the
    API's codes) with the reason. An outage is a 503 with ``Retry-After``, like the API's."""
    try:
        return cached_feed(request, render)
    except FeedRefusal as error:
        refusal = error
    except OUTAGES:
        refusal = FeedOutage(UNAVAILABLE_MESSAGE)
    headers = None if refusal.retry_after is None else {"Retry-After": str(refusal.retry_after)}
    return JsonResponse(
        {"error": {"code": refusal.code, "message": str(refusal)}}, status=refusal.status, headers=headers
    )


class NewsFeed(Feed):
    """Published news, newest first, with each item's standfirst, topics and hero image."""

    feed_type: type[SyndicationFeed] = Rss201rev2Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return answered(request, partial(super().__call__, request, *args, **kwargs))

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FeedRequest:
        return FeedRequest.from_request(request)

    def get_feed(self, obj: FeedRequest, request: HttpRequest) -> SyndicationFeed:
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.locale.language_code
        return feed

    def title(self, obj: FeedRequest) -> str:
        narrowed = ", ".join(f"{name} {value}" for name, value in obj.filters.items())
        return f"{obj.view.site.site_name or 'Citynews'} news" + (f" ({narrowed})" if narrowed else "")

    def link(self, obj: FeedRequest) -> str:
        return f"{obj.view.frontend_base_url}/"

    def description(self, obj: FeedRequest) -> str:
        return "News of the city partnerships, newest first."

    def feed_url(self, obj: FeedRequest) -> str:
        return canonical_url(obj.view.request)

    def items(self, obj: FeedRequest) -> list[FeedEntry]:
        return news_entries(obj)

    def item_title(self, item: FeedEntry) -> str:
        return item.title

    def item_description(self, item: FeedEntry) -> str:
        return item.summary

    def item_link(self, item: FeedEntry) -> str:
        return item.link

    def item_pubdate(self, item: FeedEntry) -> datetime.datetime:
        return item.published

    def item_updateddate(self, item: FeedEntry) -> datetime.datetime:
        return item.updated

    def item_categories(self, item: FeedEntry) -> list[str]:
        return item.categories

    def item_enclosures(self, item: FeedEntry) -> list[Enclosure]:
        return item.enclosures


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: FeedRequest) -> str:
        return self.description(obj)


class NewsJSONFeed(NewsFeed):
    feed_type = JSONFeed
