"""A document as a list of paragraphs, whatever format it came in.

Each paragraph keeps its inline formatting as cleaned rich-text HTML (``<b>``, ``<i>``, links),
and its plain text for recognising dates, quotes and lists. Markdown emphasis and links in plain
text are turned into HTML by the same cleaning step every rich text goes through.
"""

import re
import zipfile
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import mammoth

from home.rich_text_cleaning import clean_rich_text

SUPPORTED_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".html", ".htm")


@dataclass
class Paragraph:
    """One block of the document: a heading, a paragraph or a list item (``number`` if numbered)."""

    kind: str  # "heading", "paragraph" or "item"
    html: str  # inline HTML, cleaned
    text: str  # plain text
    number: int | None = None
    placeholder_links: list[str] = field(default_factory=list)


_TAGS = re.compile(r"<[^>]*>")
_BULLET = re.compile(r"^\s*(?:[-*•·‣◦]\s+)?(?:(\d{1,2})[).]\s+)?")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")


def make_paragraph(kind: str, inline_html: str, number: int | None = None) -> Paragraph | None:
    """A paragraph from inline HTML, cleaned; None when nothing is left of it."""
    cleaned = clean_rich_text(f"<p>{inline_html}</p>")
    html = cleaned.html.removeprefix("<p>").removesuffix("</p>")
    text = " ".join(unescape(_TAGS.sub("", html)).split())
    if not text:
        return None
    return Paragraph(kind, html, text, number, cleaned.placeholder_links)


def read_text(text: str) -> list[Paragraph]:
    """Plain text or markdown: one paragraph per line; ``#`` headings; bullet and numbered items."""
    paragraphs: list[Paragraph] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        kind, number = "paragraph", None
        if _MARKDOWN_HEADING.match(line):
            kind, line = "heading", _MARKDOWN_HEADING.sub("", line)
        else:
            bullet = _BULLET.match(line)
            if bullet and bullet.group(0).strip():
                kind, number, line = "item", int(bullet.group(1)) if bullet.group(1) else None, line[bullet.end() :]
        paragraph = make_paragraph(kind, escape(line.strip(), quote=False), number)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


class _BlockParser(HTMLParser):
    """Splits HTML into blocks, keeping bold, italic and links inside them."""

    BLOCKS = {"p": "paragraph", "li": "item", "blockquote": "paragraph", "div": "paragraph", "td": "paragraph"}
    BLOCKS.update({f"h{level}": "heading" for level in range(1, 7)})
    INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self.kind = "paragraph"
        self.parts: list[str] = []
        self.open_links = 0
        self.skip = 0

    def flush(self) -> None:
        html = "".join(self.parts)
        self.parts = []
        number = None
        if self.kind == "item":
            numbered = re.match(r"\s*(\d{1,2})[).]\s+", html)
            if numbered:
                number, html = int(numbered.group(1)), html[numbered.end() :]
        paragraph = make_paragraph(self.kind, html, number)
        if paragraph:
            self.paragraphs.append(paragraph)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.flush()
            self.kind = self.BLOCKS[tag]
        elif tag in self.INLINE:
            self.parts.append(f"<{self.INLINE[tag]}>")
        elif tag == "a":
            href = dict(attrs).get("href")
            if href is not None:  # anchors without an address (Word bookmarks) carry nothing
                self.parts.append(f'<a href="{escape(href)}">')
                self.open_links += 1
        elif tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.flush()
            self.kind = "paragraph"
        elif tag in self.INLINE:
            self.parts.append(f"</{self.INLINE[tag]}>")
        elif tag == "a" and self.open_links:
            self.parts.append("</a>")
            self.open_links -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(escape(data, quote=False))


def read_html(html: str) -> list[Paragraph]:
    parser = _BlockParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.paragraphs


def read_docx(stream: BinaryIO) -> list[Paragraph]:
    """A Word document, through mammoth's HTML (headings, lists, bold, italic and links kept)."""
    return read_html(mammoth.convert_to_html(stream).value)


# A .docx is a zip: its parts, unpacked, may not exceed this (a 10 MB upload could unpack to gigabytes).
MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024


def _check_unpacked_size(content: bytes) -> None:
    with zipfile.ZipFile(BytesIO(content)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED_BYTES:
            raise ValueError(f"This .docx file unpacks to over {MAX_DOCX_UNPACKED_BYTES // (1024 * 1024)} MB.")


def read_upload(name: str, content: bytes) -> list[Paragraph]:
    """A document by its file name's suffix; anything but .docx and .html is read as text."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(f"Unsupported file type {suffix or '(none)'}: use one of {', '.join(SUPPORTED_SUFFIXES)}.")
    if suffix == ".docx":
        try:
            _check_unpacked_size(content)
            return read_docx(BytesIO(content))
        except (zipfile.BadZipFile, KeyError) as error:
            raise ValueError("This .docx file could not be read: is it a Word document?") from error
    text = content.decode("utf-8-sig", errors="replace")
    return read_html(text) if suffix in (".html", ".htm") else read_text(text)
