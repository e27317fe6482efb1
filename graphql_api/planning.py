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
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet
from graphql import GraphQLObjectType
from strawberry.extensions.field_extension import FieldExtension
from strawberry.types import Info
from strawberry.utils.str_converters import to_snake_case
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


class Later:
    """A planned value read only when its field resolves, once every loader has asked for what it
    needs: images asked for by several loaders (a news item's hero, its body's pictures, its
    cities') are then read in one query (``images.ask_images``)."""

    def __init__(self, read: Callable[[], Any]) -> None:
        self.read = read


class PlannedField(FieldExtension):
    """Marks a field whose value the planner loads: ``loader`` runs once for all the objects of a
    list, and the field reads what it stored (``then`` may derive the answer from it)."""

    def __init__(self, loader: Loader, then: Callable[[Any, Any], Any] | None = None) -> None:
        super().__init__()
        self.loader = loader
        self.then = then

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        value = planned(source, info.field_name, root_selection(info).arguments if kwargs else None)
        if isinstance(value, Later):
            value = value.read()
        return value if self.then is None else self.then(source, value)


# The model fields a field reads of its object: names, or a function of the model for a field that
# every page type answers from fields of its own (``Page.summary``).
ColumnsRead = tuple[str, ...] | Callable[[type[Model]], Iterable[str | None]]
_READS = "citynews.reads"


def reads(columns: ColumnsRead) -> dict[str, ColumnsRead]:
    """Field metadata saying what a field with a resolver of its own reads of its object, so that a
    query selecting it fetches just those columns (``defer_unread_columns``)."""
    return {_READS: columns}


def planned_field(
    loader: Loader,
    *,
    description: str,
    then: Callable[[Any, Any], Any] | None = None,
    columns: ColumnsRead = (),
) -> Any:
    """A field loaded by ``loader`` (see ``PlannedField``), declared where the field is.

    ``columns`` are the model fields the loader (or ``then``) reads of each object besides its
    key, translation key and language, which every object has.
    """
    return strawberry.field(description=description, extensions=[PlannedField(loader, then)], metadata=reads(columns))


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
# What every object is read with (besides its primary key): the language version it is, which the
# planner reads, and its content type, which Wagtail reads to tell a page's own type.
_ALWAYS_READ = ("translation_key", "locale", "content_type")


@dataclass(frozen=True)
class Loading:
    """The columns a query reads of its rows: ``only`` these names, or all but (``defer``) them."""

    only: bool
    names: tuple[str, ...]

    def apply(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.only(*self.names) if self.only else queryset.defer(*self.names)


def defer_unread_columns(
    queryset: QuerySet[Any], selections: list[FieldSelection], sort_keys: Iterable[str] = ()
) -> QuerySet[Any]:
    """``queryset`` reading only the columns the API will read of its items (``loading_for``)."""
    return loading_for(queryset.model, selections, sort_keys).apply(queryset)


def loading_for(model: type[Model], selections: list[FieldSelection], sort_keys: Iterable[str] = ()) -> Loading:
    """The columns of ``model`` the API will read of its items for ``selections`` (and
    ``sort_keys``, which cursors are made of).

    Every selected field says what it reads: a plain field its own column, a planned field or a
    resolver the columns declared with it (``reads``). Reading twenty news items' titles then
    costs what a hand-written ``only()`` does: a page row has some thirty columns and building an
    object from each costs more than the query. When a field does not say (a resolver without
    ``reads``), every column is read but Wagtail's bookkeeping and the StreamField columns that
    nothing selected asks for: bodies are the largest columns by far, and a deep archive page
    sorting rows that carried them spilled to disk. A deferred stream asked for after all is read
    by its loader in one query (``stream_loader``), never one per item.
    """
    unread = list(UNREAD_PAGE_COLUMNS) if issubclass(model, Page) else []
    read = _columns_read(model, selections)
    if read is None:  # fields under an interface or union: they vary by type
        return Loading(only=False, names=tuple(unread))
    columns, complete = read
    if complete:
        always = [name for name in _ALWAYS_READ if _is_column(model, name)]
        return Loading(only=True, names=tuple(dict.fromkeys([*always, *sorted(columns), *sort_keys])))
    unread += [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, StreamField) and field.name not in columns
    ]
    return Loading(only=False, names=tuple(unread))


def _columns_read(model: type[Model], selections: list[FieldSelection]) -> tuple[set[str], bool] | None:
    """The model fields read by the fields selected under ``selections``, and whether every one of
    them said what it reads (a field that does not is taken to read the column of its name, if
    any, and more). ``None`` when a selection's type is abstract."""
    columns: set[str] = set()
    complete = True
    for selection in selections:
        if not isinstance(selection.output_type, GraphQLObjectType):
            return None
        for child in selection.fields_on(selection.output_type.name):
            read = _read_by(model, child)
            if read is None:
                complete = False
                read = (to_snake_case(child.name),)
            columns.update(name for name in read if name)
    return columns, complete


def _read_by(model: type[Model], selection: FieldSelection) -> Iterable[str | None] | None:
    """What one selected field reads of its object, if it says (a plain field: its own column)."""
    definition = selection.parent_type.fields[selection.name].extensions.get("strawberry-definition")
    declared = definition.metadata.get(_READS)
    if declared is not None:
        return declared(model) if callable(declared) else declared
    if definition.base_resolver is None and _is_column(model, definition.python_name):
        return (definition.python_name,)
    return None


def _is_column(model: type[Model], name: str) -> bool:
    try:
        return bool(model._meta.get_field(name).concrete)
    except FieldDoesNotExist:
        return False


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
