"""Rich text for clients: HTML with every internal reference turned into a public address.

Editors' rich text is stored with references (``<a linktype="page" id="3">``). Before the
response is built, ``load_rich_text`` collects the references of every rich text in it and
loads them in a few queries; ``render_rich_text`` then rewrites without touching the database.
Links to pages or documents that may not be shown lose their address but keep their text.
"""

import re
from collections.abc import Iterable, Sequence
from html import escape, unescape
from typing import Any

import strawberry
from django.utils.html import strip_tags
from wagtail.embeds.models import Embed
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, EmbedRewriter, LinkRewriter, extract_attrs

from .documents import load_documents, loaded_document
from .page_urls import load_page_urls, loaded_page_url
from .planning import Loader, Scope, store
from .selection import FieldSelection


@strawberry.type(description="Formatted text written by editors.")
class RichText:
    html: str = strawberry.field(
        description="HTML with links to pages and documents pointing at their public addresses."
    )
    text: str = strawberry.field(
        description=(
            "Plain text, for previews, search snippets and newsletters: one blank line between "
            "paragraphs and headings, each list item on its own line."
        )
    )


def _references(htmls: Iterable[str]) -> dict[str, set[Any]]:
    found: dict[str, set[Any]] = {"page": set(), "document": set(), "media": set()}
    for html in htmls:
        for match in FIND_A_TAG.findall(html):
            attrs = extract_attrs(match)
            if attrs.get("linktype") in ("page", "document") and attrs.get("id", "").isdigit():
                found[attrs["linktype"]].add(int(attrs["id"]))
        for match in FIND_EMBED_TAG.findall(html):
            attrs = extract_attrs(match)
            if attrs.get("embedtype") == "media" and attrs.get("url"):
                found["media"].add(attrs["url"])
    return found


def load_rich_text(scope: Scope, htmls: Iterable[str]) -> None:
    """Loads what these rich texts refer to, so that rendering them runs no query."""
    references = _references(htmls)
    load_page_urls(scope, references["page"])
    load_documents(scope.ctx, references["document"])
    missing = {url for url in references["media"] if ("embed", url) not in scope.ctx.loaded}
    if missing:
        embeds = {embed.url: embed.html for embed in Embed.objects.filter(url__in=missing)}
        for url in missing:
            scope.ctx.loaded["embed", url] = embeds.get(url)


# Plain text keeps the shape of the text: block tags separate paragraphs (one blank line), list
# items and line breaks separate lines. Inline tags (links, bold...) sit inside sentences and words,
# so they leave nothing: "<b>Kutaisi</b>, Georgia" is "Kutaisi, Georgia".
_PARAGRAPH, _LINE = "\x00", "\x01"
_PARAGRAPH_TAG = re.compile(r"<(?=/?(?:p|h[1-6]|ul|ol|div|blockquote|figure|table|tr|hr)\b)[^>]*>", re.IGNORECASE)
_LINE_TAG = re.compile(r"<(?=/?(?:li|br|td|th)\b)[^>]*>", re.IGNORECASE)
# Wagtail's editor keeps its own block ids in stored HTML; clients have no use for them.
_INTERNAL_ATTRIBUTE = re.compile(r"""\s+data-block-key\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def plain_text(html: str) -> str:
    """The words of ``html``: paragraphs apart by one blank line, list items on their own lines."""
    marked = _LINE_TAG.sub(_LINE, _PARAGRAPH_TAG.sub(_PARAGRAPH, html))
    words = " ".join(unescape(strip_tags(marked)).split())
    paragraphs = (
        "\n".join(line.strip() for line in paragraph.split(_LINE) if line.strip())
        for paragraph in words.split(_PARAGRAPH)
    )
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _link(href: str | None) -> str:
    return f'<a href="{escape(href)}">' if href else "<a>"


def render_rich_text(scope: Scope, html: str) -> RichText:
    ctx = scope.ctx

    def page_link(attrs: dict[str, Any]) -> str:
        return _link(loaded_page_url(scope, int(attrs["id"])) if attrs.get("id", "").isdigit() else None)

    def document_link(attrs: dict[str, Any]) -> str:
        document = loaded_document(ctx, int(attrs["id"])) if attrs.get("id", "").isdigit() else None
        return _link(document and ctx.request.build_absolute_uri(document.url))

    def media_embed(attrs: dict[str, Any]) -> str:
        url = attrs.get("url", "")
        cached = ctx.loaded.get(("embed", url))
        return cached or f'<a href="{escape(url)}">{escape(url)}</a>'

    rewritten = EmbedRewriter(rules={"media": media_embed})(
        LinkRewriter(rules={"page": page_link, "document": document_link})(_INTERNAL_ATTRIBUTE.sub("", html))
    )
    return RichText(html=rewritten, text=plain_text(rewritten))


def rich_text_loader(attribute: str) -> Loader:
    """A planning loader rendering the rich-text field ``attribute`` of every object."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        load_rich_text(scope, [getattr(obj, attribute) for obj in objects])
        for obj in objects:
            store(obj, selections[0].name, render_rich_text(scope, getattr(obj, attribute)))

    return load
