"""Quotations with their speaker: `"Words." -Highlighted Name, Role` or `"Words," said Name, Role.`"""

import re
from dataclasses import dataclass

_OPEN, _CLOSE = '"“„«', '"”»'
_VERBS = r"(?:highlighted|said|stressed|noted|added|explained|underlined|declared|emphasised|emphasized|says)"
_SPEAKER = r"(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3})(?:,\s*(?P<role>.+?))?"
_QUOTED = rf"[{_OPEN}]\s*(?P<text>[^{_CLOSE}]{{12,}}?)\s*[{_CLOSE}]"
_PATTERNS = [
    # "Words." - Highlighted Name, Role (any dash)   /    "Words" - Name, Role
    re.compile(rf"^{_QUOTED}\s*[-\u2013\u2014]+\s*(?:{_VERBS}\s+)?{_SPEAKER}\.?$", re.IGNORECASE),
    # "Words," said Name, Role.
    re.compile(rf"^{_QUOTED}\s*,?\s*{_VERBS}\s+{_SPEAKER}\.?$", re.IGNORECASE),
]


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str
    role: str


def find_quote(text: str) -> Quote | None:
    """The quote when the whole paragraph is one quotation with its speaker, else None."""
    for pattern in _PATTERNS:
        match = pattern.match(text.strip())
        if match and match.group("name")[0].isupper():
            words = match.group("text").strip().rstrip(",")
            return Quote(
                words, match.group("name").strip().rstrip("."), (match.group("role") or "").strip().rstrip(".")
            )
    return None
