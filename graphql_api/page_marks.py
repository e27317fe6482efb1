"""Deep numbered pages start at a mark: the sort keys of every ``SPACING``-th item of a list.

To skip 7,980 items for archive page 400, PostgreSQL joined and sorted every visible key of the
list, however it was indexed: what may be shown lives in Wagtail's page table and the sort key
in the item's own, so no index holds both (7 ms, against 0.4 ms for page 1). A list's marks are
the sort keys of its 200th, 400th... item; page 400 is then read like a page after a cursor:
skip the 180 items after the mark at 7,800, found through the sort index (1 ms).

One query numbers the sorted keys of a list (its model, site, languages, filter values and
order) and keeps every ``SPACING``-th (as costly as one deep page was). A process keeps a list's
marks, for its last ``KEPT_LISTS`` lists, while the content version (``home.content_version``)
stays the same: the version changes with whatever changes what the public sees, a page that
expires included, so marks are never used on an order other than the one they were read from.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Window
from django.db.models.functions import RowNumber

from home import content_version

from . import limits
from .pagination import Ordering

SPACING = 200
KEPT_LISTS = 256
ROW = "_mark_row"

# A mark: the item's number in the list (1 for the first), then its sort-key values.
Mark = tuple[Any, ...]


@dataclass(frozen=True)
class Start:
    """Where a numbered page begins: after the item with these sort keys, skipping ``remaining``."""

    after: tuple[Any, ...]
    remaining: int


def marks_query(items: QuerySet[Any], ordering: Ordering) -> QuerySet[Any]:
    """The marks of ``items`` sorted by ``ordering``, as far as the deepest offset allowed."""
    numbered = items.order_by().annotate(**{ROW: Window(RowNumber(), order_by=ordering.order_by())})
    rows = list(range(SPACING, limits.MAX_OFFSET + 1, SPACING))
    return numbered.filter(**{f"{ROW}__in": rows}).values_list(ROW, *(name for name, _descending in ordering.fields))


def start_of(marks: Sequence[Mark], offset: int) -> Start | None:
    """The start of the page at ``offset`` from the deepest of ``marks`` it passes, if any."""
    deepest = max((mark for mark in marks if mark[0] <= offset), key=lambda mark: mark[0], default=None)
    if deepest is None:
        return None
    return Start(after=tuple(deepest[1:]), remaining=offset - deepest[0])


class _KeptMarks:
    """The marks of the last ``KEPT_LISTS`` lists this process read, by content version and list."""

    def __init__(self) -> None:
        self.marks: OrderedDict[Hashable, list[Mark]] = OrderedDict()
        self.lock = threading.Lock()  # `make run` serves in threads

    def get(self, key: Hashable) -> list[Mark] | None:
        with self.lock:
            found = self.marks.get(key)
            if found is not None:
                self.marks.move_to_end(key)
            return found

    def put(self, key: Hashable, marks: list[Mark]) -> None:
        with self.lock:
            self.marks[key] = marks
            while len(self.marks) > KEPT_LISTS:
                self.marks.popitem(last=False)


_kept = _KeptMarks()


def start_for(listing: Hashable, offset: int | None, read_marks: Callable[[], list[Mark]]) -> Start | None:
    """Where the page at ``offset`` of the list ``listing`` identifies begins, from its marks
    (read by ``read_marks`` when this process has none under the current content version).

    ``None`` for a page above the first mark: it is read by skipping from the top."""
    if offset is None or offset < SPACING:
        return None
    token, _values = content_version.current()
    key = (token, listing)
    marks = _kept.get(key)
    if marks is None:
        marks = read_marks()
        _kept.put(key, marks)
    return start_of(marks, offset)
