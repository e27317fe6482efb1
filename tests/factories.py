"""Factories for every content type, for the page tests and the GraphQL API tests alike.

Pages are created the way an editor's "Publish" leaves them: saved under their parent, with a
revision, and published (pass ``live=False`` for a draft that was saved but never published; a
``go_live_at`` in the future gives a scheduled page, not live until ``publish_scheduled`` runs).
Relations are plain keyword arguments::

    news = NewsPageFactory(
        parent=site_tree["news"],
        cities=[city],
        partnerships=[partnership],
        tags=["culture"],
        body=[
            ("paragraph", "<p>Text</p>"),
            ("quote", {"text": "Culture matters.", "attribution": "A. Mayor"}),
        ],
    )

StreamFields take ``[(block_type, value), ...]`` with plain dicts, lists, pages and documents as
values, or wagtail-factories' declarations (``body__0__quote__text="..."``). Without ``parent``
a page goes under the first page of its parent type, which is created when there is none.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

import factory
import wagtail_factories
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from cities.models import (
    CityFunding,
    CityIndexPage,
    CityMembership,
    CityProfilePage,
    CityStrategy,
)
from conferences.models import ConferenceIndexPage, ConferencePage
from home import blocks as home_blocks
from home.models import CitynewsImage, HomePage
from news.models import NewsIndexPage, NewsPage, NewsPageCity
from partnerships.models import Organisation, Partnership

Document = get_document_model()

M = TypeVar("M", bound=models.Model)
P = TypeVar("P", bound=Page)


def default_locale() -> Locale:
    return Locale.get_default()


def root_collection() -> Collection:
    return Collection.get_first_root_node()


# --- Snippets -------------------------------------------------------------------------------------


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = ""
    kind = Organisation.Kind.OTHER
    locale = factory.LazyFunction(default_locale)


class PartnershipFactory(DjangoModelFactory[Partnership]):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    acronym = ""
    kind = Partnership.Kind.PROGRAMME
    start_year = 2021
    end_year = 2025
    locale = factory.LazyFunction(default_locale)


# --- Media ----------------------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    """A real (small) image file made by Pillow, so renditions can be generated from it."""

    class Meta:
        model = CitynewsImage

    title = factory.Sequence(lambda n: f"Image {n}")
    # wagtail-factories makes a new root collection per image; use the one Wagtail installs.
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=64, height=48, color="teal", filename="photo.png")
    credit = factory.Sequence(lambda n: f"© Photographer {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        image._set_image_file_metadata()  # file size and hash, as an admin upload records them
        image.save()
        return image


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4\n% Citynews test\n%%EOF\n")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()  # file size and hash, as an admin upload records them
        document.save()
        return document


# --- StreamField blocks (wagtail-factories) -------------------------------------------------------


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A rich text paragraph: ``value`` is the HTML."""

    class Meta:
        model = blocks.RichTextBlock

    value = "<p>A paragraph of news.</p>"

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = home_blocks.HeadingBlock

    text = factory.Sequence(lambda n: f"Heading {n}")
    level = "h2"


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = home_blocks.QuoteBlock

    text = "Cities learn fastest from each other."
    attribution = "Ana Example"
    role = "Mayor"


class ImageChooserBlockFactory(wagtail_factories.ImageChooserBlockFactory):
    image = factory.SubFactory(ImageFactory)


class ImageBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = home_blocks.ImageBlock

    image = factory.SubFactory(ImageChooserBlockFactory)
    caption = "A caption"
    credit = ""


class KeyFigureBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = home_blocks.KeyFigureBlock

    value = "EUR 300,000"
    label = "per winner city"


class LinkBlockFactory(wagtail_factories.StructBlockFactory):
    """An external link by default; set ``url=""`` and ``page``/``document`` for the others."""

    class Meta:
        model = home_blocks.LinkBlock

    title = factory.Sequence(lambda n: f"Link {n}")
    page = None
    document = None
    url = "https://example.org/"


class LinksBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = home_blocks.LinksBlock

    heading = "Further reading"
    links = wagtail_factories.ListBlockFactory(LinkBlockFactory)


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    class Meta:
        model = home_blocks.BodyBlock

    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)
    image = factory.SubFactory(ImageBlockFactory)
    key_figure = factory.SubFactory(KeyFigureBlockFactory)
    links = factory.SubFactory(LinksBlockFactory)


# --- Pages ----------------------------------------------------------------------------------------


def first_page_or_create(model: type[P], factory_class: Callable[[], P]) -> Callable[[], P]:
    """A lazy default parent: the first ``model`` page of the default locale, or a new one."""

    def get() -> P:
        page = model.objects.filter(locale=Locale.get_default()).order_by("path").first()
        return page or factory_class()

    return get


class BasePageFactory(wagtail_factories.PageFactory, Generic[P]):
    """Saves the page under ``parent`` with its relations, then saves a revision and publishes it.

    Subclasses list their relation keyword arguments in ``_relations``: name -> function that
    applies the value to the unsaved page (in memory; modelcluster saves them with the page).
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    live = True

    _relations: Mapping[str, Callable[[Any, Any], None]] = {}

    @classmethod
    def _create(cls, model_class: type[P], *args: Any, **kwargs: Any) -> P:
        parent: Page = kwargs.pop("parent")
        owner = kwargs.pop("owner", None)
        relations = {name: kwargs.pop(name) for name in list(kwargs) if name in cls._relations}
        page = model_class(owner=owner, **kwargs)
        for name, value in relations.items():
            if value is not None:
                cls._relations[name](page, value)
        parent.add_child(instance=page)  # saves the page, its inline rows and its M2M links

        revision = page.save_revision(user=owner, log_action=True)
        if page.live:
            revision.publish(user=owner)
        return model_class.objects.get(pk=page.pk)


def _set_m2m(name: str) -> Callable[[ClusterableModel, Iterable[models.Model]], None]:
    def apply(page: ClusterableModel, values: Iterable[models.Model]) -> None:
        getattr(page, name).set(list(values))

    return apply


def _set_tags(page: NewsPage, tags: Iterable[str]) -> None:
    page.tags.set(list(tags))


def _set_children(name: str, model: type[models.Model], key: str) -> Callable[[ClusterableModel, Iterable[Any]], None]:
    """Inline rows from model instances, dicts of their fields, or just the ``key`` object."""

    def apply(page: ClusterableModel, values: Iterable[Any]) -> None:
        rows = []
        for order, value in enumerate(values):
            if isinstance(value, model):
                row = value
            elif isinstance(value, Mapping):
                row = model(**value)
            else:
                row = model(**{key: value})
            row.sort_order = order
            rows.append(row)
        setattr(page, name, rows)

    return apply


class HomePageFactory(BasePageFactory[HomePage]):
    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.Sequence(lambda n: f"Citynews {n}")
    intro = "<p>News from the partner cities.</p>"


class NewsIndexPageFactory(BasePageFactory[NewsIndexPage]):
    class Meta:
        model = NewsIndexPage

    parent = factory.LazyFunction(first_page_or_create(HomePage, lambda: HomePageFactory()))
    title = "News"
    intro = "<p>What the partnerships did.</p>"


class ConferenceIndexPageFactory(BasePageFactory[ConferenceIndexPage]):
    class Meta:
        model = ConferenceIndexPage

    parent = factory.LazyFunction(first_page_or_create(HomePage, lambda: HomePageFactory()))
    title = "Conferences"
    intro = "<p>Meetings and conferences.</p>"


class CityIndexPageFactory(BasePageFactory[CityIndexPage]):
    class Meta:
        model = CityIndexPage

    parent = factory.LazyFunction(first_page_or_create(HomePage, lambda: HomePageFactory()))
    title = "Cities"
    intro = "<p>The partner cities.</p>"


class CityProfilePageFactory(BasePageFactory[CityProfilePage]):
    """``memberships`` take partnerships or dicts (``{"partnership": p, "role": "Lead city"}``);
    ``strategies`` and ``funding`` take dicts of the row's fields."""

    class Meta:
        model = CityProfilePage

    parent = factory.LazyFunction(first_page_or_create(CityIndexPage, lambda: CityIndexPageFactory()))
    title = factory.Sequence(lambda n: f"City {n}")
    country = "GE"
    region = ""
    summary = factory.LazyAttribute(lambda obj: f"{obj.title} is a partner city.")

    _relations = {
        "memberships": _set_children("memberships", CityMembership, "partnership"),
        "strategies": _set_children("strategies", CityStrategy, "title"),
        "funding": _set_children("funding", CityFunding, "amount"),
    }


class NewsPageFactory(BasePageFactory[NewsPage]):
    """``cities``, ``partnerships``, ``organisations``: lists of objects; ``tags``: names."""

    class Meta:
        model = NewsPage

    parent = factory.LazyFunction(first_page_or_create(NewsIndexPage, lambda: NewsIndexPageFactory()))
    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.LazyFunction(timezone.localdate)
    standfirst = factory.LazyAttribute(lambda obj: f"What happened: {obj.title}.")
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    _relations = {
        "cities": _set_children("city_links", NewsPageCity, "city"),
        "partnerships": _set_m2m("partnerships"),
        "organisations": _set_m2m("organisations"),
        "tags": _set_tags,
    }


class ConferencePageFactory(BasePageFactory[ConferencePage]):
    """Runs for two days from ``start_date`` (a month from today unless given). ``organisers``
    is a list of organisations; ``agenda`` items are ``("day", {"date": ..., "title": ...})``."""

    class Meta:
        model = ConferencePage

    parent = factory.LazyFunction(first_page_or_create(ConferenceIndexPage, lambda: ConferenceIndexPageFactory()))
    title = factory.Sequence(lambda n: f"Conference {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda obj: obj.start_date + datetime.timedelta(days=1))
    format = ConferencePage.Format.IN_PERSON
    summary = factory.LazyAttribute(lambda obj: f"{obj.title}: partners meet.")

    _relations = {"organisers": _set_m2m("organisers")}


def make_site_tree() -> dict[str, Any]:
    """What the ``site_tree`` fixture builds, for ``setUpTestData`` and module fixtures."""
    Locale.objects.get_or_create(language_code="fr")
    home = HomePageFactory(title="Citynews", slug="citynews")
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return {
        "site": site,
        "home": home,
        "news": NewsIndexPageFactory(parent=home),
        "conferences": ConferenceIndexPageFactory(parent=home),
        "cities": CityIndexPageFactory(parent=home),
    }


# --- Admin form data ------------------------------------------------------------------------------


def list_block(items: Iterable[Any]) -> dict[str, Any]:
    """A ListBlock's admin form data, for use inside ``nested_form_data`` like Wagtail's
    ``streamfield()`` helper (which covers StreamBlocks only)."""
    data: dict[str, Any] = {
        str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(items)
    }
    data["count"] = str(len(data))
    return data
