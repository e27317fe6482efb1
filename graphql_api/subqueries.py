"""Subqueries compiled to SQL once per process, with only their keys bound on each request.

Django builds and compiles a queryset anew every time one is evaluated. For the subqueries that
find an item's language versions by translation key (a city's news and conferences, the cities
of a list of news items) building and compiling cost twice what PostgreSQL then spent running
them: a tenth of a city's answer. Their SQL depends only on the models and on how many keys are
asked for, so it is compiled once with stand-in keys, and each request puts its keys in their
places.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet, UUIDField
from django.db.models.expressions import RawSQL

# How a translation key (a UUID) is passed to the database: as is where the database has a UUID
# type (PostgreSQL), as its hex string elsewhere (SQLite, for ``make run``).
_KEY: UUIDField[Any, Any] = UUIDField()


@dataclass(frozen=True)
class CompiledSubquery:
    """A subquery's SQL, and for each of its parameters the key that goes there (or a constant)."""

    sql: str
    count: int
    slots: tuple[int | None, ...]
    constants: tuple[Any, ...]
    using: str

    def bind(self, keys: Sequence[Any]) -> RawSQL:
        """The subquery for ``keys`` (as many as it was compiled for, in the stand-ins' order)."""
        if len(keys) != self.count:
            raise ValueError(f"This subquery takes {self.count} keys, not {len(keys)}.")
        connection = connections[self.using]
        prepared = [_KEY.get_db_prep_value(key, connection) for key in keys]
        params = tuple(
            constant if slot is None else prepared[slot]
            for slot, constant in zip(self.slots, self.constants, strict=True)
        )
        return RawSQL(self.sql, params)  # noqa: S611 - SQL compiled by Django; every value is a parameter


def compile_with_keys(count: int, build: Callable[[list[uuid.UUID]], QuerySet[Any]]) -> CompiledSubquery:
    """Compile ``build(keys)`` once, with ``count`` stand-in translation keys that no row has.

    Each stand-in must reach the SQL as a parameter of its own: a random UUID is equal to no other
    parameter, so its place among the compiled parameters is where a request's key goes.
    """
    stand_ins = [uuid.uuid4() for _ in range(count)]
    queryset = build(stand_ins)
    query = queryset.query.clone()
    query.clear_ordering(force=False)  # a subquery's order is noise PostgreSQL would still sort by (unless sliced)
    # Aliases of their own (U0, ...), so nothing in the SQL can be read as a column of the outer query.
    query.bump_prefix(queryset.model._default_manager.all().query)
    sql, params = query.sql_with_params()
    connection = connections[queryset.db]
    prepared = [_KEY.get_db_prep_value(key, connection) for key in stand_ins]
    slots = tuple(next((index for index, key in enumerate(prepared) if key == param), None) for param in params)
    if sorted(slot for slot in slots if slot is not None) != list(range(count)):
        raise ValueError(f"Each stand-in key must be one parameter of the SQL: {sql}")
    constants = tuple(None if slot is not None else param for slot, param in zip(slots, params, strict=True))
    return CompiledSubquery(sql=sql, count=count, slots=slots, constants=constants, using=queryset.db)
