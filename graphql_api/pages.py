"""The ``Page`` interface every page type implements, and the site's home and section pages."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Annotated, Any

import strawberry
from strawberry import Parent
from strawberry.types import Info
from strawberry.types.base import get_object_definition
from wagtail.models import Page as WagtailPage

from cities.models import CityIndexPage
from conferences.models import ConferenceIndexPage
from home.frontend import page_path, page_url
from home.models import HomePage as HomePageModel
from news.models import NewsIndexPage

from .context import ApiContext
from .email_html import load_email_html
from .page_text import MAX_SUMMARY_LENGTH, cut_at_word, main_text_column, summary_columns, summary_source
from .planning import Scope, graphql_type_name, plan, planned_field, reads, register_type, store
from .rich_text import RichText, rich_text_loader
from .selection import FieldSelection
from .visibility import visible_pages


def _load_translations(scope: Scope, pages: Sequence[Any], selections: list[FieldSelection]) -> None:
    keys = {page.translation_key for page in pages}
    others = list(
        visible_pages(scope.ctx, WagtailPage)
        .filter(translation_key__in=keys)
        .exclude(pk__in=[page.pk for page in pages])
        .order_by("locale__language_code")
        .specific()
    )
    plan(scope, others, selections)
    for page in pages:
        store(page, "translations", [other for other in others if other.translation_key == page.translation_key])


_TYPE_NAMES_BY_CLASS: dict[type, str] = {}


def _type_name(cls: type) -> str:
    """The GraphQL name of a strawberry type, looked up once (``is_type_of`` runs for every item)."""
    name = _TYPE_NAMES_BY_CLASS.get(cls)
    if name is None:
        name = _TYPE_NAMES_BY_CLASS[cls] = get_object_definition(cls, strict=True).name
    return name


@strawberry.interface(description="Anything editors publish as a page: news items, conferences, cities...")
class Page:
    title: str = strawberry.field(description="The page title.")
    slug: str = strawberry.field(description="The last part of its address; unique among its siblings.")
    search_description: str = strawberry.field(description="Description for search engines; may be empty.")
    first_published_at: datetime.datetime | None = strawberry.field(description="When it was first published.")
    last_published_at: datetime.datetime | None = strawberry.field(description="When it was last published.")

    @classmethod
    def resolve_type(cls, obj: Any, _info: Any, _abstract_type: Any) -> str:
        """Pages are model instances, so their GraphQL type comes from the planner's registry."""
        return graphql_type_name(obj)

    @classmethod
    def is_type_of(cls, obj: Any, _info: Any) -> bool:
        return graphql_type_name(obj) == _type_name(cls)

    @strawberry.field(description="The page's ID.", metadata=reads(()))
    def id(self, root: Parent[WagtailPage]) -> strawberry.ID:
        return strawberry.ID(str(root.pk))

    @strawberry.field(
        description="Its path below the site root of its language, e.g. `/news/my-item/`.",
        metadata=reads(("url_path",)),
    )
    def url_path(self, root: Parent[WagtailPage], info: Info[ApiContext, None]) -> str:
        return page_path(info.context, root.url_path)

    @strawberry.field(
        description="Its address on the public website (null until the site's front-end URL is set).",
        metadata=reads(("url_path",)),
    )
    def url(self, root: Parent[WagtailPage], info: Info[ApiContext, None]) -> str | None:
        return page_url(info.context, root.url_path, root.locale_id)

    @strawberry.field(
        description="Title for search engines and social cards (the title when none was set).",
        metadata=reads(("seo_title", "title")),
    )
    def seo_title(self, root: Parent[WagtailPage]) -> str:
        return root.seo_title or root.title

    @strawberry.field(description="Language code of this version of the page, e.g. `en` or `fr`.", metadata=reads(()))
    def locale(self, root: Parent[WagtailPage], info: Info[ApiContext, None]) -> str:
        return info.context.locale_code(root.locale_id)

    translations: list[Page] = planned_field(
        _load_translations, description="The other published language versions of this page."
    )

    @strawberry.field(
        description="Plain-text summary for listings and newsletters: the summary editors wrote (else the "
        "search description, else the start of the text), cut at a word with an ellipsis to fit `maxLength`.",
        metadata=reads(summary_columns),
    )
    def summary(
        self,
        root: Parent[WagtailPage],
        max_length: Annotated[
            int, strawberry.argument(description=f"At most this many characters (1 to {MAX_SUMMARY_LENGTH}).")
        ] = 300,
    ) -> str:
        return cut_at_word(summary_source(root), max_length)

    email_html: str = planned_field(
        load_email_html,
        columns=main_text_column,
        description="The main text as e-mail-safe HTML: links to the front end, images as renditions "
        "560 px wide at most with width, height and alt text, embeds as a linked thumbnail, no scripts or iframes.",
    )


@strawberry.type(description="The root page of a site.")
class HomePage(Page):
    intro: RichText = planned_field(rich_text_loader("intro"), columns=("intro",), description="Introduction text.")


@strawberry.type(description="A section listing page: the news, conferences or cities section.")
class SectionPage(Page):
    intro: RichText = planned_field(
        rich_text_loader("intro"), columns=("intro",), description="Introduction text of the section."
    )


register_type("HomePage", HomePageModel)
register_type("SectionPage", NewsIndexPage, ConferenceIndexPage, CityIndexPage)
