"""From a document's paragraphs to what a draft page needs, field by field (no database here)."""

import datetime
import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from .dates import DateSpan, find_date_span
from .figures import find_key_figures
from .lists import DayMention, Objective, day_mentions, numbered_options, objective
from .quotes import find_quote
from .structure import Paragraph

NEWS, CONFERENCE = "news", "conference"
TITLE_MAX = 160
STANDFIRST_MAX = 300
SUMMARY_MAX = 500

_DOCUMENT_KINDS = [
    (re.compile(r"^(?:draft\s+)?concept\s+note$", re.IGNORECASE), "concept_note"),
    (re.compile(r"^draft\s+(?:agenda|programme|program)$", re.IGNORECASE), "draft_agenda"),
    (re.compile(r"^(?:final\s+)?(?:agenda|programme|program)$", re.IGNORECASE), "agenda"),
    (re.compile(r"^(?:meeting\s+)?report$", re.IGNORECASE), "report"),
]
_SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_SECTION_ROLES = [
    (re.compile(r"\b(?:background|context)\b", re.IGNORECASE), "background"),
    (re.compile(r"\bobjectives?\b", re.IGNORECASE), "objectives"),
    (re.compile(r"\boutcomes?\b|\bresults expected\b", re.IGNORECASE), "outcomes"),
    (re.compile(r"\b(?:agenda|programme)\b", re.IGNORECASE), "agenda"),
]
_LINK = re.compile(r'<a href="(https?://[^"]+)">(.*?)</a>')
_TAGS = re.compile(r"<[^>]*>")


@dataclass
class Section:
    heading: str
    paragraphs: list[Paragraph]


@dataclass
class ImportedDocument:
    """What was recognised in a document; ``recognised`` and ``follow_up`` are told to the editor."""

    kind: str
    title: str
    dates: DateSpan | None = None
    document_kind: str = ""
    document_status: str = ""
    standfirst: str = ""
    body: list[dict[str, Any]] = field(default_factory=list)
    background_html: str = ""
    objectives: list[Objective] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    days: list[DayMention] = field(default_factory=list)
    site_visits: list[dict[str, str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    placeholder_links: list[str] = field(default_factory=list)
    text: str = ""
    recognised: list[str] = field(default_factory=list)
    follow_up: list[str] = field(default_factory=list)

    def agenda_day_date(self, day: DayMention) -> datetime.date | None:
        if not self.dates:
            return None
        date = self.dates.start + datetime.timedelta(days=day.number - 1)
        return date if date <= self.dates.end else None


def title_case(text: str) -> str:
    """ "SECOND GLOBAL MEETING OF THE ..." -> "Second Global Meeting of the ..."; other text unchanged."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _is_heading_like(paragraph: Paragraph, limit: int = 90) -> bool:
    text = paragraph.text
    return paragraph.kind == "heading" or (
        paragraph.kind == "paragraph"
        and len(text) <= limit
        and len(text.split()) <= (16 if limit > 90 else 8)
        and text[0].isupper()
        and not re.search(r"[.:;,!?]$", text)
        and find_quote(text) is None
    )


def _first_sentences(text: str, limit: int) -> tuple[str, bool]:
    """Whole sentences of ``text`` within ``limit`` characters; True when it had to cut a sentence."""
    if len(text) <= limit:
        return text, False
    sentences = re.findall(r"[^.!?]+[.!?]+(?:\s|$)", text)
    kept = ""
    for sentence in sentences:
        if len(kept) + len(sentence) > limit:
            break
        kept += sentence
    if kept.strip():
        return kept.strip(), False
    return text[: limit - 1].rsplit(" ", 1)[0] + "…", True


def _document_kind(text: str) -> str:
    return next((kind for pattern, kind in _DOCUMENT_KINDS if pattern.match(text.strip())), "")


def _role(heading: str) -> str:
    return next((role for pattern, role in _SECTION_ROLES if pattern.search(heading)), "")


def _paragraph_html(paragraph: Paragraph) -> str:
    return f"<p>{paragraph.html}</p>"


def _sections(paragraphs: list[Paragraph]) -> list[Section]:
    sections = [Section("", [])]
    for index, paragraph in enumerate(paragraphs):
        followed = index + 1 < len(paragraphs) and not _is_heading_like(paragraphs[index + 1])
        if _is_heading_like(paragraph) and (paragraph.kind == "heading" or followed):
            sections.append(Section(title_case(paragraph.text), []))
        else:
            sections[-1].paragraphs.append(paragraph)
    return [section for section in sections if section.heading or section.paragraphs]


def _take_title(paragraphs: list[Paragraph], doc: ImportedDocument) -> list[Paragraph]:
    first = paragraphs[0]
    if _is_heading_like(first, TITLE_MAX) or first.kind == "heading":
        doc.title = title_case(first.text)[:255]
        return paragraphs[1:]
    sentence = re.split(r"(?<=[.!?])\s", first.text, maxsplit=1)[0].rstrip(".")
    span = find_date_span(sentence)
    if span and re.match(r"^(?:On|From|In)\s+\S", sentence):  # "On 10 and 11 February 2021, the meeting ..."
        sentence = sentence.split(", ", 1)[-1]
    clause = sentence.split(", ", 1)[0]
    title = clause if len(clause.split()) >= 4 else sentence
    title = title[:1].upper() + title[1:]
    doc.title = title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    doc.follow_up.append("The document has no title line: the title was made from its first sentence; check it.")
    return paragraphs


def _take_front_matter(paragraphs: list[Paragraph], doc: ImportedDocument) -> list[Paragraph]:
    """Document kind ("CONCEPT NOTE") and a date line ("(Barcelona, 12-14 March 2024)") near the top."""
    rest = []
    for index, paragraph in enumerate(paragraphs):
        kind = _document_kind(paragraph.text) if index < 4 else ""
        if kind:
            doc.document_kind = kind
            doc.document_status = "draft" if "draft" in paragraph.text.lower() else ""
            continue
        if doc.dates is None and index < 4:
            span = find_date_span(paragraph.text)
            if span:
                doc.dates = span
                if paragraph.text.startswith("(") and paragraph.text.endswith(")"):
                    continue  # a line that only gives the date and place
        rest.append(paragraph)
    return rest


def _body_paragraph(paragraph: Paragraph, doc: ImportedDocument) -> None:
    quote = find_quote(paragraph.text)
    if quote:
        doc.body.append(
            {"type": "quote", "value": {"text": quote.text, "attribution": quote.attribution, "role": quote.role}}
        )
        return
    if paragraph.kind == "item":
        previous = doc.body[-1] if doc.body else None
        item = f"<li>{paragraph.html}</li>"
        if previous and previous["type"] == "paragraph" and previous["value"].endswith("</ul>"):
            previous["value"] = previous["value"][: -len("</ul>")] + item + "</ul>"
        else:
            doc.body.append({"type": "paragraph", "value": f"<ul>{item}</ul>"})
    else:
        doc.body.append({"type": "paragraph", "value": _paragraph_html(paragraph)})
    for figure in find_key_figures(paragraph.text):
        doc.body.append({"type": "key_figure", "value": {"value": figure.value, "label": figure.label}})


def _conference_paragraph(paragraph: Paragraph, role: str, doc: ImportedDocument) -> bool:
    """Puts a paragraph of a concept note in its structured field; False when it belongs in the body."""
    if role == "objectives" and paragraph.kind == "item":
        doc.objectives.append(objective(paragraph.html))
        return True
    if role == "outcomes" and paragraph.kind == "item":
        doc.outcomes.append(paragraph.text)
        return True
    if role in ("objectives", "outcomes") and paragraph.text.endswith(":"):
        return True  # the lead-in of the list just recognised
    options = numbered_options(paragraph.text) if re.search(r"visit", paragraph.text, re.IGNORECASE) else []
    if options:
        status = "proposed" if re.search(r"propos|option", paragraph.text, re.IGNORECASE) else "confirmed"
        doc.site_visits += [
            {"title": o[:1].upper() + o[1:], "theme": o, "description": "", "status": status} for o in options
        ]
    days = day_mentions(paragraph.html)
    if days:
        doc.days += days
        return True
    if role == "background":
        doc.background_html += _paragraph_html(paragraph)
        return True
    return bool(options)


def recognise(paragraphs: list[Paragraph], kind: str | None = None) -> ImportedDocument:
    """Everything recognised in ``paragraphs``; ``kind`` (news or conference) is detected if not given."""
    if not paragraphs:
        raise ValueError("The document is empty.")
    doc = ImportedDocument(kind=kind or NEWS, title="")
    doc.text = "\n".join(p.text for p in paragraphs)
    for paragraph in paragraphs:
        doc.placeholder_links += paragraph.placeholder_links
        doc.links += [(unescape(_TAGS.sub("", words)), unescape(url)) for url, words in _LINK.findall(paragraph.html)]
    rest = _take_front_matter(_take_title(paragraphs, doc), doc)
    sections = _sections(rest)
    if kind is None:
        roles = {_role(section.heading) for section in sections}
        planned = doc.document_kind in ("concept_note", "draft_agenda", "agenda")
        doc.kind = CONFERENCE if planned or {"objectives", "outcomes", "agenda"} & roles else NEWS
    for section in sections:
        role = _role(section.heading) if doc.kind == CONFERENCE else ""
        kept = [p for p in section.paragraphs if not (doc.kind == CONFERENCE and _conference_paragraph(p, role, doc))]
        if section.heading and role != "background" and (kept or role == ""):
            doc.body.append({"type": "heading", "value": {"text": section.heading[:160], "level": "h2"}})
        for paragraph in kept:
            _body_paragraph(paragraph, doc)
    _summarise(doc, rest)
    return doc


def _summarise(doc: ImportedDocument, paragraphs: list[Paragraph]) -> None:
    prose = next(
        (p.text for p in paragraphs if p.kind == "paragraph" and not _is_heading_like(p) and not find_quote(p.text)),
        doc.title,
    )
    limit = STANDFIRST_MAX if doc.kind == NEWS else SUMMARY_MAX
    doc.standfirst, cut = _first_sentences(prose, limit)
    if cut:
        doc.follow_up.append(
            f"The {'standfirst' if doc.kind == NEWS else 'summary'} was cut from a long first sentence: rewrite it."
        )
    said = doc.recognised.append
    said(f"Type: {doc.kind}; title: “{doc.title}”.")
    if doc.document_kind:
        said(f"Document: {doc.document_kind.replace('_', ' ')}{' (draft)' if doc.document_status else ''}.")
    if doc.dates:
        span = doc.dates.start.isoformat() + (
            "" if doc.dates.end == doc.dates.start else f" to {doc.dates.end.isoformat()}"
        )
        said(f"Dates: {span}" + (f"; place: {doc.dates.place}." if doc.dates.place else "."))
    else:
        doc.follow_up.append("No date was found: set the dates.")
    counts = {
        "heading": "section heading(s)",
        "quote": "quote(s) with their speaker",
        "key_figure": "key figure(s)",
        "paragraph": "paragraph(s) kept as text",
    }
    for block_type, label in counts.items():
        number = sum(1 for block in doc.body if block["type"] == block_type)
        if number:
            said(f"{number} {label}.")
    for label, items in (
        ("objective(s)", doc.objectives),
        ("expected outcome(s)", doc.outcomes),
        ("agenda day(s)", doc.days),
        ("site visit(s)", doc.site_visits),
        ("linked document(s)", doc.links),
    ):
        if items:
            said(f"{len(items)} {label}.")
    if doc.background_html:
        said("Background section.")
    for words in doc.placeholder_links:
        doc.follow_up.append(f"Link without an address (#): “{words}”: add the document or page it points to.")
