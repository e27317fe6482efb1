"""Names of cities, partnerships and organisations found in a text, whole words only.

Names are matched without regard to case; short all-capital acronyms ("AMB", "DG NEAR") only as
written, so that "amb" in a word or sentence does not count.
"""

import re
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def _pattern(name: str) -> re.Pattern[str] | None:
    name = " ".join(name.split())
    if len(name) < 3:
        return None
    flags = 0 if name.isupper() and len(name) <= 8 else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + re.escape(name).replace(r"\ ", r"\s+") + r"(?![\w-])", flags)


def names_in(text: str, candidates: Iterable[tuple[str, T]]) -> list[T]:
    """The values whose name appears in ``text``, in order of first appearance, each once."""
    found: dict[T, int] = {}
    for name, value in candidates:
        pattern = _pattern(name)
        match = pattern.search(text) if pattern else None
        if match and (value not in found or match.start() < found[value]):
            found[value] = match.start()
    return sorted(found, key=found.__getitem__)
