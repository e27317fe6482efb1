"""The query planner: loads, for a whole list of objects at once, what the query selected on them.

Every entry point (root lists, single look-ups, reverse references, search) fetches its objects
and then calls ``plan`` with the selections that apply to them. A field that needs more than the
object's own columns is declared with its loader (``planned_field``), so a type module reads top
to bottom; a loader runs one or two queries for all the objects together and stores the result
on each object, and the field only reads what was stored. A query's SQL count therefore does
not grow with the number of items, and ``tests/graphql_api/test_planned_fields.py`` walks the
schema so that no field reads the planner's store without a loader.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import strawberry
from django.db.models import QuerySet
from graphql import GraphQLObjectType
from strawberry.extensions.field_extension import FieldExtension
from strawberry.types import Info
from strawberry.utils.str_converters import to_camel_case
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

from .context import ApiContext
from .locales import localized, localized_by_key
from .selection import FieldSelection, root_selection

PLANNED_ATTRIBUTE = "_citynews_planned"


@dataclass(frozen=True)
class Scope:
    """Who is asking, in which language: passed to every loader."""

    ctx: ApiContext
    locale: Locale

    def localized(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return localized(queryset, self.locale, self.ctx.default_locale)

    def localized_by_key(self, queryset: QuerySet[Any], keys: Iterable[Any]) -> dict[Any, Any]:
        return localized_by_key(queryset, keys, self.locale, self.ctx.default_locale)


Loader = Callable[[Scope, Sequence[Any], list[FieldSelection]], None]


class PlannedField(FieldExtension):
    """Marks a field whose value the planner loads: ``loader`` runs once for all the objects of a
    list, and the field reads what it stored (``then`` may derive the answer from it)."""

    def __init__(self, loader: Loader, then: Callable[[Any, Any], Any] | None = None) -> None:
        super().__init__()
        self.loader = loader
        self.then = then

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        value = planned(source, info.field_name, root_selection(info).arguments if kwargs else None)
        return value if self.then is None else self.then(source, value)


def planned_field(loader: Loader, *, description: str, then: Callable[[Any, Any], Any] | None = None) -> Any:
    """A field loaded by ``loader`` (see ``PlannedField``), declared where the field is."""
    return strawberry.field(description=description, extensions=[PlannedField(loader, then)])


def loader_of(selection: FieldSelection) -> Loader | None:
    """The loader declared with the selected field, if it has one."""
    definition = selection.parent_type.fields[selection.name].extensions.get("strawberry-definition")
    for extension in getattr(definition, "extensions", None) or ():
        if isinstance(extension, PlannedField):
            return extension.loader
    return None


_TYPE_NAMES: dict[type, str] = {}


def register_type(type_name: str, *python_types: type) -> None:
    """Values of ``python_types`` (model instances) are shown as the GraphQL type ``type_name``."""
    _TYPE_NAMES.update(dict.fromkeys(python_types, type_name))


def graphql_type_name(obj: Any) -> str:
    try:
        return _TYPE_NAMES[type(obj)]
    except KeyError:
        raise LookupError(f"No GraphQL type is registered for {type(obj).__name__}.") from None


def plan(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
    """Run the loaders for what ``selections`` ask of ``objects`` (which may mix types)."""
    by_type: dict[str, list[Any]] = defaultdict(list)
    for obj in objects:
        by_type[graphql_type_name(obj)].append(obj)
    for type_name, group in by_type.items():
        kind = "page" if isinstance(group[0], Page) else type_name.lower()
        scope.ctx.add_content_keys(kind, (obj.pk for obj in group))
        fields: dict[str, list[FieldSelection]] = defaultdict(list)
        for selection in selections:
            for child in selection.fields_on(type_name):
                fields[child.name].append(child)
        for field_selections in fields.values():
            loader = loader_of(field_selections[0])
            if loader is not None:
                loader(scope, group, field_selections)


# Fields computed from a page's main text whatever its type (``pages.py``): selecting one keeps every stream.
READS_MAIN_TEXT = frozenset({"summary", "emailHtml"})

# Wagtail's bookkeeping columns on every page, which no field of the API reads (visibility is
# decided in SQL, before any row is read): never fetched, so no row pays for parsing them.
UNREAD_PAGE_COLUMNS = (
    "numchild",
    "latest_revision",
    "live",
    "has_unpublished_changes",
    "live_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
    "draft_title",
    "owner",
    "latest_revision_created_at",
    "alias_of",
    "show_in_menus",
)


def defer_unread_columns(queryset: QuerySet[Any], selections: list[FieldSelection]) -> QuerySet[Any]:
    """``queryset`` without the columns the API will not read of its items: Wagtail's bookkeeping
    columns of pages, and the StreamField columns that ``selections`` never ask for.

    Bodies are the largest columns by far: sorting rows that carry them made PostgreSQL spill a
    deep archive page to disk, and building a page from a full row costs twice what it does from
    the columns the API reads. Deferred streams that are asked for after all are read by their
    loader in one query (``stream_loader``), never one per item.
    """
    unread = list(UNREAD_PAGE_COLUMNS) if issubclass(queryset.model, Page) else []
    selected: set[str] = set()
    for selection in selections:
        if not isinstance(selection.output_type, GraphQLObjectType):
            return queryset.defer(*unread)
        selected.update(child.name for child in selection.fields_on(selection.output_type.name))
    if not selected & READS_MAIN_TEXT:
        unread += [
            field.name
            for field in queryset.model._meta.concrete_fields
            if isinstance(field, StreamField) and to_camel_case(field.name) not in selected
        ]
    return queryset.defer(*unread)


def arguments_key(arguments: dict[str, Any]) -> str:
    return json.dumps(arguments, sort_keys=True, default=str) if arguments else ""


def store(obj: Any, name: str, value: Any, arguments: dict[str, Any] | None = None) -> None:
    obj.__dict__.setdefault(PLANNED_ATTRIBUTE, {})[(name, arguments_key(arguments or {}))] = value


def planned(obj: Any, name: str, arguments: dict[str, Any] | None = None) -> Any:
    """What the planner stored for field ``name`` (with these arguments) on ``obj``."""
    try:
        return obj.__dict__[PLANNED_ATTRIBUTE][(name, arguments_key(arguments or {}))]
    except KeyError:
        raise LookupError(f"{type(obj).__name__}.{name} was not planned: declare it with planned_field().") from None


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
