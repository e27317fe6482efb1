"""The ``Conference`` type: dates and status, place, programme blocks and references."""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from django.db.models import OuterRef, QuerySet, Subquery
from strawberry import Parent
from strawberry.types import Info

from cities.models import CityProfilePage
from conferences.blocks import SessionKind
from conferences.models import ConferencePage
from news.models import NewsPage
from partnerships.models import Organisation, Partnership

from ..enums import choices_enum
from ..news.filters import NewsOrder, news_ordering
from ..pages import Page
from ..planning import Scope, planned_field, reads, register_type
from ..relations import many_loader, one_loader
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
from .filters import ConferenceStatus

if TYPE_CHECKING:
    from ..cities.types import City
    from ..news.types import NewsItem
    from ..partnerships.types import OrganisationType, PartnershipType


@strawberry.enum(description="How people take part.")
class ConferenceFormat(enum.Enum):
    IN_PERSON = strawberry.enum_value("in_person", description="Participants meet at the venue.")
    ONLINE = strawberry.enum_value("online", description="Participants join online only.")
    HYBRID = strawberry.enum_value("hybrid", description="At the venue, with online participation too.")


@strawberry.type(description="One objective of a conference: a keyword and what it means.")
class Objective:
    keyword: str = strawberry.field(description="One or two words, e.g. `Results`.")
    text: str = strawberry.field(description="The objective in full.")


choices_enum(SessionKind, "SessionKind", "What sort of session an agenda item is.")
choices_enum(
    ConferencePage.DocumentKind, "ConferenceDocumentKind", "The kind of document a conference page was written from."
)
choices_enum(ConferencePage.DocumentStatus, "ConferenceDocumentStatus", "How final that document is.")


@strawberry.type(description="One session of an agenda day.")
class AgendaSession:
    start_time: datetime.time | None = strawberry.field(description="Start time, local to the venue.")
    end_time: datetime.time | None = strawberry.field(description="End time, local to the venue.")
    title: str = strawberry.field(description="Title of the session.")
    kind: SessionKind | None = strawberry.field(
        description="What sort of session it is; null when the editor chose none."
    )
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


def _agenda_day(scope: Scope, value: dict[str, Any], _block_id: strawberry.ID) -> AgendaDay:
    return AgendaDay(
        date=datetime.date.fromisoformat(value["date"]),
        title=value["title"],
        description=render_rich_text(scope, value.get("description") or ""),
        sessions=[
            AgendaSession(
                start_time=_time(session.get("start_time")),
                end_time=_time(session.get("end_time")),
                title=session["title"],
                kind=SessionKind(session["kind"]) if session.get("kind") in SessionKind.values else None,
                description=session.get("description") or "",
            )
            for session in list_items(value.get("sessions") or [])
        ],
    )


def _collect_agenda_day(value: dict[str, Any], references: References) -> None:
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


def _next_edition_links(pks: list[int]) -> QuerySet[Any]:
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


@strawberry.type(description="A conference or partnership meeting.")
class Conference(Page):
    start_date: datetime.date = strawberry.field(description="First day.")
    end_date: datetime.date = strawberry.field(description="Last day.")
    venue: str = strawberry.field(description="Venue; may be empty.")
    edition: int | None = strawberry.field(description="Edition number, e.g. 2 for the second meeting.")
    registration_url: str = strawberry.field(description="Where to register; may be empty.")

    @strawberry.field(
        description="What the page was written from (a concept note, a draft agenda...); null when not said.",
        metadata=reads(("document_kind",)),
    )
    def document_kind(self, root: Parent[ConferencePage]) -> ConferencePage.DocumentKind | None:
        return ConferencePage.DocumentKind(root.document_kind) if root.document_kind else None

    @strawberry.field(
        description="Whether that document is a draft or final; null when not said.",
        metadata=reads(("document_status",)),
    )
    def document_status(self, root: Parent[ConferencePage]) -> ConferencePage.DocumentStatus | None:
        return ConferencePage.DocumentStatus(root.document_status) if root.document_status else None

    @strawberry.field(
        description="Upcoming, ongoing or past, from the dates and today's date.",
        metadata=reads(("start_date", "end_date")),
    )
    def status(self, root: Parent[ConferencePage], info: Info) -> ConferenceStatus:
        return root.status_on(info.context.today)

    @strawberry.field(description="In person, online or hybrid.", metadata=reads(("format",)))
    def format(self, root: Parent[ConferencePage]) -> ConferenceFormat:
        return ConferenceFormat(root.format)

    host_city: Annotated[City, strawberry.lazy("graphql_api.cities.types")] | None = planned_field(
        one_loader(
            lambda pks: ConferencePage.objects.filter(pk__in=pks, host_city__isnull=False).values_list(
                "pk", "host_city__translation_key"
            ),
            CityProfilePage,
        ),
        description="The host city, if its profile is published.",
    )
    partnership: Annotated[PartnershipType, strawberry.lazy("graphql_api.partnerships.types")] | None = planned_field(
        one_loader(
            lambda pks: ConferencePage.objects.filter(pk__in=pks, partnership__isnull=False).values_list(
                "pk", "partnership__translation_key"
            ),
            Partnership,
        ),
        description="The programme or partnership it belongs to.",
    )
    organisers: list[Annotated[OrganisationType, strawberry.lazy("graphql_api.partnerships.types")]] = planned_field(
        many_loader(
            lambda pks: (
                ConferencePage.organisers.through.objects.filter(conferencepage_id__in=pks)
                .order_by("organisation__name")
                .values_list("conferencepage_id", "organisation__translation_key")
            ),
            Organisation,
        ),
        description="The organisations that organise it.",
    )
    previous_edition: Conference | None = planned_field(
        one_loader(
            lambda pks: ConferencePage.objects.filter(pk__in=pks, previous_edition__isnull=False).values_list(
                "pk", "previous_edition__translation_key"
            ),
            ConferencePage,
        ),
        description="The previous edition, if published.",
    )
    next_edition: Conference | None = planned_field(
        one_loader(_next_edition_links, ConferencePage), description="The next edition, if published."
    )
    background: RichText = planned_field(
        rich_text_loader("background"), columns=("background",), description="Background and context."
    )
    body: list[BodyBlock] = planned_field(
        stream_loader("body", BODY_BLOCKS),
        columns=("body",),
        description="Narrative beyond the background, block by block.",
    )
    target_audience: RichText = planned_field(
        rich_text_loader("target_audience"), columns=("target_audience",), description="Who the conference is for."
    )
    objectives: list[Objective] = planned_field(
        stream_loader("objectives", OBJECTIVES), columns=("objectives",), description="The objectives, in order."
    )
    agenda: list[AgendaDay] = planned_field(
        stream_loader("agenda", AGENDA), columns=("agenda",), description="The agenda, day by day."
    )
    site_visits: list[SiteVisit] = planned_field(
        stream_loader("site_visits", SITE_VISITS),
        columns=("site_visits",),
        description="Site visits or options offered to participants.",
    )
    expected_outcomes: list[str] = planned_field(
        stream_loader("expected_outcomes", OUTCOMES),
        columns=("expected_outcomes",),
        description="What the conference should achieve.",
    )
    documents: list[Link] = planned_field(
        stream_loader("documents", DOCUMENTS),
        columns=("documents",),
        then=lambda _conference, blocks: [link for block in blocks for link in block],
        description="Reports, notes and other documents, as public links.",
    )

    news_items = reverse_connection_field(
        Annotated["NewsItem", strawberry.lazy("graphql_api.news.types")],
        NewsOrder.NEWEST,
        news_ordering,
        NewsPage,
        "conference",
        "Published news about the conference, newest first by default.",
    )


register_type("Conference", ConferencePage)
