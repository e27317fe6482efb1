"""A page's main text as HTML an e-mail client can show, for newsletter tools (``Page.emailHtml``).

E-mail clients run no scripts, show no iframes, ignore most stylesheets and often block images
without a size, so the HTML is rebuilt from the typed blocks rather than passed through: links
point at the front end, images are renditions at most 600 px wide with width, height and alt
text, embeds become a linked thumbnail (or a plain link), and only an allowlist of tags and
attributes survives (no ``data-block-key``, classes or scripts). Inline styles are used only
where clients would otherwise lose the meaning (quotes, captions, key figures, image sizing).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from html.parser import HTMLParser
from typing import Any

from wagtail.embeds.models import Embed

from .images import ImageFit, ImageFormat, alt_text, credit_for, filter_spec, loaded_image, rendition_of
from .page_text import main_text
from .planning import Scope, store
from .rich_text import render_rich_text
from .selection import FieldSelection
from .streamfield import (
    BODY_BLOCKS,
    EmbedBlock,
    HeadingBlock,
    ImageBlock,
    KeyFigureBlock,
    LinksBlock,
    ParagraphBlock,
    QuoteBlock,
    References,
    build_stream,
    collect_stream,
)

# The usual 600 px e-mail column less its padding (and one of the sizes the API may render).
EMAIL_WIDTH = 560
EMAIL_IMAGE_SPEC = filter_spec(EMAIL_WIDTH, None, ImageFit.WIDTH, ImageFormat.JPEG, 80)
IMAGE_STYLE = "display:block;max-width:100%;height:auto;border:0;"
CAPTION_STYLE = "margin:4px 0 16px;font-size:13px;color:#555555;"
QUOTE_STYLE = "margin:16px 0;padding:0 0 0 12px;border-left:3px solid #cccccc;"

_ALLOWED_TAGS = {
    "p": (),
    "br": (),
    "h2": (),
    "h3": (),
    "h4": (),
    "strong": (),
    "b": (),
    "em": (),
    "i": (),
    "sup": (),
    "sub": (),
    "ul": (),
    "ol": (),
    "li": (),
    "blockquote": (),
    "a": ("href",),
}
_VOID_TAGS = {"br", "img", "hr", "embed", "source", "input"}
_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "noscript", "template", "svg", "form"}


class _EmailSafeHTML(HTMLParser):
    """Keeps allowlisted tags and attributes; iframes become a link to what they showed."""

    def __init__(self, frontend_base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.frontend_base_url = frontend_base_url
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def _href(self, value: str | None) -> str | None:
        value = (value or "").strip()
        if value.startswith("/") and not value.startswith("//"):
            return f"{self.frontend_base_url}{value}" if self.frontend_base_url else None
        return value if value.lower().startswith(("https://", "http://", "mailto:")) else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag not in _VOID_TAGS:
                self.skipping.append(tag)
            return
        if tag in _DROPPED_WITH_CONTENT:
            if tag == "iframe" and (src := self._href(dict(attrs).get("src"))):
                self.parts.append(f'<a href="{escape(src)}">{escape(src)}</a>')
            self.skipping.append(tag)
            return
        if tag not in _ALLOWED_TAGS:
            return
        kept = ""
        if tag == "a":
            href = self._href(dict(attrs).get("href"))
            kept = f' href="{escape(href)}"' if href else ""
        self.parts.append(f"<{tag}{kept}>")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if self.skipping[-1] == tag:
                self.skipping.pop()
            return
        if tag in _ALLOWED_TAGS and tag not in _VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(escape(data, quote=False))


def email_safe(html: str, frontend_base_url: str) -> str:
    parser = _EmailSafeHTML(frontend_base_url)
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _image(scope: Scope, block: ImageBlock) -> str:
    image = loaded_image(scope.ctx, block.image_id)
    if image is None:
        return ""
    rendition = rendition_of(scope.ctx, image, EMAIL_IMAGE_SPEC)
    alt = alt_text(image)
    html = (
        f'<p><img src="{escape(rendition.url)}" width="{rendition.width}" height="{rendition.height}" '
        f'alt="{escape(alt)}" style="{IMAGE_STYLE}"></p>'
    )
    caption = " — ".join(part for part in (block.caption, credit_for(block.own_credit, image)) if part)
    return html + (f'<p style="{CAPTION_STYLE}">{escape(caption)}</p>' if caption else "")


def _embed(scope: Scope, block: EmbedBlock) -> str:
    embed = scope.ctx.loaded.get(("embed-preview", block.url))
    url = escape(block.url)
    title = escape(embed.title if embed and embed.title else block.url)
    if embed is None or not embed.thumbnail_url.startswith("https://"):
        return f'<p><a href="{url}">{title}</a></p>'
    size = f' width="{EMAIL_WIDTH}"'
    if embed.width and embed.height:
        size += f' height="{round(EMAIL_WIDTH * embed.height / embed.width)}"'
    thumbnail = f'<img src="{escape(embed.thumbnail_url)}"{size} alt="{title}" style="{IMAGE_STYLE}">'
    return f'<p><a href="{url}">{thumbnail}</a></p><p style="{CAPTION_STYLE}"><a href="{url}">{title}</a></p>'


def _block(scope: Scope, block: Any) -> str:
    base = scope.ctx.frontend_base_url
    if isinstance(block, HeadingBlock):
        level = block.level if block.level in ("h2", "h3", "h4") else "h2"
        return f"<{level}>{escape(block.text)}</{level}>"
    if isinstance(block, ParagraphBlock):
        return email_safe(block.rich_text.html, base)
    if isinstance(block, QuoteBlock):
        who = ", ".join(escape(part) for part in (block.attribution, block.role) if part)
        return f'<blockquote style="{QUOTE_STYLE}"><p>“{escape(block.text)}”</p><p>— {who}</p></blockquote>'
    if isinstance(block, ImageBlock):
        return _image(scope, block)
    if isinstance(block, EmbedBlock):
        return _embed(scope, block)
    if isinstance(block, KeyFigureBlock):
        return f'<p><strong style="font-size:24px;">{escape(block.value)}</strong><br>{escape(block.label)}</p>'
    if isinstance(block, LinksBlock):
        items = "".join(f'<li><a href="{escape(link.url)}">{escape(link.title)}</a></li>' for link in block.links)
        heading = f"<h3>{escape(block.heading)}</h3>" if block.heading else ""
        return f"{heading}<ul>{items}</ul>" if items else ""
    raise TypeError(f"No e-mail rendering for {type(block).__name__}.")


def _load_embed_previews(scope: Scope, urls: set[str]) -> None:
    missing = {url for url in urls if ("embed-preview", url) not in scope.ctx.loaded}
    if not missing:
        return
    found = {embed.url: embed for embed in Embed.objects.filter(url__in=missing)}
    for url in missing:
        scope.ctx.loaded["embed-preview", url] = found.get(url)


def load_email_html(scope: Scope, pages: Sequence[Any], selections: list[FieldSelection]) -> None:
    """Renders the main text of every page for e-mail, with everything it refers to loaded at once."""
    texts = {id(page): main_text(page) for page in pages}
    references = References()
    embeds: set[str] = set()
    for kind, value in texts.values():
        if kind == "stream":
            collect_stream(value, BODY_BLOCKS, references)
            embeds.update(block["value"] for block in value if block["type"] == "embed")
        else:
            references.rich_texts.append(value)
    references.load(scope, {EMAIL_IMAGE_SPEC})
    _load_embed_previews(scope, embeds)
    for page in pages:
        kind, value = texts[id(page)]
        if kind == "stream":
            html = "".join(_block(scope, block) for block in build_stream(scope, value, BODY_BLOCKS))
        else:
            html = email_safe(render_rich_text(scope, value).html, scope.ctx.frontend_base_url)
        store(page, selections[0].name, html)
