"""Turns the records in ``demo.content`` into Wagtail objects, idempotently.

Every object is looked up first by a stable key (a page by slug under its parent, an organisation
by name, a partnership by slug, an image or document by title, a translation by its source and
locale) and created only when missing; existing objects are never modified. A second run
therefore creates nothing, adds no revision and reports that nothing changed.

Pages are created as drafts and published through a revision, as an editor would, so each has a
revision history. French versions are made with Wagtail's ``copy_for_translation`` (pages and
snippets), which keeps the translation key shared with the English source.

The whole load runs in one transaction: a failure leaves the database as it was (files already
written to media storage are then orphaned, which is harmless).
"""

from __future__ import annotations

import datetime
import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models, transaction
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.utils.file import hash_filelike

from cities.models import CityFunding, CityMembership, CityProfilePage, CityStrategy
from conferences.models import ConferencePage
from home.models import FrontendSettings, HomePage
from news.models import NewsPage, NewsPageCity
from partnerships.models import Organisation, Partnership

from . import artwork
from .content import cities, conferences, french, media, news, site, snippets
from .spec import (
    CitySpec,
    ConferenceSpec,
    DocumentRef,
    DocumentSpec,
    ImageRef,
    ImageSpec,
    IndexSpec,
    NewsSpec,
    OrganisationSpec,
    PageRef,
    PageTranslationSpec,
    PartnershipSpec,
    SnippetTranslationSpec,
)

M = TypeVar("M", bound=models.Model)
FileModel = TypeVar("FileModel", bound=AbstractImage | AbstractDocument)  # Wagtail's file models
P = TypeVar("P", bound=Page)

NOTHING_CHANGED = "Demo content already present; nothing changed."


# --- Bookkeeping ------------------------------------------------------------------------------------


@dataclass
class Report:
    """What one run created (counted per kind) and changed (described in words)."""

    created: Counter[str] = field(default_factory=Counter)
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.changes)

    def summary(self) -> str:
        if not self.changed:
            return NOTHING_CHANGED
        counts = ", ".join(f"{number} {kind}" for kind, number in self.created.items())
        return " ".join(part for part in (f"Created {counts}." if counts else "", *self.changes) if part)


@dataclass
class Context:
    """Objects created or found so far, by the keys the content records use."""

    locale: Locale
    report: Report
    pages: dict[str, Page] = field(default_factory=dict)  # slug path below home; "" is home
    organisations: dict[str, Organisation] = field(default_factory=dict)
    partnerships: dict[str, Partnership] = field(default_factory=dict)
    images: dict[str, Any] = field(default_factory=dict)
    documents: dict[str, Any] = field(default_factory=dict)

    def page(self, path: str) -> Page:
        try:
            return self.pages[path]
        except KeyError:
            raise KeyError(f"Demo content refers to page '{path}' before it is built.") from None

    def optional_page(self, section: str, slug: str | None) -> Page | None:
        return self.page(f"{section}/{slug}") if slug else None


# --- References: from content records to database ids -------------------------------------------------

LINK_MARKUP = re.compile(r'<a (page|document)="([^"]+)">')


def in_locale(obj: M, locale: Locale | None) -> M:
    """The object's version in ``locale`` if it has one, else the object itself (the fallback)."""
    if locale is None or not isinstance(obj, TranslatableMixin) or obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale) or obj


def resolve(value: Any, ctx: Context, locale: Locale | None = None) -> Any:
    """Content values as Wagtail stores them: references become ids, link markup becomes linktype.

    With ``locale``, page references go to that locale's version of the page when there is one.
    """
    if isinstance(value, PageRef):
        return in_locale(ctx.page(value.path), locale).pk
    if isinstance(value, DocumentRef):
        return ctx.documents[value.key].pk
    if isinstance(value, ImageRef):
        return ctx.images[value.key].pk
    if isinstance(value, str):
        return LINK_MARKUP.sub(lambda match: _rich_text_link(match, ctx, locale), value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: resolve(item, ctx, locale) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(item, ctx, locale) for item in value]
    return value


def _rich_text_link(match: re.Match[str], ctx: Context, locale: Locale | None) -> str:
    kind, key = match.group(1), html.unescape(match.group(2))
    target = PageRef(key) if kind == "page" else DocumentRef(key)
    return f'<a linktype="{kind}" id="{resolve(target, ctx, locale)}">'


# --- Generic creators ---------------------------------------------------------------------------------


def ensure_object(model: type[M], lookup: dict[str, Any], build: Callable[[], M], ctx: Context, kind: str) -> M:
    """The first ``model`` matching ``lookup``, or a new one from ``build()``, validated, saved, counted."""
    existing = model._default_manager.filter(**lookup).first()
    if existing is not None:
        return existing
    obj = build()
    obj.full_clean()
    obj.save()
    ctx.report.created[kind] += 1
    return obj


def publish(page: P) -> P:
    """Publish the page's current state through a new revision, as the admin's Publish button does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_page(parent: Page, slug: str, build: Callable[[], P], ctx: Context) -> P:
    """The default-locale child of ``parent`` with ``slug``, or a new one created and published."""
    existing = parent.get_children().filter(slug=slug, locale=ctx.locale).first()
    if existing is not None:
        return existing.specific
    page = build()
    page.slug = slug
    page.live = False
    parent.add_child(instance=page)
    ctx.report.created["pages"] += 1
    return publish(page)


def with_file(obj: FileModel, data: bytes, filename: str) -> FileModel:
    """Attach generated file content with the size and hash Wagtail's upload form would record."""
    obj.file = ContentFile(data, name=filename)
    obj.file_size = len(data)
    obj.file_hash = hash_filelike(ContentFile(data))
    return obj


# --- Site skeleton --------------------------------------------------------------------------------------


def ensure_locales(ctx: Context, languages: tuple[str, ...]) -> dict[str, Locale]:
    found = {}
    for language in languages:
        found[language], created = Locale.objects.get_or_create(language_code=language)
        if created:
            ctx.report.changes.append(f"Added the '{language}' locale.")
    return found


def ensure_home(ctx: Context) -> HomePage:
    home = ensure_page(
        Page.get_first_root_node(),
        site.HOME_SLUG,
        lambda: HomePage(title=site.HOME_TITLE, intro=site.HOME_INTRO),
        ctx,
    )
    ctx.pages[""] = home
    return home


def ensure_default_site(home: HomePage, ctx: Context) -> Site:
    """Make the demo home page the default site's root, creating that site on an empty install."""
    default_site = Site.objects.filter(is_default_site=True).first()
    if default_site is None:
        default_site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site.HOME_TITLE
        )
        ctx.report.changes.append("Created the default site.")
    elif default_site.root_page_id != home.pk:
        default_site.root_page = home
        default_site.save()
        ctx.report.changes.append(f"Made '{home.title}' the default site's root page.")
    return default_site


def remove_welcome_page(ctx: Context) -> None:
    """Delete the placeholder page Wagtail's migrations create, once no site uses it any more."""
    welcome = Page.objects.filter(
        depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page", numchild=0
    ).first()
    if welcome is not None and not Site.objects.filter(root_page=welcome).exists():
        welcome.delete()
        ctx.report.changes.append("Removed Wagtail's default welcome page.")


def ensure_frontend_base_url(default_site: Site, ctx: Context) -> None:
    """Fill in the public website address, leaving one that someone already set alone."""
    settings = FrontendSettings.for_site(default_site)
    if not settings.base_url:
        settings.base_url = site.FRONTEND_BASE_URL
        settings.save()
        ctx.report.changes.append(f"Set the front-end address to {site.FRONTEND_BASE_URL}.")


def ensure_index(home: HomePage, spec: IndexSpec, ctx: Context) -> Page:
    model = apps.get_model(spec.model)
    index = ensure_page(home, spec.slug, lambda: model(title=spec.title, intro=spec.intro), ctx)
    ctx.pages[spec.slug] = index
    return index


# --- Snippets, images and documents ---------------------------------------------------------------------


def ensure_organisation(spec: OrganisationSpec, ctx: Context) -> Organisation:
    def build() -> Organisation:
        return Organisation(
            name=spec.name,
            acronym=spec.acronym,
            kind=spec.kind,
            parent=ctx.organisations[spec.parent] if spec.parent else None,
            country=spec.country,
            website=spec.website,
            locale=ctx.locale,
        )

    organisation = ensure_object(Organisation, {"name": spec.name, "locale": ctx.locale}, build, ctx, "snippets")
    ctx.organisations[spec.key] = organisation
    return organisation


def ensure_partnership(spec: PartnershipSpec, ctx: Context) -> Partnership:
    def build() -> Partnership:
        return Partnership(
            name=spec.name,
            slug=spec.slug,
            acronym=spec.acronym,
            kind=spec.kind,
            funder=ctx.organisations[spec.funder] if spec.funder else None,
            parent=ctx.partnerships[spec.parent] if spec.parent else None,
            description=spec.description,
            start_year=spec.start_year,
            end_year=spec.end_year,
            website=spec.website,
            locale=ctx.locale,
        )

    partnership = ensure_object(Partnership, {"slug": spec.slug, "locale": ctx.locale}, build, ctx, "snippets")
    ctx.partnerships[spec.slug] = partnership
    return partnership


def ensure_image(spec: ImageSpec, ctx: Context) -> Any:
    image_model = get_image_model()

    def build() -> Any:
        focal = dict(zip(("x", "y", "width", "height"), spec.focal_point or (), strict=False))
        image = image_model(
            title=spec.title,
            description=spec.description,
            credit=media.IMAGE_CREDIT,
            focal_point_x=focal.get("x"),
            focal_point_y=focal.get("y"),
            focal_point_width=focal.get("width"),
            focal_point_height=focal.get("height"),
        )
        return with_file(image, artwork.render_image(spec, media.IMAGE_CREDIT), f"{spec.key}.jpg")

    ctx.images[spec.key] = ensure_object(image_model, {"title": spec.title}, build, ctx, "images")
    return ctx.images[spec.key]


def ensure_document(spec: DocumentSpec, ctx: Context) -> Any:
    document_model = get_document_model()

    def build() -> Any:
        document = document_model(title=spec.title)
        return with_file(document, artwork.render_pdf(spec, media.DOCUMENT_FOOTER), spec.filename)

    ctx.documents[spec.key] = ensure_object(document_model, {"title": spec.title}, build, ctx, "documents")
    return ctx.documents[spec.key]


# --- Content pages ------------------------------------------------------------------------------------------


def build_city(spec: CitySpec, ctx: Context) -> CityProfilePage:
    return CityProfilePage(
        title=spec.title,
        country=spec.country,
        region=spec.region,
        is_capital=spec.is_capital,
        population=spec.population,
        population_year=spec.population_year,
        latitude=spec.latitude,
        longitude=spec.longitude,
        summary=spec.summary,
        body=resolve(spec.body, ctx),
        image=ctx.images[spec.image],
        website=spec.website,
        is_demo=True,
        memberships=[
            CityMembership(partnership=ctx.partnerships[m.partnership], role=m.role, since_year=m.since_year)
            for m in spec.memberships
        ],
        strategies=[
            CityStrategy(
                title=s.title,
                year=s.year,
                summary=s.summary,
                document=ctx.documents[s.document] if s.document else None,
            )
            for s in spec.strategies
        ],
        funding=[
            CityFunding(
                amount=f.amount,
                currency=f.currency,
                programme=ctx.partnerships[f.programme],
                year=f.year,
                purpose=f.purpose,
            )
            for f in spec.funding
        ],
    )


def build_conference(spec: ConferenceSpec, ctx: Context) -> ConferencePage:
    return ConferencePage(
        title=spec.title,
        start_date=spec.start_date,
        end_date=spec.end_date,
        format=spec.format,
        host_city=ctx.optional_page("cities", spec.host_city),
        venue=spec.venue,
        organisers=[ctx.organisations[key] for key in spec.organisers],
        partnership=ctx.partnerships[spec.partnership] if spec.partnership else None,
        edition=spec.edition,
        previous_edition=ctx.optional_page("conferences", spec.previous_edition),
        summary=spec.summary,
        background=resolve(spec.background, ctx),
        objectives=resolve(spec.objectives, ctx),
        agenda=resolve(spec.agenda, ctx),
        site_visits=resolve(spec.site_visits, ctx),
        expected_outcomes=resolve(spec.expected_outcomes, ctx),
        target_audience=resolve(spec.target_audience, ctx),
        documents=resolve(spec.documents, ctx),
        registration_url=spec.registration_url,
    )


def build_news(spec: NewsSpec, ctx: Context) -> NewsPage:
    page = NewsPage(
        title=spec.title,
        date=spec.date,
        standfirst=spec.standfirst,
        hero_image=ctx.images[spec.hero_image],
        hero_caption=spec.hero_caption,
        body=resolve(spec.body, ctx),
        partnerships=[ctx.partnerships[slug] for slug in spec.partnerships],
        organisations=[ctx.organisations[key] for key in spec.organisations],
        conference=ctx.optional_page("conferences", spec.conference),
        source_url=spec.source_url,
        city_links=[NewsPageCity(city=ctx.page(f"cities/{slug}")) for slug in spec.cities],
    )
    page.tags.add(*spec.tags)
    return page


def ensure_child_pages(
    section: str, specs: tuple[Any, ...], build: Callable[[Any, Context], Page], ctx: Context
) -> None:
    """Create each spec's page below the ``section`` listing, recording it under ``section/slug``."""
    parent = ctx.page(section)
    for spec in specs:
        ctx.pages[f"{section}/{spec.slug}"] = ensure_page(parent, spec.slug, partial(build, spec, ctx), ctx)


# --- Translations ---------------------------------------------------------------------------------------------


def relink_to_locale(obj: models.Model, locale: Locale) -> None:
    """Point a translated copy's relations at translated objects where they exist (in memory only).

    Covers foreign keys and parental many-to-many fields to translatable models, and, recursively,
    the rows of the object's inline child relations (city memberships, news cities...).
    """
    for model_field in obj._meta.get_fields():
        if not model_field.concrete or model_field.name == "alias_of" or isinstance(model_field, ParentalKey):
            continue
        related = model_field.related_model
        if not (isinstance(related, type) and issubclass(related, TranslatableMixin)):
            continue
        if isinstance(model_field, ParentalManyToManyField):
            manager = getattr(obj, model_field.name)
            manager.set([in_locale(target, locale) for target in manager.all()])
        elif isinstance(model_field, models.ForeignKey) and getattr(obj, model_field.attname) is not None:
            setattr(obj, model_field.name, in_locale(getattr(obj, model_field.name), locale))

    if not isinstance(obj, ClusterableModel):
        return
    for relation in get_all_child_relations(obj):
        manager = getattr(obj, relation.get_accessor_name())
        children = list(manager.all())
        for child in children:
            relink_to_locale(child, locale)
        manager.set(children)


def ensure_snippet_translation(spec: SnippetTranslationSpec, locale: Locale, ctx: Context) -> None:
    source = ctx.organisations[spec.key] if spec.model == "organisation" else ctx.partnerships[spec.key]
    if source.has_translation(locale):
        return
    translation = source.copy_for_translation(locale)
    relink_to_locale(translation, locale)
    for name, value in spec.fields.items():
        setattr(translation, name, value)
    translation.full_clean()
    translation.save()
    ctx.report.created["snippet translations"] += 1


def ensure_page_translation(spec: PageTranslationSpec, locale: Locale, ctx: Context) -> None:
    """Copy an English page into ``locale`` below its translated parent, translate it, publish it."""
    source = ctx.page(spec.source)
    if source.has_translation(locale):
        return
    translation = source.copy_for_translation(locale).specific
    relink_to_locale(translation, locale)
    for name, value in spec.fields.items():
        setattr(translation, name, resolve(value, ctx, locale))
    publish(translation)
    ctx.report.created["page translations"] += 1


# --- The whole load ---------------------------------------------------------------------------------------------


@transaction.atomic
def load_demo_content() -> Report:
    """Build (or complete) the demo site and say what was created."""
    ctx = Context(locale=Locale.get_default(), report=Report())
    translation_locales = ensure_locales(ctx, site.TRANSLATION_LANGUAGES)

    home = ensure_home(ctx)
    ensure_frontend_base_url(ensure_default_site(home, ctx), ctx)
    remove_welcome_page(ctx)
    for index_spec in site.INDEXES:
        ensure_index(home, index_spec, ctx)

    for organisation_spec in snippets.ORGANISATIONS:
        ensure_organisation(organisation_spec, ctx)
    for partnership_spec in snippets.PARTNERSHIPS:
        ensure_partnership(partnership_spec, ctx)
    for image_spec in media.IMAGES:
        ensure_image(image_spec, ctx)
    for document_spec in media.DOCUMENTS:
        ensure_document(document_spec, ctx)

    ensure_child_pages("cities", cities.CITIES, build_city, ctx)
    ensure_child_pages("conferences", conferences.CONFERENCES, build_conference, ctx)
    ensure_child_pages("news", news.NEWS, build_news, ctx)

    french_locale = translation_locales[french.LANGUAGE]
    for snippet_spec in french.SNIPPETS:
        ensure_snippet_translation(snippet_spec, french_locale, ctx)
    for page_spec in french.PAGES:
        ensure_page_translation(page_spec, french_locale, ctx)

    return ctx.report
