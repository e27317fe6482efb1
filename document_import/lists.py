"""What numbered lists and day mentions in a concept note stand for.

Objectives ("1) To deepen ... the **RESULTS** achieved"): the word in capitals or bold is the
keyword. Options ("(1) public spaces; (2) sustainable mobility; ..."): one site visit each.
Days ("**Day 1** ...", "The **third day** (morning) ..."): one agenda day each, also when one
paragraph names several ("**Day 1** (6 October): ... **Day 2** (7 October): ...").
"""

import re
from dataclasses import dataclass
from itertools import pairwise

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
_EMPHASIS = re.compile(r"<b>(?:<i>)?(.+?)(?:</i>)?</b>")
_TAGS = re.compile(r"<[^>]*>")
_OPTION = re.compile(r"\((\d{1,2}|[ivx]{1,4})\)\s*([^;()]+?)\s*(?=;|\.|$|\(\d)", re.IGNORECASE)
_DAY = re.compile(r"\b(?:day\s+(?P<number>\d{1,2})|(?P<ordinal>" + "|".join(ORDINALS) + r")\s+day)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Objective:
    keyword: str
    text: str


@dataclass(frozen=True)
class DayMention:
    number: int
    title: str
    description_html: str


def keyword_case(words: str) -> str:
    """ "EVOLVING EU POLICIES" -> "Evolving EU policies": short capitalised words stay acronyms."""
    result = []
    for index, word in enumerate(words.split()):
        if word.isupper() and len(word) <= 3 and word.lower() not in _SMALL_WORDS:
            result.append(word)
        else:
            result.append(word.capitalize() if index == 0 else word.lower())
    return " ".join(result)


def _plain(html: str) -> str:
    return " ".join(_TAGS.sub("", html).split())


def objective(html: str) -> Objective:
    """An objective from a list item's HTML: its emphasised word(s) as keyword, the sentence as text."""
    emphasised = [_plain(m) for m in _EMPHASIS.findall(html)]
    shouted = [words for words in emphasised if words.isupper()] or emphasised
    keyword = keyword_case(shouted[0]) if shouted else ""
    text = _plain(html)
    if shouted and shouted[0].isupper():
        in_sentence = " ".join(word if word.isupper() else word.lower() for word in keyword.split())
        text = text.replace(shouted[0], in_sentence if text.find(shouted[0]) else keyword)
    return Objective(keyword[:60], text)


def numbered_options(text: str) -> list[str]:
    """ "(1) public spaces; (2) sustainable mobility" -> ["public spaces", "sustainable mobility"]."""
    options = [match.group(2).strip(" ,:") for match in _OPTION.finditer(text)]
    return [option for option in options if option] if len(options) >= 2 else []


def day_mention(html: str) -> DayMention | None:
    """The agenda day a paragraph describes: one it opens with, or one it puts in bold ("**Day 1 ...**")."""
    text = _plain(html)
    match = _DAY.search(text)
    emphasised = [m for m in (_DAY.match(_plain(words)) for words in _EMPHASIS.findall(html)) if m]
    if emphasised:
        match = emphasised[0]
    elif not match or match.start() > 40:
        return None
    number = int(match.group("number")) if match.group("number") else ORDINALS[match.group("ordinal").lower()]
    themes = [_plain(m) for m in _EMPHASIS.findall(html) if not _DAY.fullmatch(_plain(m))]
    theme = themes[0] if themes else ""
    theme = re.sub(rf"^{re.escape(match.group(0))}\s*(?:to\s+)?", "", theme, flags=re.IGNORECASE)
    title = f"Day {number}: {theme}" if theme else f"Day {number}"
    return DayMention(number, title[:255], html)


def day_mentions(html: str) -> list[DayMention]:
    """Every agenda day a paragraph describes: one per day it puts in bold, else ``day_mention``'s one.

    A paragraph "**Day 1** (6 October): opening ... **Day 2** (7 October): site visits ..." is cut
    before each bold day; text ahead of the first one stays with the first day.
    """
    starts = [m.start() for m in _EMPHASIS.finditer(html) if _DAY.match(_plain(m.group(1)))]
    if len(starts) < 2:
        day = day_mention(html)
        return [day] if day else []
    bounds = [0, *starts[1:], len(html)]
    parts = (html[start:end].strip() for start, end in pairwise(bounds))
    return [day for day in map(day_mention, parts) if day]
