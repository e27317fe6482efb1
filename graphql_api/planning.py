"""The query planner: loads, for a whole list of objects at once, what the query selected on them.

Every entry point (root lists, single look-ups, reverse references, search) fetches its objects
and then calls ``plan`` with the selections that apply to them. Each GraphQL type registers a
loader per field that needs more than the object's own columns; a loader runs one or two
queries for all the objects together and stores the result on each object. Resolvers only read
what was stored (``planned``), so a query's SQL count does not grow with the number of items,
and a resolver whose field was never planned fails loudly in the tests instead of silently
running one query per item.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from graphql import GraphQLObjectType
from strawberry.utils.str_converters import to_camel_case
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from .context import ApiContext
from .locales import localized, localized_by_key
from .selection import FieldSelection

PLANNED_ATTRIBUTE = "_citynews_planned"


@dataclass(frozen=True)
class Scope:
    """Who is asking, in which language: passed to every loader."""

    ctx: ApiContext
    locale: Locale

    def localized(self, queryset: QuerySet) -> QuerySet:
        return localized(queryset, self.locale, self.ctx.default_locale)

    def localized_by_key(self, queryset: QuerySet, keys: Iterable[Any]) -> dict[Any, Any]:
        return localized_by_key(queryset, keys, self.locale, self.ctx.default_locale)


Loader = Callable[[Scope, Sequence[Any], list[FieldSelection]], None]


@dataclass
class TypePlan:
    """The loaders of one GraphQL object type, by field name."""

    type_name: str
    loaders: dict[str, Loader] = field(default_factory=dict)

    def loader(self, *field_names: str) -> Callable[[Loader], Loader]:
        def register(function: Loader) -> Loader:
            for name in field_names:
                self.loaders[name] = function
            return function

        return register


_PLANS: dict[str, TypePlan] = {}
_TYPE_NAMES: list[tuple[type, str]] = []


def type_plan(type_name: str, *python_types: type) -> TypePlan:
    """The plan for ``type_name``, whose values are instances of ``python_types``."""
    plan = _PLANS.setdefault(type_name, TypePlan(type_name))
    _TYPE_NAMES.extend((python_type, type_name) for python_type in python_types)
    return plan


def graphql_type_name(obj: Any) -> str:
    for python_type, type_name in _TYPE_NAMES:
        if type(obj) is python_type:
            return type_name
    raise LookupError(f"No GraphQL type is registered for {type(obj).__name__}.")


def plan(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
    """Run the loaders for what ``selections`` ask of ``objects`` (which may mix types)."""
    by_type: dict[str, list[Any]] = defaultdict(list)
    for obj in objects:
        by_type[graphql_type_name(obj)].append(obj)
    for type_name, group in by_type.items():
        kind = "page" if isinstance(group[0], Page) else type_name.lower()
        scope.ctx.add_content_keys(kind, (obj.pk for obj in group))
    for type_name, group in by_type.items():
        type_loaders = _PLANS[type_name].loaders if type_name in _PLANS else {}
        fields: dict[str, list[FieldSelection]] = defaultdict(list)
        for selection in selections:
            for child in selection.fields_on(type_name):
                fields[child.name].append(child)
        for name, field_selections in fields.items():
            if name in type_loaders:
                type_loaders[name](scope, group, field_selections)


def skip_unselected_streams(queryset: QuerySet, selections: list[FieldSelection]) -> QuerySet:
    """``queryset`` without the StreamField columns that ``selections`` (of its items) never ask for.

    Bodies are the largest columns by far: sorting rows that carry them made PostgreSQL spill a
    deep archive page to disk. Deferred streams that are asked for after all are read by their
    loader in one query (``stream_loader``), never one per item.
    """
    selected = set()
    for selection in selections:
        if not isinstance(selection.output_type, GraphQLObjectType):
            return queryset
        selected.update(child.name for child in selection.fields_on(selection.output_type.name))
    unused = [
        field.name
        for field in queryset.model._meta.concrete_fields
        if isinstance(field, StreamField) and to_camel_case(field.name) not in selected
    ]
    return queryset.defer(*unused) if unused else queryset


def arguments_key(arguments: dict[str, Any]) -> str:
    return json.dumps(arguments, sort_keys=True, default=str)


def store(obj: Any, name: str, value: Any, arguments: dict[str, Any] | None = None) -> None:
    obj.__dict__.setdefault(PLANNED_ATTRIBUTE, {})[(name, arguments_key(arguments or {}))] = value


def planned(obj: Any, name: str, arguments: dict[str, Any] | None = None) -> Any:
    """What the planner stored for field ``name`` (with these arguments) on ``obj``."""
    try:
        return obj.__dict__[PLANNED_ATTRIBUTE][(name, arguments_key(arguments or {}))]
    except KeyError:
        raise LookupError(f"{type(obj).__name__}.{name} was not planned: register a loader for it.") from None


def by_arguments(selections: list[FieldSelection]) -> dict[str, list[FieldSelection]]:
    """Selections of one field grouped by their arguments (aliases may ask with different ones)."""
    grouped: dict[str, list[FieldSelection]] = defaultdict(list)
    for selection in selections:
        grouped[arguments_key(selection.arguments)].append(selection)
    return grouped


def group_by(items: Sequence[Any], key: Callable[[Any], Hashable]) -> dict[Hashable, list[Any]]:
    grouped: dict[Hashable, list[Any]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped
