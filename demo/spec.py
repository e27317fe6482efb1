"""The vocabulary the demo content is written in: typed records, references and block helpers.

Content modules describe objects with these records instead of building models directly, for
two reasons: the data stays declarative and easy to proof-read, and it can name objects that do
not exist yet. A news item says ``PageRef("cities/kutaisi")`` or, inside rich text,
``page_link("cities/kutaisi", "Kutaisi")``; the builder swaps these for database ids once the
city page exists (and, in a French page, for the French city page when there is one).

Stream helpers (``heading``, ``paragraph``, ``quote``...) return Wagtail's raw StreamField JSON,
so the block structure written here is exactly what is stored.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.html import escape

RawBlock = dict[str, Any]
Stream = list[RawBlock]


# --- References to objects the builder creates --------------------------------------------------


@dataclass(frozen=True)
class PageRef:
    """A page by its slug path below the English home page, e.g. ``"cities/kutaisi"``."""

    path: str


@dataclass(frozen=True)
class DocumentRef:
    """A document by its key in ``content.media.DOCUMENTS``."""

    key: str


@dataclass(frozen=True)
class ImageRef:
    """An image by its key in ``content.media.IMAGES``."""

    key: str


def page_link(path: str, text: str) -> str:
    """Rich text: a link to a page of this site; the builder writes Wagtail's ``linktype`` form."""
    return f'<a page="{escape(path)}">{text}</a>'


def document_link(key: str, text: str) -> str:
    """Rich text: a link to a demo document; the builder writes Wagtail's ``linktype`` form."""
    return f'<a document="{escape(key)}">{text}</a>'


# --- Snippets, images and documents ---------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationSpec:
    key: str  # how other records name it; also its acronym or short name
    name: str
    kind: str
    acronym: str = ""
    parent: str | None = None  # key of another organisation
    country: str = ""
    website: str = ""


@dataclass(frozen=True)
class PartnershipSpec:
    slug: str
    name: str
    kind: str
    acronym: str = ""
    funder: str | None = None  # organisation key
    parent: str | None = None  # partnership slug
    description: str = ""
    start_year: int | None = None
    end_year: int | None = None
    website: str = ""


@dataclass(frozen=True)
class ImageSpec:
    """A generated landscape JPEG: a two-colour gradient, a few shapes and its caption drawn on it."""

    key: str
    title: str
    description: str  # alt text
    headline: str  # drawn large on the picture
    colours: tuple[str, str]  # gradient from the left colour to the right one
    size: tuple[int, int] = (1600, 900)
    focal_point: tuple[int, int, int, int] | None = None  # x, y (centre), width, height


@dataclass(frozen=True)
class DocumentSpec:
    """A generated PDF: one A4 page per entry of ``pages``, each a heading and paragraphs."""

    key: str
    title: str
    filename: str
    pages: tuple[tuple[str, tuple[str, ...]], ...]


# --- Pages ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexSpec:
    """A section listing below the home page (news, conferences, cities)."""

    model: str  # "app_label.ModelName"
    slug: str
    title: str
    intro: str = ""


@dataclass(frozen=True)
class MembershipSpec:
    partnership: str  # partnership slug
    role: str = ""
    since_year: int | None = None


@dataclass(frozen=True)
class StrategySpec:
    title: str
    year: int | None = None
    summary: str = ""
    document: str | None = None  # document key


@dataclass(frozen=True)
class FundingSpec:
    amount: Decimal
    programme: str  # partnership slug
    year: int | None = None
    purpose: str = ""
    currency: str = "EUR"


@dataclass(frozen=True)
class CitySpec:
    slug: str
    title: str
    country: str  # ISO 3166-1 alpha-2
    region: str
    latitude: Decimal
    longitude: Decimal
    population: int
    population_year: int
    summary: str
    image: str  # image key
    is_capital: bool = False
    website: str = ""
    body: Stream = field(default_factory=list)
    memberships: tuple[MembershipSpec, ...] = ()
    strategies: tuple[StrategySpec, ...] = ()
    funding: tuple[FundingSpec, ...] = ()


@dataclass(frozen=True)
class ConferenceSpec:
    slug: str
    title: str
    start_date: datetime.date
    end_date: datetime.date
    summary: str
    format: str = "in_person"
    host_city: str | None = None  # city slug
    venue: str = ""
    organisers: tuple[str, ...] = ()  # organisation keys
    partnership: str | None = None  # partnership slug
    edition: int | None = None
    previous_edition: str | None = None  # slug of an earlier conference in CONFERENCES
    background: str = ""
    target_audience: str = ""
    objectives: Stream = field(default_factory=list)
    agenda: Stream = field(default_factory=list)
    site_visits: Stream = field(default_factory=list)
    expected_outcomes: Stream = field(default_factory=list)
    documents: Stream = field(default_factory=list)
    registration_url: str = ""


@dataclass(frozen=True)
class NewsSpec:
    slug: str
    title: str
    date: datetime.date
    standfirst: str
    hero_image: str  # image key
    hero_caption: str = ""
    body: Stream = field(default_factory=list)
    cities: tuple[str, ...] = ()  # city slugs
    partnerships: tuple[str, ...] = ()  # partnership slugs
    organisations: tuple[str, ...] = ()  # organisation keys
    conference: str | None = None  # conference slug
    tags: tuple[str, ...] = ()
    source_url: str = ""


# --- Translations -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageTranslationSpec:
    """A translation of an English page: the fields to write over the copy Wagtail makes.

    ``source`` is the English page's slug path below the home page ("" for the home page itself).
    Values may hold references and link markup, resolved against the translation's locale.
    """

    source: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class SnippetTranslationSpec:
    """A translation of an organisation (by key) or partnership (by slug)."""

    model: str  # "organisation" or "partnership"
    key: str
    fields: dict[str, Any]


# --- StreamField blocks, as Wagtail stores them ------------------------------------------------------


def _block(block_type: str, value: Any) -> RawBlock:
    return {"type": block_type, "value": value}


def heading(text: str, level: str = "h2") -> RawBlock:
    return _block("heading", {"text": text, "level": level})


def paragraph(html: str) -> RawBlock:
    """Rich text in Wagtail's storage format; links written with ``page_link``/``document_link``."""
    return _block("paragraph", html)


def quote(text: str, attribution: str, role: str = "") -> RawBlock:
    return _block("quote", {"text": text, "attribution": attribution, "role": role})


def image(key: str, caption: str = "", credit: str = "") -> RawBlock:
    return _block("image", {"image": ImageRef(key), "caption": caption, "credit": credit})


def key_figure(value: str, label: str) -> RawBlock:
    return _block("key_figure", {"value": value, "label": label})


def link(title: str, *, page: str | None = None, document: str | None = None, url: str = "") -> dict[str, Any]:
    """One entry of a links block: exactly one of a page path, a document key or a URL."""
    return {
        "title": title,
        "page": PageRef(page) if page else None,
        "document": DocumentRef(document) if document else None,
        "url": url,
    }


def links(entries: list[dict[str, Any]], heading_text: str = "") -> RawBlock:
    return _block("links", {"heading": heading_text, "links": entries})


def objective(keyword: str, text: str) -> RawBlock:
    return _block("objective", {"keyword": keyword, "text": text})


def session(
    title: str,
    kind: str = "plenary",
    description: str = "",
    start: datetime.time | None = None,
    end: datetime.time | None = None,
) -> dict[str, Any]:
    return {"start_time": start, "end_time": end, "title": title, "kind": kind, "description": description}


def agenda_day(date: datetime.date, title: str, sessions: list[dict[str, Any]], description: str = "") -> RawBlock:
    return _block("day", {"date": date, "title": title, "description": description, "sessions": sessions})


def site_visit(title: str, theme: str, description: str = "") -> RawBlock:
    return _block("visit", {"title": title, "theme": theme, "description": description})


def outcome(text: str) -> RawBlock:
    return _block("outcome", text)
