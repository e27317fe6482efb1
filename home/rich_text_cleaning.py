"""One cleaning step for every rich text editors save: pasted, imported or typed.

Word and Google Docs leave markers in what editors paste (``[bookmark: _Hlk115190810]``), text
written in a plain-text tool carries markdown (``**bold**``, ``[report](#)``), and both leave empty
paragraphs and runs of non-breaking spaces. ``clean_rich_text`` turns that into the HTML Wagtail
stores: markers and empty paragraphs gone, emphasis as ``<b>``/``<i>``, markdown links as links.
Links that lead nowhere (``#``, empty, ``javascript:``) lose their address but keep their words,
and each one is reported so the editor can follow it up. Smart quotes and single non-breaking
spaces (French typography) are kept. Cleaning clean HTML changes nothing, so it can run on every
save.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape, unescape

# Markers Word writes into text when a document is saved as plain text or pasted without styles.
_OFFICE_MARKER = re.compile(r"\[(?:bookmark|comment|footnote|endnote):\s*[^\]]*\]\s*", re.IGNORECASE)
_OFFICE_TAGS = re.compile(r"<!--.*?-->|<!\[(?:if|endif)[^\]]*\]>|</?o:p\b[^>]*>", re.IGNORECASE | re.DOTALL)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_NBSP_RUN = re.compile(r"(?:&nbsp;|&#160;|\xa0)(?:(?:&nbsp;|&#160;|\xa0| )+)|(?: +(?:&nbsp;|&#160;|\xa0))+ *")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\(\s*((?:[^()\s]|\([^()\s]*\))*)\s*\)")
_EMPHASIS = [
    (re.compile(r"(?<![\w*])\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*(?![\w*])"), "<b><i>{}</i></b>"),
    (re.compile(r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])"), "<b>{}</b>"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), "<i>{}</i>"),
]
_A_TAG = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_LINKTYPE = re.compile(r"\blinktype\s*=", re.IGNORECASE)
_EMPTY_BLOCK = re.compile(
    r"<(p|h[1-6]|li|blockquote)\b[^>]*>(?:\s|&nbsp;|\xa0|<br\s*/?>|<(b|i|strong|em)\b[^>]*>\s*</\2>)*</\1>",
    re.IGNORECASE,
)
_EMPTY_LIST = re.compile(r"<(ul|ol)\b[^>]*>\s*</\1>", re.IGNORECASE)
_BLOCK_EDGE_SPACE = re.compile(
    r"(<(?:p|h[1-6]|li|blockquote)\b[^>]*>)\s+|\s+(</(?:p|h[1-6]|li|blockquote)>)", re.IGNORECASE
)


@dataclass
class CleanedRichText:
    """The cleaned HTML and the words of every link removed because it led nowhere."""

    html: str
    placeholder_links: list[str] = field(default_factory=list)


def is_placeholder_href(href: str | None) -> bool:
    """True for an address that leads nowhere or runs script: missing, empty, ``#``, ``javascript:``."""
    if href is None:
        return True
    target = unescape(href).strip()
    return target in ("", "#") or re.sub(r"[\s\x00-\x1f]", "", target).lower().startswith(("javascript:", "vbscript:"))


def _text_parts(html: str, transform: Callable[[str], str]) -> str:
    """Applies ``transform`` to the text between tags, never to tags or their attributes."""
    return "".join(part if part.startswith("<") else transform(part) for part in _TAG_OR_TEXT.split(html))


def _markdown_inline(text: str, removed: list[str]) -> str:
    def link(match: re.Match[str]) -> str:
        words, target = match.group(1), unescape(match.group(2))
        if is_placeholder_href(target) or not re.match(r"(?:https?://|mailto:)", target, re.IGNORECASE):
            removed.append(unescape(words))
            return words
        return f'<a href="{escape(target)}">{words}</a>'

    text = _MARKDOWN_LINK.sub(link, text)
    for pattern, replacement in _EMPHASIS:
        text = pattern.sub(lambda m, r=replacement: r.format(m.group(1)), text)
    return text


def _drop_dead_links(html: str, removed: list[str]) -> str:
    def link(match: re.Match[str]) -> str:
        attrs, inner = match.group(1), match.group(2)
        if _LINKTYPE.search(attrs):
            return match.group(0)
        href = _HREF.search(attrs)
        if href and not is_placeholder_href(next(g for g in href.groups() if g is not None)):
            return match.group(0)
        removed.append(unescape(re.sub(r"<[^>]*>", "", inner)))
        return inner

    return _A_TAG.sub(link, html)


def clean_rich_text(html: str) -> CleanedRichText:
    """Cleans one rich text (Wagtail's stored HTML); see the module's docstring for what it does."""
    removed: list[str] = []
    html = _OFFICE_TAGS.sub("", html or "")
    html = _text_parts(html, lambda text: _OFFICE_MARKER.sub("", text))
    html = _text_parts(html, lambda text: _NBSP_RUN.sub(" ", text))
    html = _text_parts(html, lambda text: _markdown_inline(text, removed))
    html = _drop_dead_links(html, removed)
    html = _BLOCK_EDGE_SPACE.sub(lambda m: m.group(1) or m.group(2), html)
    previous = None
    while previous != html:
        previous = html
        html = _EMPTY_LIST.sub("", _EMPTY_BLOCK.sub("", html))
    return CleanedRichText(html=html.strip(), placeholder_links=removed)
