"""The ``Conference`` type: dates and status, place, programme blocks and references."""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from django.db.models import OuterRef, QuerySet, Subquery
from strawberry import Parent
from strawberry.types import Info

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage
from partnerships.models import Organisation, Partnership

from ..news.filters import NewsOrder, news_ordering
from ..pages import Page, page_type_plan
from ..planning import Scope, planned
from ..relations import many_loader, one_loader, reverse_connection_loader
from ..reverse_fields import reverse_connection_field
from ..rich_text import RichText, render_rich_text, rich_text_loader
from ..streamfield import (
    BODY_BLOCKS,
    BlockKind,
    BodyBlock,
    Link,
    References,
    build_links,
    collect_links,
    list_items,
    stream_loader,
)
from ..visibility import visible_pages
from .filters import ConferenceStatus

if TYPE_CHECKING:
    from ..cities.types import City
    from ..news.types import NewsItem
    from ..partnerships.types import OrganisationType, PartnershipType


@strawberry.enum(description="How people take part.")
class ConferenceFormat(enum.Enum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


@strawberry.type(description="One objective of a conference: a keyword and what it means.")
class Objective:
    keyword: str = strawberry.field(description="One or two words, e.g. `Results`.")
    text: str = strawberry.field(description="The objective in full.")


@strawberry.type(description="One session of an agenda day.")
class AgendaSession:
    start_time: datetime.time | None = strawberry.field(description="Start time, local to the venue.")
    end_time: datetime.time | None = strawberry.field(description="End time, local to the venue.")
    title: str = strawberry.field(description="Title of the session.")
    kind: str = strawberry.field(description="`plenary`, `working_group`, `panel`, `networking`, `visit` or `break`.")
    description: str = strawberry.field(description="What happens; may be empty.")


@strawberry.type(description="One day of a conference agenda.")
class AgendaDay:
    date: datetime.date = strawberry.field(description="The day.")
    title: str = strawberry.field(description="Title of the day, e.g. its theme.")
    description: RichText = strawberry.field(description="What the day is for.")
    sessions: list[AgendaSession] = strawberry.field(description="The sessions, in order.")


@strawberry.type(description="A site visit or option offered to participants.")
class SiteVisit:
    title: str = strawberry.field(description="What is visited.")
    theme: str = strawberry.field(description="Its theme, e.g. `Sustainable mobility`; may be empty.")
    description: str = strawberry.field(description="More about it; may be empty.")
    proposed: bool = strawberry.field(description="True for an option still to be confirmed.")


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def _agenda_day(scope: Scope, value: dict, _block_id: str) -> AgendaDay:
    return AgendaDay(
        date=datetime.date.fromisoformat(value["date"]),
        title=value["title"],
        description=render_rich_text(scope, value.get("description") or ""),
        sessions=[
            AgendaSession(
                start_time=_time(session.get("start_time")),
                end_time=_time(session.get("end_time")),
                title=session["title"],
                kind=session.get("kind") or "",
                description=session.get("description") or "",
            )
            for session in list_items(value.get("sessions") or [])
        ],
    )


def _collect_agenda_day(value: dict, references: References) -> None:
    references.rich_texts.append(value.get("description") or "")


AGENDA = {"day": BlockKind(_agenda_day, _collect_agenda_day)}
OBJECTIVES = {"objective": BlockKind(lambda _s, v, _i: Objective(keyword=v["keyword"], text=v["text"]))}
SITE_VISITS = {
    "visit": BlockKind(
        lambda _s, v, _i: SiteVisit(
            title=v["title"],
            theme=v.get("theme") or "",
            description=v.get("description") or "",
            proposed=v.get("status") == "proposed",
        )
    )
}
OUTCOMES = {"outcome": BlockKind(lambda _s, v, _i: v)}
DOCUMENTS = {"links": BlockKind(lambda s, v, _i: build_links(s, list_items(v["links"])), collect_links)}


@strawberry.type(description="A conference or partnership meeting.")
class Conference(Page):
    start_date: datetime.date = strawberry.field(description="First day.")
    end_date: datetime.date = strawberry.field(description="Last day.")
    venue: str = strawberry.field(description="Venue; may be empty.")
    edition: int | None = strawberry.field(description="Edition number, e.g. 2 for the second meeting.")
    summary: str = strawberry.field(description="Plain-text summary for listings.")
    registration_url: str = strawberry.field(description="Where to register; may be empty.")
    document_kind: str = strawberry.field(
        description="What the page was written from: `concept_note`, `draft_agenda`, `agenda`, `programme`, "
        "`report`, or empty."
    )
    document_status: str = strawberry.field(description="`draft` or `final` for that document, or empty.")

    @strawberry.field(description="Upcoming, ongoing or past, from the dates and today's date.")
    def status(self, root: Parent[ConferencePage], info: Info) -> ConferenceStatus:
        return root.status_on(info.context.today)

    @strawberry.field(description="In person, online or hybrid.")
    def format(self, root: Parent[ConferencePage]) -> ConferenceFormat:
        return ConferenceFormat(root.format)

    @strawberry.field(description="The host city, if its profile is published.")
    def host_city(
        self, root: Parent[ConferencePage]
    ) -> Annotated[City, strawberry.lazy("graphql_api.cities.types")] | None:
        return planned(root, "hostCity")

    @strawberry.field(description="The programme or partnership it belongs to.")
    def partnership(
        self, root: Parent[ConferencePage]
    ) -> Annotated[PartnershipType, strawberry.lazy("graphql_api.partnerships.types")] | None:
        return planned(root, "partnership")

    @strawberry.field(description="The organisations that organise it.")
    def organisers(
        self, root: Parent[ConferencePage]
    ) -> list[Annotated[OrganisationType, strawberry.lazy("graphql_api.partnerships.types")]]:
        return planned(root, "organisers")

    @strawberry.field(description="The previous edition, if published.")
    def previous_edition(self, root: Parent[ConferencePage]) -> Conference | None:
        return planned(root, "previousEdition")

    @strawberry.field(description="The next edition, if published.")
    def next_edition(self, root: Parent[ConferencePage]) -> Conference | None:
        return planned(root, "nextEdition")

    @strawberry.field(description="Background and context.")
    def background(self, root: Parent[ConferencePage]) -> RichText:
        return planned(root, "background")

    @strawberry.field(description="Narrative beyond the background, block by block.")
    def body(self, root: Parent[ConferencePage]) -> list[BodyBlock]:
        return planned(root, "body")

    @strawberry.field(description="Who the conference is for.")
    def target_audience(self, root: Parent[ConferencePage]) -> RichText:
        return planned(root, "targetAudience")

    @strawberry.field(description="The objectives, in order.")
    def objectives(self, root: Parent[ConferencePage]) -> list[Objective]:
        return planned(root, "objectives")

    @strawberry.field(description="The agenda, day by day.")
    def agenda(self, root: Parent[ConferencePage]) -> list[AgendaDay]:
        return planned(root, "agenda")

    @strawberry.field(description="Site visits or options offered to participants.")
    def site_visits(self, root: Parent[ConferencePage]) -> list[SiteVisit]:
        return planned(root, "siteVisits")

    @strawberry.field(description="What the conference should achieve.")
    def expected_outcomes(self, root: Parent[ConferencePage]) -> list[str]:
        return planned(root, "expectedOutcomes")

    @strawberry.field(description="Reports, notes and other documents, as public links.")
    def documents(self, root: Parent[ConferencePage]) -> list[Link]:
        return [link for block in planned(root, "documents") for link in block]

    news_items = reverse_connection_field(
        Annotated["NewsItem", strawberry.lazy("graphql_api.news.types")],
        NewsOrder.NEWEST,
        "Published news about the conference, newest first by default.",
    )


def _conference_target(scope: Scope) -> QuerySet:
    return visible_pages(scope.ctx, ConferencePage)


def _next_edition_links(pks: list[int]) -> QuerySet:
    """``(pk, translation key of the edition after it)`` in one query.

    An edition may point at any language version of the one before it (a translation copies the
    reference), so the two are matched by translation key, not by primary key.
    """
    shown = ConferencePage.objects.filter(pk__in=pks)
    parent = shown.filter(translation_key=OuterRef("previous_edition__translation_key")).values("pk")[:1]
    return (
        ConferencePage.objects.filter(previous_edition__translation_key__in=shown.values("translation_key"))
        .annotate(parent_pk=Subquery(parent))
        .values_list("parent_pk", "translation_key")
    )


CONFERENCE = page_type_plan("Conference", ConferencePage)
CONFERENCE.loaders.update(
    {
        "background": rich_text_loader("background"),
        "targetAudience": rich_text_loader("target_audience"),
        "body": stream_loader("body", BODY_BLOCKS),
        "objectives": stream_loader("objectives", OBJECTIVES),
        "agenda": stream_loader("agenda", AGENDA),
        "siteVisits": stream_loader("site_visits", SITE_VISITS),
        "expectedOutcomes": stream_loader("expected_outcomes", OUTCOMES),
        "documents": stream_loader("documents", DOCUMENTS),
        "hostCity": one_loader(
            lambda pks: ConferencePage.objects.filter(pk__in=pks, host_city__isnull=False).values_list(
                "pk", "host_city__translation_key"
            ),
            lambda scope: visible_pages(scope.ctx, CityProfilePage),
        ),
        "partnership": one_loader(
            lambda pks: ConferencePage.objects.filter(pk__in=pks, partnership__isnull=False).values_list(
                "pk", "partnership__translation_key"
            ),
            lambda _scope: Partnership.objects.all(),
        ),
        "organisers": many_loader(
            lambda pks: (
                ConferencePage.organisers.through.objects.filter(conferencepage_id__in=pks)
                .order_by("organisation__name")
                .values_list("conferencepage_id", "organisation__translation_key")
            ),
            lambda _scope: Organisation.objects.all(),
        ),
        "previousEdition": one_loader(
            lambda pks: ConferencePage.objects.filter(pk__in=pks, previous_edition__isnull=False).values_list(
                "pk", "previous_edition__translation_key"
            ),
            _conference_target,
        ),
        "nextEdition": one_loader(_next_edition_links, _conference_target),
        "newsItems": reverse_connection_loader(
            lambda scope: visible_pages(scope.ctx, NewsPage),
            "conference__translation_key",
            lambda arguments: news_ordering(arguments["order"]),
        ),
    }
)
