"""Filtering and ordering of news lists."""

import datetime
import enum
from typing import Any

import strawberry
from django.db.models import QuerySet, Value
from django.db.models.functions import Upper

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from home.visibility import Viewpoint
from news.models import NewsPage, NewsPageCity, NewsPageTag
from partnerships.models import Partnership

from ..pagination import Ordering
from ..visibility import visible_pages


@strawberry.enum(description="Orders of news lists.")
class NewsOrder(enum.Enum):
    NEWEST = strawberry.enum_value("newest", description="Most recent date first (the default).")
    OLDEST = strawberry.enum_value("oldest", description="Oldest date first.")
    TITLE = strawberry.enum_value("title", description="Alphabetically by title.")


NEWS_ORDERINGS = {
    NewsOrder.NEWEST: Ordering(("-date",)),
    NewsOrder.OLDEST: Ordering(("date",)),
    NewsOrder.TITLE: Ordering(("title",)),
}


def news_ordering(order: object) -> Ordering:
    return NEWS_ORDERINGS[NewsOrder(order)]


@strawberry.input(description="Narrows a news list; all given conditions must hold.")
class NewsFilter:
    city: str | None = strawberry.field(default=None, description="Slug of a city the items are about.")
    country: str | None = strawberry.field(
        default=None, description="ISO 3166 code of a country one of the item's cities is in, e.g. `GE`."
    )
    partnership: str | None = strawberry.field(default=None, description="Slug of a partnership or programme.")
    topic: str | None = strawberry.field(default=None, description="Slug of a topic.")
    conference: str | None = strawberry.field(default=None, description="Slug of the conference reported on.")
    date_from: datetime.date | None = strawberry.field(default=None, description="Items dated on or after this day.")
    date_to: datetime.date | None = strawberry.field(default=None, description="Items dated on or before this day.")


def _keys_of(queryset: QuerySet[Any], slug: str) -> QuerySet[Any]:
    return queryset.filter(slug=slug).values("translation_key")


def filter_news(queryset: QuerySet[Any], where: NewsFilter | None, ctx: Viewpoint) -> QuerySet[Any]:
    """Narrows ``queryset``; a city or conference that may not be shown matches nothing.

    The filter's values go into the query as they are (``graphql_api.conditions``)."""
    if where is None:
        return queryset
    if where.city:
        links = NewsPageCity.objects.filter(
            city__translation_key__in=_keys_of(visible_pages(ctx, CityProfilePage), where.city)
        )
        queryset = queryset.filter(pk__in=links.values("page_id"))
    if where.country:
        in_country = (
            visible_pages(ctx, CityProfilePage).filter(country=Upper(Value(where.country))).values("translation_key")
        )
        queryset = queryset.filter(
            pk__in=NewsPageCity.objects.filter(city__translation_key__in=in_country).values("page_id")
        )
    if where.partnership:
        links = NewsPage.partnerships.through.objects.filter(
            partnership__translation_key__in=_keys_of(Partnership.objects.all(), where.partnership)
        )
        queryset = queryset.filter(pk__in=links.values("newspage_id"))
    if where.topic:
        queryset = queryset.filter(pk__in=NewsPageTag.objects.filter(tag__slug=where.topic).values("content_object_id"))
    if where.conference:
        conferences = visible_pages(ctx, ConferencePage)
        queryset = queryset.filter(conference__translation_key__in=_keys_of(conferences, where.conference))
    if where.date_from:
        queryset = queryset.filter(date__gte=where.date_from)
    if where.date_to:
        queryset = queryset.filter(date__lte=where.date_to)
    return queryset
