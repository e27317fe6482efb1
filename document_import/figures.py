"""Amounts of money written in the text ("€300,000", "EUR 300,000", "up to €1.5 million")."""

import re
from dataclasses import dataclass

_AMOUNT = re.compile(
    r"(?P<value>(?:(?:up to|over|more than|almost|nearly|about|around)\s+)?"
    r"(?:€|EUR\s?|euros?\s)\s?\d[\d,.\u202f ]*\d(?:\s?(?:million|billion|m|bn)\b)?"
    r"|(?:(?:up to|over|more than|almost|nearly|about|around)\s+)?\d[\d,.\u202f ]*\d\s?(?:million\s|billion\s)?(?:€|EUR\b|euros?\b))",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?=\d))+(?:[.!?]|$)")
LABEL_MAX = 120


@dataclass(frozen=True)
class KeyFigure:
    value: str
    label: str


def _label(sentence: str, value: str) -> str:
    label = " ".join(sentence.replace(value, "…").split()).strip(" .")
    if len(label) > LABEL_MAX:
        label = label[: LABEL_MAX - 1].rsplit(" ", 1)[0] + "…"
    return label


def find_key_figures(text: str) -> list[KeyFigure]:
    """Each amount with the sentence around it as a first label for the editor to shorten."""
    figures = []
    for sentence in _SENTENCE.findall(text):
        for match in _AMOUNT.finditer(sentence):
            value = " ".join(match.group("value").split())
            figures.append(KeyFigure(value[:40], _label(sentence, match.group("value"))))
    return figures
