"""Saving what was recognised in a document as a draft news item or conference, never published."""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils.text import slugify
from wagtail.models import Locale, Page

from cities.models import CityProfilePage
from conferences.models import ConferenceIndexPage, ConferencePage
from news.models import NewsIndexPage, NewsPage, NewsPageCity
from partnerships.models import Organisation, Partnership

from .recognise import CONFERENCE, ImportedDocument, recognise
from .relations import names_in
from .structure import Paragraph

INDEX_MODELS: dict[str, type[Page]] = {"news": NewsIndexPage, CONFERENCE: ConferenceIndexPage}


@dataclass
class ImportResult:
    page: NewsPage | ConferencePage
    document: ImportedDocument


def default_parent(kind: str) -> Page:
    """The first section of that kind in the default language: where a draft goes unless told."""
    model = INDEX_MODELS[kind]
    parent = model.objects.filter(locale=Locale.get_default()).order_by("path").first() or model.objects.first()
    if parent is None:
        raise ValueError(f"There is no {model._meta.verbose_name} to put the draft in: create one first.")
    return parent


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)
    if len(base) > 70:
        base = base[:71].rsplit("-", 1)[0]
    base = base or "imported"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _in_locale(queryset: QuerySet, keys: list[uuid.UUID], locale: Locale) -> list[Any]:
    """For each translation key, the object in ``locale`` (or, failing that, in any language)."""
    by_key: dict[uuid.UUID, Any] = {}
    for obj in queryset.filter(translation_key__in=keys).order_by("pk"):
        if obj.translation_key not in by_key or obj.locale_id == locale.pk:
            by_key[obj.translation_key] = obj
    return [by_key[key] for key in keys if key in by_key]


def _named(model: type[Model], fields: tuple[str, ...], text: str, locale: Locale) -> list[Any]:
    """Objects of ``model`` whose name (in any language) or acronym appears in ``text``."""
    candidates = [
        (value, key)
        for key, *values in model.objects.values_list("translation_key", *fields)
        for value in values
        if value
    ]
    return _in_locale(model.objects.all(), names_in(text, candidates), locale)


def _host_city(document: ImportedDocument, locale: Locale) -> CityProfilePage | None:
    if not document.dates or not document.dates.city:
        return None
    cities = _named(CityProfilePage, ("title",), document.dates.city, locale)
    return cities[0] if cities else None


def _conference(document: ImportedDocument, locale: Locale) -> ConferencePage:
    start = document.dates.start if document.dates else datetime.date.today()
    end = document.dates.end if document.dates else start
    agenda = []
    for day in document.days:
        date = document.agenda_day_date(day)
        if date is None:
            document.follow_up.append(
                f"“{day.title}” falls outside the conference dates: add it to the agenda by hand."
            )
            continue
        agenda.append(
            {
                "type": "day",
                "value": {
                    "date": date.isoformat(),
                    "title": day.title,
                    "description": f"<p>{day.description_html}</p>",
                    "sessions": [],
                },
            }
        )
    page = ConferencePage(
        title=document.title,
        start_date=start,
        end_date=end,
        summary=document.standfirst,
        background=document.background_html,
        body=document.body,
        document_kind=document.document_kind,
        document_status=document.document_status,
        objectives=[
            {"type": "objective", "value": {"keyword": o.keyword, "text": o.text}} for o in document.objectives
        ],
        expected_outcomes=[{"type": "outcome", "value": text} for text in document.outcomes],
        agenda=agenda,
        site_visits=[{"type": "visit", "value": visit} for visit in document.site_visits],
        documents=_documents(document),
        host_city=_host_city(document, locale),
    )
    if document.dates and document.dates.place and page.host_city is None:
        page.venue = document.dates.place
        document.follow_up.append(f"No city profile matches “{document.dates.city}”: the place was put in the venue.")
    elif page.host_city:
        document.recognised.append(f"Host city: {page.host_city.title}.")
    return page


def _documents(document: ImportedDocument) -> list[dict[str, Any]]:
    if not document.links:
        return []
    links = [{"title": title[:255], "page": None, "document": None, "url": url} for title, url in document.links]
    return [{"type": "links", "value": {"heading": "Documents", "links": links}}]


def _news(document: ImportedDocument) -> NewsPage:
    body = document.body
    if document.links:
        body = [*body, *_documents(document)]
    return NewsPage(
        title=document.title,
        date=document.dates.start if document.dates else datetime.date.today(),
        end_date=document.dates.end if document.dates and document.dates.end != document.dates.start else None,
        standfirst=document.standfirst,
        body=body,
    )


def _relate(page: NewsPage | ConferencePage, document: ImportedDocument, locale: Locale) -> None:
    """Proposes the cities, partnerships and organisations the text names; the editor confirms them."""
    cities = _named(CityProfilePage, ("title",), document.text, locale)
    partnerships = _named(Partnership, ("name", "acronym"), document.text, locale)
    organisations = _named(Organisation, ("name", "acronym"), document.text, locale)
    if isinstance(page, NewsPage):
        page.city_links = [NewsPageCity(city=city) for city in cities]
        page.partnerships = partnerships
        page.organisations = organisations
    else:
        if partnerships:
            page.partnership = partnerships[0]
        page.organisers = organisations
    for label, found in (
        ("Cities", cities if isinstance(page, NewsPage) else []),
        ("Partnerships", partnerships),
        ("Organisations", organisations),
    ):
        if found:
            names = ", ".join(str(getattr(obj, "title", obj)) for obj in found)
            document.recognised.append(f"{label} named in the text (confirm them on the Context tab): {names}.")


@transaction.atomic
def import_as_draft(
    paragraphs: list[Paragraph],
    kind: str | None = None,
    parent: Page | None = None,
    user: AbstractBaseUser | None = None,
) -> ImportResult:
    """Creates a draft page from the paragraphs; ``kind`` and ``parent`` are found if not given."""
    if parent is not None:
        kind = kind or next((k for k, model in INDEX_MODELS.items() if isinstance(parent.specific, model)), None)
    document = recognise(paragraphs, kind)
    parent = (parent or default_parent(document.kind)).specific
    if not isinstance(parent, INDEX_MODELS[document.kind]):
        raise ValueError(f"A {document.kind} page cannot go below “{parent.title}”.")
    page: NewsPage | ConferencePage = (
        _conference(document, parent.locale) if document.kind == CONFERENCE else _news(document)
    )
    page.slug = _unique_slug(parent, page.title)
    page.live = False
    page.owner = user
    _relate(page, document, parent.locale)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return ImportResult(page, document)
