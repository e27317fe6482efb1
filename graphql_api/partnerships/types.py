"""The ``Partnership`` and ``Organisation`` types and the partnership's reverse references."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import Parent
from strawberry.types import Info

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage
from partnerships.models import Organisation, Partnership

from ..cities.filters import CityOrder, city_ordering
from ..conferences.filters import ConferenceOrder, conference_ordering
from ..enums import choices_enum
from ..feed_links import FeedLink, feed_links
from ..news.filters import NewsOrder, news_ordering
from ..planning import planned_field, reads, register_type
from ..relations import one_loader
from ..reverse_fields import reverse_connection_field

if TYPE_CHECKING:
    from ..cities.types import City
    from ..conferences.types import Conference
    from ..news.types import NewsItem

choices_enum(Partnership.Kind, "PartnershipKind", "What sort of partnership.")
choices_enum(Organisation.Kind, "OrganisationKind", "What sort of organisation.")
PartnershipKind = Partnership.Kind
OrganisationKind = Organisation.Kind


@strawberry.type(name="Organisation", description="An EU body or DG, a city authority, a cultural institute...")
class OrganisationType:
    name: str = strawberry.field(description="Full name.")
    acronym: str = strawberry.field(description="Acronym, e.g. `DG NEAR`; may be empty.")
    website: str = strawberry.field(description="Website; may be empty.")

    @strawberry.field(description="The organisation's ID.", metadata=reads(()))
    def id(self, root: Parent[Organisation]) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry.field(description="What sort of organisation it is.", metadata=reads(("kind",)))
    def kind(self, root: Parent[Organisation]) -> OrganisationKind:
        return Organisation.Kind(root.kind)

    @strawberry.field(
        description="ISO 3166 code of its country; empty for international bodies.", metadata=reads(("country",))
    )
    def country_code(self, root: Parent[Organisation]) -> str:
        return root.country.code or ""

    parent: OrganisationType | None = planned_field(
        one_loader(
            lambda pks: Organisation.objects.filter(pk__in=pks, parent__isnull=False).values_list(
                "pk", "parent__translation_key"
            ),
            Organisation,
        ),
        description="The body it belongs to, e.g. the European Commission for a DG.",
    )


@strawberry.type(name="Partnership", description="A programme, city network or city-to-city partnership.")
class PartnershipType:
    name: str = strawberry.field(description="Full name.")
    slug: str = strawberry.field(description="Slug, unique per language; look partnerships up with it.")
    acronym: str = strawberry.field(description="Acronym; may be empty.")
    description: str = strawberry.field(description="Plain-text description; may be empty.")
    start_year: int | None = strawberry.field(description="Year it started.")
    end_year: int | None = strawberry.field(description="Year it ended or ends.")
    website: str = strawberry.field(description="Website; may be empty.")

    @strawberry.field(description="The partnership's ID.", metadata=reads(()))
    def id(self, root: Parent[Partnership]) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry.field(description="What sort of partnership it is.", metadata=reads(("kind",)))
    def kind(self, root: Parent[Partnership]) -> PartnershipKind:
        return Partnership.Kind(root.kind)

    @strawberry.field(description="Language code of this version, e.g. `en`.", metadata=reads(()))
    def locale(self, root: Parent[Partnership], info: Info) -> str:
        return info.context.locale_code(root.locale_id)

    @strawberry.field(
        description="Feeds of its news and conferences, for autodiscovery links.", metadata=reads(("slug",))
    )
    def feeds(self, root: Parent[Partnership], info: Info) -> list[FeedLink]:
        return feed_links(info.context, "partnership", root.slug, root.locale_id)

    funder: OrganisationType | None = planned_field(
        one_loader(
            lambda pks: Partnership.objects.filter(pk__in=pks, funder__isnull=False).values_list(
                "pk", "funder__translation_key"
            ),
            Organisation,
        ),
        description="Who funds it.",
    )
    parent: PartnershipType | None = planned_field(
        one_loader(
            lambda pks: Partnership.objects.filter(pk__in=pks, parent__isnull=False).values_list(
                "pk", "parent__translation_key"
            ),
            Partnership,
        ),
        description="The programme it is part of, if any.",
    )

    cities = reverse_connection_field(
        Annotated["City", strawberry.lazy("graphql_api.cities.types")],
        CityOrder.NAME,
        city_ordering,
        CityProfilePage,
        "memberships__partnership",
        "Member cities with a published profile, by name unless `order` says otherwise.",
    )

    news_items = reverse_connection_field(
        Annotated["NewsItem", strawberry.lazy("graphql_api.news.types")],
        NewsOrder.NEWEST,
        news_ordering,
        NewsPage,
        "partnerships",
        "Published news about it, newest first by default.",
    )

    conferences = reverse_connection_field(
        Annotated["Conference", strawberry.lazy("graphql_api.conferences.types")],
        ConferenceOrder.SOONEST,
        conference_ordering,
        ConferencePage,
        "partnership",
        "Its published conferences, soonest first by default.",
    )


register_type("Organisation", Organisation)
register_type("Partnership", Partnership)
