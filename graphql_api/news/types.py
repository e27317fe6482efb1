"""The ``NewsItem`` and ``Topic`` types and how their references are loaded."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from django.db.models import QuerySet

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage, NewsPageCity, NewsPageTag
from partnerships.models import Organisation, Partnership

from ..images import Image, credit_for, image_loader
from ..pages import Page
from ..planning import Scope, planned_field, register_type, store
from ..relations import many_loader, one_loader
from ..selection import FieldSelection
from ..statements import fetch_for_ids
from ..streamfield import BODY_BLOCKS, BodyBlock, stream_loader

if TYPE_CHECKING:
    from ..cities.types import City
    from ..conferences.types import Conference
    from ..partnerships.types import OrganisationType, PartnershipType


@strawberry.type(description="A topic news items are tagged with, e.g. `culture`.")
class Topic:
    name: str = strawberry.field(description="The topic as editors wrote it.")
    slug: str = strawberry.field(description="The topic's slug; filter news with it.")
    news_count: int | None = strawberry.field(
        default=None, description="How many published news items carry it (on the `topics` list only)."
    )


def _topic_rows(pks: list[int]) -> QuerySet[Any]:
    return (
        NewsPageTag.objects.filter(content_object_id__in=pks)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name", "tag__slug")
    )


def _load_topics(scope: Scope, pages: Sequence[NewsPage], selections: list[FieldSelection]) -> None:
    tags: dict[int, list[Topic]] = {page.pk: [] for page in pages}
    for page_id, name, slug in fetch_for_ids(_topic_rows, list(tags)):
        tags[page_id].append(Topic(name=name, slug=slug))
    for page in pages:
        store(page, "topics", tags[page.pk])


@strawberry.type(description="A news item: a meeting report, a network announcement, a city story...")
class NewsItem(Page):
    date: datetime.date = strawberry.field(description="The date readers see on the item.")
    end_date: datetime.date | None = strawberry.field(
        description="The last day, when the item covers a meeting over several days (`date` is the first)."
    )
    standfirst: str = strawberry.field(description="Plain-text summary (at most 300 characters).")
    hero_caption: str = strawberry.field(description="Caption of the hero image; may be empty.")
    source_url: str = strawberry.field(description="Where the item was first published; may be empty.")

    hero_image: Image | None = planned_field(
        image_loader("hero_image_id"), columns=("hero_image",), description="The main image, if it is public."
    )
    hero_credit: str = planned_field(
        image_loader("hero_image_id"),
        columns=("hero_image", "hero_credit"),
        then=lambda page, image: credit_for(page.hero_credit, image),
        description="Credit of the hero image for this item, falling back to the image's own.",
    )
    body: list[BodyBlock] = planned_field(
        stream_loader("body", BODY_BLOCKS), columns=("body",), description="The body, block by block."
    )
    cities: list[Annotated[City, strawberry.lazy("graphql_api.cities.types")]] = planned_field(
        many_loader(
            lambda pks: (
                NewsPageCity.objects.filter(page_id__in=pks)
                .order_by("sort_order")
                .values_list("page_id", "city__translation_key")
            ),
            CityProfilePage,
        ),
        description="The cities the item is about, in the editor's order.",
    )
    partnerships: list[Annotated[PartnershipType, strawberry.lazy("graphql_api.partnerships.types")]] = planned_field(
        many_loader(
            lambda pks: (
                NewsPage.partnerships.through.objects.filter(newspage_id__in=pks)
                .order_by("partnership__name")
                .values_list("newspage_id", "partnership__translation_key")
            ),
            Partnership,
        ),
        description="The partnerships and programmes the item concerns.",
    )
    organisations: list[Annotated[OrganisationType, strawberry.lazy("graphql_api.partnerships.types")]] = planned_field(
        many_loader(
            lambda pks: (
                NewsPage.organisations.through.objects.filter(newspage_id__in=pks)
                .order_by("organisation__name")
                .values_list("newspage_id", "organisation__translation_key")
            ),
            Organisation,
        ),
        description="Organisers, funders and partners named in the item.",
    )
    conference: Annotated[Conference, strawberry.lazy("graphql_api.conferences.types")] | None = planned_field(
        one_loader(
            lambda pks: NewsPage.objects.filter(pk__in=pks, conference__isnull=False).values_list(
                "pk", "conference__translation_key"
            ),
            ConferencePage,
        ),
        description="The conference the item reports on, if it is published.",
    )
    topics: list[Topic] = planned_field(_load_topics, description="Topics the item is tagged with.")


register_type("NewsItem", NewsPage)
