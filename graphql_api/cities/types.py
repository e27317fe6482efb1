"""The ``City`` type, its memberships, strategies and funding, and its reverse references."""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Parent
from strawberry.types import Info

from cities.models import CityFunding, CityMembership, CityProfilePage, CityStrategy
from conferences.models import ConferencePage
from news.models import NewsPage
from partnerships.models import Partnership

from ..conferences.filters import ConferenceOrder, conference_ordering
from ..documents import Document, load_documents, loaded_document
from ..feed_links import FeedLink, feed_links
from ..images import Image, image_loader
from ..news.filters import NewsOrder, news_ordering
from ..pages import Page
from ..planning import Scope, plan, planned_field, reads, register_type, store
from ..reverse_fields import reverse_connection_field
from ..selection import FieldSelection, merged_fields
from ..streamfield import BODY_BLOCKS, BodyBlock, stream_loader

if TYPE_CHECKING:
    from ..conferences.types import Conference
    from ..news.types import NewsItem
    from ..partnerships.types import PartnershipType

PartnershipRef = Annotated["PartnershipType", strawberry.lazy("graphql_api.partnerships.types")]


@strawberry.type(description="A city's place in a partnership or network.")
class Membership:
    partnership: PartnershipRef = strawberry.field(description="The partnership or network.")
    role: str = strawberry.field(description="The city's role, e.g. `Member` or `Lead city`; may be empty.")
    since_year: int | None = strawberry.field(description="Year the city joined.")


@strawberry.type(description="A strategy the city adopted, e.g. its Cultural Development Strategy.")
class Strategy:
    title: str = strawberry.field(description="Title of the strategy.")
    year: int | None = strawberry.field(description="Year it was adopted.")
    summary: str = strawberry.field(description="Short description; may be empty.")
    document: Document | None = strawberry.field(description="The strategy document, when public.")


@strawberry.type(description="Money the city received from a programme.")
class Funding:
    amount: decimal.Decimal = strawberry.field(description="The amount, as a decimal string.")
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. `EUR`.")
    programme: PartnershipRef | None = strawberry.field(description="The programme that granted it.")
    year: int | None = strawberry.field(description="Year it was granted.")
    purpose: str = strawberry.field(description="What it pays for; may be empty.")


def _partnerships(scope: Scope, keys: set[Any], selections: list[FieldSelection]) -> dict[Any, Any]:
    found = scope.localized_by_key(Partnership.objects.all(), keys)
    plan(scope, list(found.values()), selections)
    return found


def _load_memberships(scope: Scope, cities: Sequence[CityProfilePage], selections: list[FieldSelection]) -> None:
    # Memberships in two language versions of one partnership resolve to one item: keep the first.
    first_rows: dict[tuple[Any, Any], dict[str, Any]] = {}
    for row in (
        CityMembership.objects.filter(page_id__in=[city.pk for city in cities])
        .order_by("sort_order")
        .values("page_id", "partnership__translation_key", "role", "since_year")
    ):
        first_rows.setdefault((row["page_id"], row["partnership__translation_key"]), row)
    rows = list(first_rows.values())
    partnerships = _partnerships(
        scope,
        {row["partnership__translation_key"] for row in rows},
        merged_fields(selections, "partnership", "Membership"),
    )
    for city in cities:
        store(
            city,
            "memberships",
            [
                Membership(
                    partnership=partnerships[row["partnership__translation_key"]],
                    role=row["role"],
                    since_year=row["since_year"],
                )
                for row in rows
                if row["page_id"] == city.pk and row["partnership__translation_key"] in partnerships
            ],
        )


def _load_strategies(scope: Scope, cities: Sequence[CityProfilePage], selections: list[FieldSelection]) -> None:
    strategies = list(CityStrategy.objects.filter(page_id__in=[city.pk for city in cities]).order_by("sort_order"))
    load_documents(scope.ctx, (strategy.document_id for strategy in strategies))
    for city in cities:
        store(
            city,
            "strategies",
            [
                Strategy(
                    title=s.title,
                    year=s.year,
                    summary=s.summary,
                    document=loaded_document(scope.ctx, s.document_id),
                )
                for s in strategies
                if s.page_id == city.pk
            ],
        )


def _load_funding(scope: Scope, cities: Sequence[CityProfilePage], selections: list[FieldSelection]) -> None:
    rows = list(
        CityFunding.objects.filter(page_id__in=[city.pk for city in cities])
        .order_by("sort_order")
        .values("page_id", "amount", "currency", "programme__translation_key", "year", "purpose")
    )
    programmes = _partnerships(
        scope,
        {row["programme__translation_key"] for row in rows} - {None},
        merged_fields(selections, "programme", "Funding"),
    )
    for city in cities:
        store(
            city,
            "funding",
            [
                Funding(
                    amount=row["amount"],
                    currency=row["currency"],
                    programme=programmes.get(row["programme__translation_key"]),
                    year=row["year"],
                    purpose=row["purpose"],
                )
                for row in rows
                if row["page_id"] == city.pk
            ],
        )


@strawberry.type(description="A city or town taking part in a programme.")
class City(Page):
    region: str = strawberry.field(description="Region, province or oblast; may be empty.")
    is_capital: bool = strawberry.field(description="Whether it is its country's capital.")
    population: int | None = strawberry.field(description="Number of inhabitants.")
    population_year: int | None = strawberry.field(description="Year of the population figure.")
    website: str = strawberry.field(description="The city's official website; may be empty.")
    is_demo: bool = strawberry.field(description="Demonstration content whose facts are not verified.")

    @strawberry.field(description="ISO 3166 code of the country, e.g. `GE`.", metadata=reads(("country",)))
    def country_code(self, root: Parent[CityProfilePage]) -> str:
        return root.country.code

    @strawberry.field(description="English name of the country.", metadata=reads(("country",)))
    def country_name(self, root: Parent[CityProfilePage]) -> str:
        return str(root.country.name)

    @strawberry.field(description="Latitude in decimal degrees (WGS 84).", metadata=reads(("latitude",)))
    def latitude(self, root: Parent[CityProfilePage]) -> float | None:
        return None if root.latitude is None else float(root.latitude)

    @strawberry.field(description="Longitude in decimal degrees (WGS 84).", metadata=reads(("longitude",)))
    def longitude(self, root: Parent[CityProfilePage]) -> float | None:
        return None if root.longitude is None else float(root.longitude)

    @strawberry.field(
        description="Feeds of its news and the conferences it hosts, for autodiscovery links.",
        metadata=reads(("slug",)),
    )
    def feeds(self, root: Parent[CityProfilePage], info: Info) -> list[FeedLink]:
        return feed_links(info.context, "city", root.slug, root.locale_id)

    image: Image | None = planned_field(
        image_loader("image_id"), columns=("image",), description="The city's picture, if it is public."
    )
    body: list[BodyBlock] = planned_field(
        stream_loader("body", BODY_BLOCKS), columns=("body",), description="The profile text, block by block."
    )
    memberships: list[Membership] = planned_field(
        _load_memberships, description="Partnerships and networks the city belongs to."
    )
    strategies: list[Strategy] = planned_field(_load_strategies, description="Strategies the city adopted.")
    funding: list[Funding] = planned_field(_load_funding, description="Funding the city received.")

    news_items = reverse_connection_field(
        Annotated["NewsItem", strawberry.lazy("graphql_api.news.types")],
        NewsOrder.NEWEST,
        news_ordering,
        NewsPage,
        "city_links__city",
        "Published news about the city, newest first by default.",
    )

    conferences = reverse_connection_field(
        Annotated["Conference", strawberry.lazy("graphql_api.conferences.types")],
        ConferenceOrder.SOONEST,
        conference_ordering,
        ConferencePage,
        "host_city",
        "Published conferences the city hosts or hosted, soonest first by default.",
    )


register_type("City", CityProfilePage)
