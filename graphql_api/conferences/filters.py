"""Filtering and ordering of conference lists; status is computed from dates, in the database too."""

import datetime
import enum
from typing import Any

import strawberry
from django.db.models import Q, QuerySet

from cities.models import CityProfilePage
from conferences.models import ConferenceStatus as ModelStatus
from home.visibility import Viewpoint
from news.models import NewsPage, NewsPageTag
from partnerships.models import Partnership

from ..enums import choices_enum
from ..pagination import Ordering
from ..visibility import visible_pages

choices_enum(
    ModelStatus,
    "ConferenceStatus",
    "Where a conference stands today.",
    {
        "UPCOMING": "It starts after today.",
        "ONGOING": "Today is one of its days.",
        "PAST": "It ended before today.",
    },
)
ConferenceStatus = ModelStatus


@strawberry.enum(description="Orders of conference lists.")
class ConferenceOrder(enum.Enum):
    SOONEST = strawberry.enum_value("soonest", description="Earliest start date first (the default).")
    LATEST = strawberry.enum_value("latest", description="Latest start date first.")


CONFERENCE_ORDERINGS = {
    ConferenceOrder.SOONEST: Ordering(("start_date",)),
    ConferenceOrder.LATEST: Ordering(("-start_date",)),
}


def conference_ordering(order: object) -> Ordering:
    return CONFERENCE_ORDERINGS[ConferenceOrder(order)]


@strawberry.input(description="Narrows a conference list; all given conditions must hold.")
class ConferenceFilter:
    status: ConferenceStatus | None = strawberry.field(default=None, description="Upcoming, ongoing or past, today.")
    host_city: str | None = strawberry.field(default=None, description="Slug of the host city.")
    partnership: str | None = strawberry.field(default=None, description="Slug of the partnership or programme.")
    date_from: datetime.date | None = strawberry.field(
        default=None, description="Conferences still running on or after this day."
    )
    date_to: datetime.date | None = strawberry.field(
        default=None, description="Conferences starting on or before this day."
    )


def status_condition(status: ModelStatus, today: datetime.date) -> Q:
    return {
        ModelStatus.UPCOMING: Q(start_date__gt=today),
        ModelStatus.ONGOING: Q(start_date__lte=today, end_date__gte=today),
        ModelStatus.PAST: Q(end_date__lt=today),
    }[ModelStatus(status)]


def reported_on_with_topic(ctx: Viewpoint, topic: str) -> Q:
    """Conferences that published news with ``topic`` report on: conferences carry no topics of their own."""
    news = visible_pages(ctx, NewsPage).filter(
        pk__in=NewsPageTag.objects.filter(tag__slug=topic).values("content_object_id")
    )
    return Q(translation_key__in=news.values("conference__translation_key"))


def filter_conferences(queryset: QuerySet[Any], where: ConferenceFilter | None, ctx: Viewpoint) -> QuerySet[Any]:
    """Narrows ``queryset``; a host city that may not be shown matches nothing."""
    if where is None:
        return queryset
    if where.status is not None:
        queryset = queryset.filter(status_condition(where.status, ctx.today))
    if where.host_city:
        keys = visible_pages(ctx, CityProfilePage).filter(slug=where.host_city).values("translation_key")
        queryset = queryset.filter(host_city__translation_key__in=keys)
    if where.partnership:
        programmes = Partnership.objects.filter(slug=where.partnership).values("translation_key")
        queryset = queryset.filter(partnership__translation_key__in=programmes)
    if where.date_from:
        queryset = queryset.filter(end_date__gte=where.date_from)
    if where.date_to:
        queryset = queryset.filter(start_date__lte=where.date_to)
    return queryset
