"""Where each page type keeps its summary and its main text, and summaries cut for listings and e-mail.

Defined once for every page type, so that ``Page.summary`` and ``Page.emailHtml`` read the same
fields whatever the page: a news item's standfirst and body, a conference's summary and
background, a city's summary and profile, a section's introduction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wagtail.fields import StreamField
from wagtail.models import Page

from cities.models import CityIndexPage, CityProfilePage
from conferences.models import ConferenceIndexPage, ConferencePage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage

from .errors import BadInput
from .rich_text import plain_text

MAX_SUMMARY_LENGTH = 2000
ELLIPSIS = "…"

# The plain-text summary editors write, where the page type has one.
SUMMARY_FIELDS: dict[type[Page], str] = {NewsPage: "standfirst", ConferencePage: "summary", CityProfilePage: "summary"}
# The main text: a StreamField of body blocks or a rich-text field.
MAIN_TEXT_FIELDS: dict[type[Page], str] = {
    NewsPage: "body",
    CityProfilePage: "body",
    ConferencePage: "background",
    HomePage: "intro",
    NewsIndexPage: "intro",
    ConferenceIndexPage: "intro",
    CityIndexPage: "intro",
}
# Words of the stored blocks that count as text; images, embeds and links do not.
_TEXT_OF_BLOCK: dict[str, Callable[[Any], str]] = {
    "heading": lambda value: value.get("text", ""),
    "paragraph": plain_text,
    "quote": lambda value: value.get("text", ""),
    "key_figure": lambda value: f"{value.get('value', '')} {value.get('label', '')}",
}


def summary_columns(model: type[Page]) -> tuple[str | None, ...]:
    """The fields ``summary_source`` may read of a page of type ``model``."""
    return SUMMARY_FIELDS.get(model), "search_description", MAIN_TEXT_FIELDS.get(model)


def main_text_column(model: type[Page]) -> tuple[str | None]:
    """The field ``main_text`` reads of a page of type ``model``."""
    return (MAIN_TEXT_FIELDS.get(model),)


def main_text(page: Page) -> tuple[str, Any]:
    """``("stream", raw blocks)`` or ``("rich_text", html)`` of the page's main text."""
    name = MAIN_TEXT_FIELDS.get(type(page))
    if name is None:
        return "rich_text", ""
    if isinstance(type(page)._meta.get_field(name), StreamField):
        return "stream", getattr(page, name).raw_data
    return "rich_text", getattr(page, name) or ""


def _main_words(page: Page) -> str:
    kind, value = main_text(page)
    if kind == "rich_text":
        return plain_text(value)
    words = (_TEXT_OF_BLOCK[block["type"]](block["value"]) for block in value if block["type"] in _TEXT_OF_BLOCK)
    return " ".join(" ".join(words).split())


def summary_source(page: Page) -> str:
    """The summary editors wrote, else the search description, else the words of the main text."""
    written = getattr(page, SUMMARY_FIELDS[type(page)], "") if type(page) in SUMMARY_FIELDS else ""
    return " ".join((written or page.search_description or _main_words(page)).split())


def cut_at_word(text: str, max_length: int) -> str:
    """``text`` if it fits, else its words up to ``max_length`` characters with an ellipsis (counted)."""
    if not 1 <= max_length <= MAX_SUMMARY_LENGTH:
        raise BadInput(f"`maxLength` must be between 1 and {MAX_SUMMARY_LENGTH}; got {max_length}.")
    if len(text) <= max_length:
        return text
    head = text[: max_length - len(ELLIPSIS)]
    if not text[len(head)].isspace() and " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,;:.-\u2013\u2014") + ELLIPSIS
