"""A list's ``filter`` argument split into its shape and its values, so that a filtered list is
compiled once per shape too (``graphql_api.statements``).

A text or a date a client filters by is a value: it goes into the SQL as a parameter, bound on
each request. A choice (an enum, a boolean) changes the SQL itself (``status: UPCOMING`` is
another condition than ``PAST``; Django writes ``is_capital`` or ``NOT is_capital``), so it is
part of the shape. An empty text filters nothing, as the filters read it.

A filter may read the moment too (which pages are visible now; a conference's status today):
it is given a ``Viewpoint`` whose clock and date are slots of the statement like the values.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
from dataclasses import dataclass
from typing import Any

from django.db.models import Field

from home.visibility import PageVisibility

from .statements import DATE, MOMENT, TEXT, Slots

# The moment's slots: a filter that does not read today's date leaves it out of its SQL.
MOMENT_SLOTS: Slots = {"now": MOMENT, "today": DATE}
OPTIONAL_SLOTS = frozenset(MOMENT_SLOTS)


@dataclass(frozen=True)
class StandInViewpoint:
    """The ``Viewpoint`` a statement's filters are built with: the site's rules, stand-in moment."""

    pages: PageVisibility
    now: datetime.datetime
    today: datetime.date


@dataclass(frozen=True)
class Conditions:
    """What of a filter decides a list's SQL: its type, the fields given a value (each a slot of
    its kind) and the choices made. Equal for every request filtering the same way."""

    filter_type: type | None = None
    valued: tuple[tuple[str, Field[Any, Any]], ...] = ()
    chosen: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, where: Any) -> tuple[Conditions, dict[str, Any]]:
        """The conditions of the filter ``where`` (a ``strawberry.input``, or ``None``), and its values."""
        if where is None:
            return cls(), {}
        valued: list[tuple[str, Field[Any, Any]]] = []
        chosen: list[tuple[str, Any]] = []
        values: dict[str, Any] = {}
        for field in dataclasses.fields(where):
            value = getattr(where, field.name)
            if value is None or value == "":
                continue
            if isinstance(value, bool | enum.Enum):
                chosen.append((field.name, value))
            elif isinstance(value, str | datetime.date) and not isinstance(value, datetime.datetime):
                valued.append((field.name, TEXT if isinstance(value, str) else DATE))
                values[_slot(field.name)] = value
            else:
                raise TypeError(
                    f"A filter's {field.name} of type {type(value).__name__} is neither a value nor a choice."
                )
        return cls(type(where), tuple(valued), tuple(chosen)), values

    @property
    def slots(self) -> Slots:
        return {_slot(name): kind for name, kind in self.valued}

    def filter_with(self, stand_ins: dict[str, Any]) -> Any:
        """The filter with these conditions, holding ``stand_ins`` for its values (``None`` for none)."""
        if self.filter_type is None:
            return None
        return self.filter_type(**dict(self.chosen), **{name: stand_ins[_slot(name)] for name, _kind in self.valued})


def _slot(field_name: str) -> str:
    return f"where_{field_name}"  # apart from the moment's slots
