"""Dates, date ranges and places as programme documents write them.

"On 6-7 October 2022, in Kutaisi, Georgia", "(Barcelona, 12-14 March 2024)", "On 10 and 11
February 2021", "from 7-9 March 2023", "30 September - 2 October 2024", "March 12, 2024".
"""

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "janvier", "jan"),
            ("february", "février", "fevrier", "feb"),
            ("march", "mars", "mar"),
            ("april", "avril", "apr"),
            ("may", "mai"),
            ("june", "juin", "jun"),
            ("july", "juillet", "jul"),
            ("august", "août", "aout", "aug"),
            ("september", "septembre", "sep", "sept"),
            ("october", "octobre", "oct"),
            ("november", "novembre", "nov"),
            ("december", "décembre", "decembre", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"\s*(?:-|\u2013|\u2014|to|and|au|et)\s*"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|er)?"
# Weekday names and parenthesised notes may sit between day numbers: "Tuesday 20 (afternoon) and ...".
_WEEKDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
_NOTE = r"(?:\s*\([^)]{0,20}\))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    # 30 September - 2 October 2024
    re.compile(
        _WEEKDAY
        + _DAY.format("d1")
        + r"\s+"
        + _MONTH.format("m1")
        + _NOTE
        + _DASH
        + _WEEKDAY
        + _DAY.format("d2")
        + r"\s+"
        + _MONTH.format("m2")
        + r",?\s+"
        + _YEAR,
        re.IGNORECASE,
    ),
    # 6-7 October 2022, 10 and 11 February 2021, 12 March 2024
    re.compile(
        _WEEKDAY
        + _DAY.format("d1")
        + _NOTE
        + r"(?:"
        + _DASH
        + _WEEKDAY
        + _DAY.format("d2")
        + _NOTE
        + r")?\s+"
        + _MONTH.format("m1")
        + r",?\s+"
        + _YEAR,
        re.IGNORECASE,
    ),
    # March 12-14, 2024
    re.compile(
        _MONTH.format("m1") + r"\s+" + _DAY.format("d1") + r"(?:" + _DASH + _DAY.format("d2") + r")?,?\s+" + _YEAR,
        re.IGNORECASE,
    ),
]
_PLACE_AFTER = re.compile(
    r"^,?\s+in\s+(?P<place>[A-Z][\w'\u2019.-]+(?:[ -][A-Z][\w'\u2019.-]+)*(?:,\s*[A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+)*)?)"
)
_PLACE_BEFORE = re.compile(r"\(\s*(?P<place>[A-Z][\w'\u2019. -]+?(?:,\s*[A-Z][\w'\u2019. -]+?)?),\s*$")


@dataclass(frozen=True)
class DateSpan:
    start: datetime.date
    end: datetime.date
    place: str = ""

    @property
    def city(self) -> str:
        """The first part of the place: "Kutaisi" of "Kutaisi, Georgia"."""
        return self.place.split(",")[0].strip()


def _date(day: str, month: str, year: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), MONTHS[month.lower().rstrip(".")], int(day))
    except (KeyError, ValueError):
        return None


def find_date_span(text: str) -> DateSpan | None:
    """The first date or date range in ``text``, with the place written next to it if any."""
    found: list[tuple[int, re.Match[str]]] = []
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), match))
    if not found:
        return None
    match = min(found, key=lambda item: (item[0], -len(item[1].group(0))))[1]
    parts = match.groupdict()
    start = _date(parts["d1"], parts["m1"], parts["year"])
    end_month = parts.get("m2") or parts["m1"]
    end = _date(parts["d2"], end_month, parts["year"]) if parts.get("d2") else start
    if start is None or end is None or end < start:
        return None
    place = _PLACE_AFTER.match(text[match.end() :]) or _PLACE_BEFORE.search(text[: match.start()])
    return DateSpan(start, end, place.group("place").strip().rstrip(".") if place else "")
