"""``recentItems``: what was published in a time window, across page types, for newsletter tools.

A newsletter asks "what is new since last Monday?": news, conferences and city profiles first
published (or, with ``includeUpdated``, last published) in the window, newest first, narrowed
to a partnership, a city or a topic the way the lists narrow them.
"""

from __future__ import annotations

import datetime
from functools import reduce
from operator import or_
from typing import Annotated, Any

import strawberry
from django.db.models import Q, QuerySet
from django.utils import timezone
from strawberry.types import Info
from wagtail.models import Page as WagtailPage

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage, NewsPageTag
from partnerships.models import Partnership

from .conferences.filters import reported_on_with_topic
from .context import ApiContext
from .errors import BadInput
from .lists import LocaleArg, connection, scope_for
from .pages import Page
from .pagination import AfterArg, Connection, FirstArg, Ordering, PageArgs
from .search import SearchType, page_model
from .visibility import visible_pages

# PostgreSQL's bigint: a larger number is no ID of ours, and the database would refuse it.
_MAX_ID = 2**63 - 1


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """A time without a zone is read in the site's time zone, as editors see it."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _pks(name: str, value: strawberry.ID | None) -> list[int]:
    """The primary key an ID argument names, as a list (empty when the argument is absent)."""
    if value is None:
        return []
    if not str(value).isdigit() or int(value) > _MAX_ID:
        raise BadInput(f"Invalid `{name}` id {value!r}.")
    return [int(value)]


@strawberry.type
class NewsletterQuery:
    @strawberry.field(
        description="Pages first published in a time window (with `includeUpdated`, last published), newest "
        "first, across page types: what a newsletter of the period lists. Filters work as on the lists."
    )
    def recent_items(
        self,
        info: Info[ApiContext, None],
        since: Annotated[
            datetime.datetime,
            strawberry.argument(description="Start of the window (inclusive); without a zone, the site's time zone."),
        ],
        until: Annotated[
            datetime.datetime | None, strawberry.argument(description="End of the window (exclusive); default: now.")
        ] = None,
        types: Annotated[
            list[SearchType] | None, strawberry.argument(description="Only these page types (default: all).")
        ] = None,
        partnership: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only items about the partnership with this ID.")
        ] = None,
        city: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only items about the city with this ID.")
        ] = None,
        topic: Annotated[
            str | None,
            strawberry.argument(description="Only news with this topic slug (and conferences they report on)."),
        ] = None,
        include_updated: Annotated[
            bool, strawberry.argument(description="Window on the last publication, so updated items come back.")
        ] = False,
        locale: LocaleArg = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> Connection[Page]:
        ctx = info.context
        args = PageArgs(first=first, after=after)
        start, end = _aware(since), _aware(until) if until is not None else None
        if end is not None and end <= start:
            raise BadInput("`until` must be after `since`.")
        field = "last_published_at" if include_updated else "first_published_at"
        partnership_keys = Partnership.objects.filter(pk__in=_pks("partnership", partnership)).values("translation_key")
        city_keys = visible_pages(ctx, CityProfilePage).filter(pk__in=_pks("city", city)).values("translation_key")
        narrowed: dict[type[WagtailPage], QuerySet[Any]] = {
            NewsPage: _narrow(
                visible_pages(ctx, NewsPage),
                (partnership is not None, Q(partnerships__translation_key__in=partnership_keys)),
                (city is not None, Q(city_links__city__translation_key__in=city_keys)),
                (bool(topic), Q(pk__in=NewsPageTag.objects.filter(tag__slug=topic).values("content_object_id"))),
            ),
            ConferencePage: _narrow(
                visible_pages(ctx, ConferencePage),
                (partnership is not None, Q(partnership__translation_key__in=partnership_keys)),
                (city is not None, Q(host_city__translation_key__in=city_keys)),
                (bool(topic), reported_on_with_topic(ctx, topic or "")),
            ),
            CityProfilePage: _narrow(
                visible_pages(ctx, CityProfilePage),
                (partnership is not None, Q(memberships__partnership__translation_key__in=partnership_keys)),
                (city is not None, Q(translation_key__in=city_keys)),
                (bool(topic), Q(pk__in=[])),  # cities carry no topics
            ),
        }
        models = [page_model(search_type) for search_type in types or SearchType]
        window = Q(**{f"{field}__gte": start}) & (Q(**{f"{field}__lt": end}) if end else Q())
        queryset = (
            visible_pages(ctx, WagtailPage)
            .filter(window, reduce(or_, (Q(pk__in=narrowed[model].values("pk")) for model in models)))
            .specific()
        )
        return connection(info, scope_for(info, locale), queryset, Ordering((f"-{field}",)), args)


def _narrow(queryset: QuerySet[Any], *conditions: tuple[bool, Q]) -> QuerySet[Any]:
    """``queryset`` with the condition of every filter that was asked for."""
    for asked, condition in conditions:
        if asked:
            queryset = queryset.filter(condition)
    return queryset
