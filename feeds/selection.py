"""What a feed request asks for: its site, language and filters, and the items that match.

Items come from the one definition of what may be public (``home.visibility``) and are filtered
by the same rules as the API's lists, so a feed never shows what the API would hide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Locale

from cms.outages import RETRY_AFTER_SECONDS
from conferences.models import ConferencePage
from graphql_api.conferences.filters import ConferenceFilter, filter_conferences, reported_on_with_topic
from graphql_api.errors import BAD_USER_INPUT, SERVICE_UNAVAILABLE
from graphql_api.locales import localized
from graphql_api.news.filters import NewsFilter, filter_news
from home.visibility import PublicView, visible_pages
from news.models import NewsPage

# Feeds show the newest items; readers poll, so older ones are already known to them.
FEED_SIZE = 50
FILTERS = ("partnership", "city", "topic")
# Everything a feed reads from its query string; the rest (tracking tags, cache busters) changes nothing.
PARAMETERS = (*FILTERS, "locale")
_SLUG = re.compile(r"^[-\w]{1,255}$")


class FeedRefusal(Exception):
    """A feed request that cannot be served: answered with ``status``, ``code`` (the API's codes)
    and this message, and ``Retry-After`` when there is a time to retry after."""

    status = 400
    code = BAD_USER_INPUT
    retry_after: int | None = None


class BadFeedRequest(FeedRefusal):
    """A filter or language the feed cannot take."""


class FeedUnavailable(FeedRefusal):
    """The site has no front-end address, so items would have no link."""

    status = 404
    code = "NOT_FOUND"


class FeedOutage(FeedRefusal):
    """The database or the cache cannot be reached: retry shortly."""

    status = 503
    code = SERVICE_UNAVAILABLE
    retry_after = RETRY_AFTER_SECONDS


def canonical_url(request: HttpRequest) -> str:
    """The feed's absolute address with only the parameters a feed reads, in one order: the same
    feed has one address, for its self link and for the cache, whatever else the URL carries."""
    given = [(name, value) for name in PARAMETERS if (value := request.GET.get(name))]
    return request.build_absolute_uri(request.path + (f"?{urlencode(given)}" if given else ""))


@dataclass
class FeedRequest:
    view: PublicView
    locale: Locale
    partnership: str | None
    city: str | None
    topic: str | None

    @classmethod
    def from_request(cls, request: HttpRequest) -> FeedRequest:
        view = PublicView(request=request)
        if not view.frontend_base_url:
            raise FeedUnavailable("This site has no front-end address yet (Settings > Front-end website).")
        slugs: dict[str, str | None] = {}
        for name in FILTERS:
            value = request.GET.get(name)
            if value is not None and not _SLUG.match(value):
                raise BadFeedRequest(f"`{name}` must be a slug (letters, digits, hyphens, underscores).")
            slugs[name] = value or None
        code = request.GET.get("locale") or None
        if code is None:
            locale = view.default_locale
        elif code in view.locales:
            locale = view.locales[code]
        else:
            raise BadFeedRequest(f"Unknown locale. Available: {', '.join(sorted(view.locales))}.")
        return cls(view=view, locale=locale, partnership=slugs["partnership"], city=slugs["city"], topic=slugs["topic"])

    @cached_property
    def filters(self) -> dict[str, str]:
        """The filters given, for the feed's title."""
        return {name: value for name in FILTERS if (value := getattr(self, name))}

    def _localized(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return localized(queryset, self.locale, self.view.default_locale)

    def news(self) -> QuerySet[NewsPage]:
        where = NewsFilter(partnership=self.partnership, city=self.city, topic=self.topic)
        queryset = filter_news(visible_pages(self.view, NewsPage), where, self.view)
        return self._localized(queryset).prefetch_related("tagged_items__tag")

    def conferences(self) -> QuerySet[ConferencePage]:
        where = ConferenceFilter(partnership=self.partnership, host_city=self.city)
        queryset = filter_conferences(visible_pages(self.view, ConferencePage), where, self.view)
        if self.topic:
            queryset = queryset.filter(reported_on_with_topic(self.view, self.topic))
        return self._localized(queryset).select_related("host_city")
