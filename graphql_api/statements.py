"""Queries compiled to SQL once per shape, with only a request's values bound on each run.

Django builds a queryset and compiles it to SQL anew every time one is evaluated: for a look-up
such as ``city(slug:)`` with its latest news and conferences that cost a third of the answer,
more than PostgreSQL took to run the queries. Yet a query's SQL depends only on its shape (the
model, the site's roots and restrictions, the languages, the columns read, the page size), not
on the values a request brings (a slug, the clock, a translation key). A statement is built once
per shape, with a stand-in for each value, and compiled; a request binds its values where the
stand-ins were.

A stand-in is a random value that no other parameter of the query can equal, so its places
among the compiled parameters are found by comparing them. A value that changes the SQL itself
(``None``, which Django turns into ``IS NULL``; a list, whose length is in the SQL) is part of
the shape, never a slot: binding ``None`` is refused.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
import uuid
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any, TypeVar, cast

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    Field,
    IntegerField,
    Model,
    QuerySet,
    TextField,
    UUIDField,
)
from django.db.models.expressions import RawSQL
from django.db.models.query import (  # type: ignore[attr-defined]
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)
from psycopg2.extensions import AsIs

# The kinds of value a statement takes; each prepares a value as a lookup on such a column does
# (a UUID stays one for PostgreSQL and becomes its hex string for SQLite, for ``make run``).
KEY: UUIDField[Any, Any] = UUIDField()
TEXT: CharField[Any, Any] = CharField()
MOMENT: DateTimeField[Any, Any] = DateTimeField()
DATE: DateField[Any, Any] = DateField()
NUMBER: IntegerField[Any, Any] = IntegerField()

Slots = Mapping[str, Field[Any, Any]]


def slot_kind(column: Field[Any, Any]) -> Field[Any, Any]:
    """The kind of slot a value compared with ``column`` takes (a key's, for a foreign key)."""
    while column.is_relation:  # a page type's primary key is its link to Wagtail's page
        column = column.target_field  # type: ignore[attr-defined]
    for kind in (MOMENT, DATE, NUMBER, TEXT):  # a moment is a date too: the more precise first
        if isinstance(column, type(kind)):
            return kind
    if isinstance(column, TextField):
        return TEXT
    raise TypeError(f"No slot kind for a {type(column).__name__}.")


Preparer = TypeVar("Preparer", bound=Callable[..., Any])
_KEPT: list[Any] = []


def kept(prepare_for_shape: Preparer) -> Preparer:
    """Keeps what ``prepare_for_shape`` compiles, per shape (its arguments), for the last 512 shapes.

    A client's selection is part of a shape, so the number kept is bounded: a shape pushed out is
    compiled again when next asked for.
    """
    remembering = lru_cache(maxsize=512)(prepare_for_shape)
    _KEPT.append(remembering)
    return cast(Preparer, remembering)


def forget_statements() -> None:
    """Compile every statement afresh: for a test that changes what a shape compiles to."""
    for remembering in _KEPT:
        remembering.cache_clear()


def _stand_in(kind: Field[Any, Any]) -> Any:
    if isinstance(kind, UUIDField):
        return uuid.uuid4()
    if isinstance(kind, CharField):
        return f"stand-in-{uuid.uuid4().hex}"
    if isinstance(kind, DateTimeField):
        return datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(
            microseconds=secrets.randbelow(10**15)
        )
    if isinstance(kind, DateField):
        return datetime.date(3000, 1, 1) + datetime.timedelta(days=secrets.randbelow(2_500_000))
    if isinstance(kind, IntegerField):
        return 2**30 + secrets.randbelow(2**30 - 1)  # within a 32-bit column, whose look-ups refuse more
    raise TypeError(f"No stand-in for a {type(kind).__name__}.")


@dataclass(frozen=True)
class _Bound:
    """Compiled SQL and, for each of its parameters, the slot whose value goes there (or a constant)."""

    sql: str
    sources: tuple[str | None, ...]
    constants: tuple[Any, ...]
    slots: Slots
    using: str

    @classmethod
    def place(
        cls,
        sql: str,
        params: tuple[Any, ...],
        slots: Slots,
        stand_ins: dict[str, Any],
        using: str,
        optional: frozenset[str] = frozenset(),
    ) -> _Bound:
        connection = connections[using]
        prepared = {name: slots[name].get_db_prep_value(value, connection) for name, value in stand_ins.items()}
        sources = tuple(next((name for name, value in prepared.items() if value == param), None) for param in params)
        if missing := set(slots) - set(sources) - optional:
            raise ValueError(f"Stand-ins {sorted(missing)} are not parameters of their own in: {sql}")
        constants = tuple(None if source else param for source, param in zip(sources, params, strict=True))
        return cls(sql=sql, sources=sources, constants=constants, slots=slots, using=using)

    def _prepared(self, values: Mapping[str, Any], connection: BaseDatabaseWrapper) -> dict[str, Any]:
        if values.keys() != self.slots.keys():
            raise ValueError(f"This statement takes {sorted(self.slots)}, not {sorted(values)}.")
        prepared = {}
        for name, value in values.items():
            if value is None:
                raise ValueError(f"{name} is None, which changes the SQL: make it part of the statement's shape.")
            prepared[name] = self.slots[name].get_db_prep_value(value, connection)
        return prepared

    def params(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        prepared = self._prepared(values, connections[self.using])
        return tuple(
            constant if source is None else prepared[source]
            for source, constant in zip(self.sources, self.constants, strict=True)
        )

    @cached_property
    def _slot_order(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source for source in self.sources if source is not None))

    @cached_property
    def _server_name(self) -> str:
        shape = repr((self.sql, self.sources, self.constants)).encode()
        return f"citynews_{hashlib.sha256(shape).hexdigest()[:24]}"

    def execute(self, cursor: CursorWrapper, values: Mapping[str, Any]) -> None:
        """Runs the SQL with these values; on PostgreSQL as a statement prepared once per
        connection (``DB_PREPARED_STATEMENTS``), so that it is parsed and planned once, not on
        every request: planning cost a city's three queries twice their execution.

        Planned once means the generic plan, always (``GENERIC_PLANS``). PostgreSQL's default
        plans the first five executions for their values, then keeps planning each execution
        whenever the generic plan's estimate is higher than theirs. It is for a list bounded on
        its own sort key (a week's news: the same index scan either way, estimated at 50 rows
        for unknown dates against 19), so that statement was planned on every request, 0.13 ms
        of PostgreSQL's time to run it in 0.03. The setting is the session's, and concerns these
        statements alone: psycopg2 prepares none of its own.
        """
        connection = cursor.db
        if not (settings.CITYNEWS_PREPARED_STATEMENTS and connection.vendor == "postgresql"):
            cursor.execute(self.sql, self.params(values))
            return
        prepared = self._prepared(values, connection)
        raw = connection.connection
        done = _PREPARED_ON.setdefault(raw, set())
        if self._server_name not in done:
            # On the driver's cursor, so that Django counts and logs the statements a request runs,
            # not the one-off preparation; its errors are Django's all the same.
            numbers = {name: AsIs(f"${index}") for index, name in enumerate(self._slot_order, start=1)}
            inlined = [
                constant if source is None else numbers[source]
                for source, constant in zip(self.sources, self.constants, strict=True)
            ]
            with connection.wrap_database_errors, raw.cursor() as setup:
                prepare = f"PREPARE {self._server_name} AS " + setup.mogrify(self.sql, inlined).decode()
                setup.execute(f"{GENERIC_PLANS}; {prepare}")  # one round trip; a rollback may undo the SET
            done.add(self._server_name)
        arguments = ", ".join(["%s"] * len(self._slot_order))
        cursor.execute(
            f"EXECUTE {self._server_name}({arguments})" if arguments else f"EXECUTE {self._server_name}",
            [prepared[name] for name in self._slot_order],
        )


# Sent with every PREPARE (see ``Statement.execute``).
GENERIC_PLANS = "SET plan_cache_mode = force_generic_plan"
# The statements each open PostgreSQL connection has prepared (a new connection prepares anew).
_PREPARED_ON: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class CompiledSubquery:
    """A subquery compiled once (``prepare_subquery``)."""

    bound: _Bound

    def bind(self, **values: Any) -> RawSQL:
        """The subquery with these values, to filter a queryset by (``pk__in=...``)."""
        return RawSQL(self.bound.sql, self.bound.params(values))  # noqa: S611 - SQL compiled by Django; values are parameters


def prepare_subquery(
    slots: Slots, build: Callable[..., QuerySet[Any]], optional: frozenset[str] = frozenset()
) -> CompiledSubquery:
    """Compile ``build(**stand_ins)``, a queryset of one column, as a subquery (``optional``: as for ``prepare``)."""
    stand_ins = {name: _stand_in(kind) for name, kind in slots.items()}
    queryset = build(**stand_ins)
    query = queryset.query.clone()
    query.clear_ordering(force=False)  # a subquery's order is noise PostgreSQL would still sort by (unless sliced)
    # Aliases of its own (U0, ...), so nothing in the SQL can be read as a column of the outer query.
    query.bump_prefix(queryset.model._default_manager.all().query)
    sql, params = query.sql_with_params()
    return CompiledSubquery(_Bound.place(sql, params, slots, stand_ins, queryset.db, optional))


@dataclass(frozen=True)
class Counting:
    """A count compiled once (``prepare_count``)."""

    bound: _Bound

    def count(self, **values: Any) -> int:
        with connections[self.bound.using].cursor() as cursor:
            self.bound.execute(cursor, values)
            (found,) = cursor.fetchone()
        return int(found)


def prepare_count(
    slots: Slots, build: Callable[..., QuerySet[Any]], optional: frozenset[str] = frozenset()
) -> Counting:
    """Compile the count of the rows ``build(**stand_ins)`` gives (PostgreSQL flattens the
    subquery: the plan is that of Django's own ``count()``)."""
    rows = prepare_subquery(slots, lambda **values: build(**values).values("pk"), optional).bound
    return Counting(replace(rows, sql=f"SELECT COUNT(*) FROM ({rows.sql}) AS counted"))  # noqa: S608 - SQL compiled by Django


@dataclass(frozen=True)
class Statement:
    """A query compiled once (``prepare``): of model instances, or of tuples (``values_list``)."""

    bound: _Bound
    model: type[Model] | None
    columns: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Callable[..., Any], ...], Any], ...]
    # For tuples: which selected column each asked value is.
    positions: tuple[int, ...] = ()
    # For instances: which selected columns are the model's own, and what builds the related
    # objects of ``select_related`` from the rest of the row (Django's own populators).
    own: slice = field(default_factory=lambda: slice(None))
    related: tuple[Any, ...] = ()

    def fetch(self, **values: Any) -> list[Any]:
        """What the queryset would give with these values: its model instances, or its tuples."""
        using = self.bound.using
        connection = connections[using]
        with connection.cursor() as cursor:
            self.bound.execute(cursor, values)
            rows = cursor.fetchall()
        found: list[Any] = []
        for fetched in rows:
            row = list(fetched)
            for position, functions, expression in self.converters:
                for function in functions:
                    row[position] = function(row[position], expression, connection)
            if self.model is None:
                found.append(tuple(row[position] for position in self.positions))
            else:
                obj = self.model.from_db(using, self.columns, row[self.own])
                for populator in self.related:
                    populator.populate(row, obj)
                found.append(obj)
        return found


def prepare(slots: Slots, build: Callable[..., QuerySet[Any]], optional: frozenset[str] = frozenset()) -> Statement:
    """Compile ``build(**stand_ins)``: a queryset of model instances (with their ``select_related``
    objects, but no annotations or prefetching, which ``fetch`` would not rebuild), or a
    ``values_list`` of columns.

    Every slot must reach the SQL as a parameter of its own (a value the query changes first,
    such as ``slug.upper()``, is refused), but the ``optional`` ones, which a shape may not use
    (the date of today, for a filter that does not read it): their values are then ignored.
    """
    stand_ins = {name: _stand_in(kind) for name, kind in slots.items()}
    queryset = build(**stand_ins)
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    info = compiler.klass_info
    positions: tuple[int, ...] = ()
    if queryset._iterable_class is ValuesListIterable:
        # Each asked value by its alias: Django may select them in another order (annotations first).
        aliases = [alias for _column, _sql, alias in compiler.select]
        asked = list(queryset._fields)  # type: ignore[attr-defined]
        plain = bool(asked) and sorted(asked) == sorted(aliases)
        positions = tuple(aliases.index(name) for name in asked) if plain else ()
    else:
        plain = (
            queryset._iterable_class is ModelIterable
            and info is not None
            and not compiler.annotation_col_map
            and not queryset._prefetch_related_lookups  # type: ignore[attr-defined]
            and list(info["select_fields"]) == list(range(len(info["select_fields"])))
        )
    if not plain:
        raise ValueError(
            f"Only a query of model instances without annotations, or a values_list, can be prepared: {sql}"
        )
    expressions = [column for column, _sql, _alias in compiler.select]
    converters = tuple(
        (position, tuple(functions), expression)
        for position, (functions, expression) in compiler.get_converters(expressions).items()
    )
    bound = _Bound.place(sql, tuple(params), slots, stand_ins, queryset.db, optional)
    if positions:
        return Statement(bound=bound, model=None, columns=(), converters=converters, positions=positions)
    own = slice(0, len(info["select_fields"]))
    return Statement(
        bound=bound,
        model=info["model"],
        columns=tuple(column.target.attname for column in expressions[own]),
        converters=converters,
        own=own,
        related=tuple(get_related_populators(info, compiler.select, queryset.db)),
    )


def numbered(name: str, values: Sequence[Any]) -> dict[str, Any]:
    """A list of values as slots of their own (``id0``, ``id1``...): a statement takes a fixed number."""
    return {f"{name}{index}": value for index, value in enumerate(values)}


def fetch_for_ids(query: Callable[[list[Any]], QuerySet[Any]], ids: Sequence[int]) -> list[Any]:
    """The rows of ``query(ids)``, compiled once per query and number of ids.

    ``query`` must be one function for the life of the process (a loader's, defined with it),
    since statements are kept per function.
    """
    if not ids:
        return []
    return _for_ids(query, len(ids)).fetch(**numbered("id", ids))


@kept
def _for_ids(query: Callable[[list[Any]], QuerySet[Any]], count: int) -> Statement:
    return prepare(numbered("id", [NUMBER] * count), lambda **ids: query(list(ids.values())))
