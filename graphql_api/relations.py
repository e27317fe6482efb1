"""Loaders for references between content: to-one, to-many and paginated reverse references.

References are followed by translation key, then shown in the requested language (or the
default one), so a French news item lists the French version of its city when there is one.
Every loader runs a fixed number of queries for all the objects of a list together.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet
from wagtail.models import Locale

from home.visibility import PageVisibility

from .errors import ApiError
from .locales import by_key_query
from .pagination import Connection, Ordering, PageArgs, owned_by, page_from_rows, page_query, paginate_per_parent
from .planning import Loader, Loading, Scope, by_arguments, loading_for, plan, store
from .selection import FieldSelection
from .statements import KEY, Statement, fetch_for_ids, kept, numbered, prepare
from .visibility import clock_slot, clock_value, localized_public_at, pages_of, public, public_at

LinkQuery = Callable[[list[Any]], QuerySet[Any]]


def _targets(
    scope: Scope,
    objects: Sequence[Any],
    selections: list[FieldSelection],
    links: LinkQuery,
    targets: type[Model],
) -> dict[Any, list[Any]]:
    # Two language versions of one target resolve to the same item: keep its first link only.
    pairs = list(dict.fromkeys(fetch_for_ids(links, [obj.pk for obj in objects])))
    found = _public_by_key(scope, targets, loading_for(targets, selections), {key for _parent, key in pairs})
    plan(scope, list(found.values()), selections)
    by_parent: dict[Any, list[Any]] = defaultdict(list)
    for parent, key in pairs:
        if key in found:
            by_parent[parent].append(found[key])
    return by_parent


def _public_by_key(scope: Scope, targets: type[Model], loading: Loading, keys: set[Any]) -> dict[Any, Any]:
    """The public ``targets`` with these translation keys, each in the scope's language or the
    default one, by key: a statement per type, columns read and number of keys."""
    if not keys:
        return {}
    pages = pages_of(scope.ctx, targets)
    statement = _by_key_statement(
        targets._meta.label, pages, loading, len(keys), scope.locale, scope.ctx.default_locale
    )
    found = statement.fetch(**numbered("key", list(keys)), **clock_value(scope.ctx, pages))
    return {obj.translation_key: obj for obj in found}


@kept
def _by_key_statement(
    model_label: str, pages: PageVisibility | None, loading: Loading, count: int, locale: Locale, default: Locale
) -> Statement:
    model = apps.get_model(model_label)

    def build(now: datetime.datetime | None = None, **keys: Any) -> QuerySet[Any]:
        return by_key_query(loading.apply(public_at(model, pages, now)), set(keys.values()), locale, default)

    return prepare({**numbered("key", [KEY] * count), **clock_slot(pages)}, build)


def many_loader(links: LinkQuery, targets: type[Model]) -> Loader:
    """``links(pks)`` is a ``values_list`` of ``(pk, target translation key)`` pairs in display
    order (one function for the life of the process: its statements are kept per function); the
    public ``targets`` with those keys are shown."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        by_parent = _targets(scope, objects, selections, links, targets)
        for obj in objects:
            store(obj, selections[0].name, by_parent.get(obj.pk, []))

    return load


def one_loader(links: LinkQuery, targets: type[Model]) -> Loader:
    """Like ``many_loader`` for a single reference; a hidden target reads as ``None``."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        by_parent = _targets(scope, objects, selections, links, targets)
        for obj in objects:
            store(obj, selections[0].name, next(iter(by_parent.get(obj.pk, [])), None))

    return load


def reverse_connection_loader(
    targets: type[Model], parent: str, ordering: Callable[[dict[str, Any]], Ordering]
) -> Loader:
    """A paginated reverse reference, e.g. a city's news: one windowed query for all parents."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        keys: list[Hashable] = list(dict.fromkeys(obj.translation_key for obj in objects))
        for group in by_arguments(selections).values():
            arguments = group[0].arguments
            order = ordering(arguments)
            with_count = any(child.name == "totalCount" for s in group for child in s.fields_on(s.output_type.name))
            node_selections = [node for selection in group for node in selection.child("edges", "node")]
            loading = loading_for(targets, node_selections, order.columns)
            try:
                args = PageArgs.from_arguments(arguments)
                if len(keys) == 1 and not (args.after or args.before):
                    connections, nodes = _page_of_one_parent(scope, targets, loading, parent, keys[0], order, args)
                else:
                    queryset = scope.localized(loading.apply(public(scope.ctx, targets)))
                    connections, nodes = paginate_per_parent(queryset, parent, keys, order, args, with_count)
            except ApiError as error:
                # A bad page size or cursor is an error of this field, not of the root field that
                # planned it: the resolver returns the stored error and GraphQL raises it there.
                for obj in objects:
                    store(obj, group[0].name, error, arguments)
                continue
            plan(scope, nodes, node_selections)
            for obj in objects:
                store(obj, group[0].name, connections[obj.translation_key], arguments)

    return load


def _page_of_one_parent(
    scope: Scope,
    targets: type[Model],
    loading: Loading,
    parent: str,
    key: Hashable,
    order: Ordering,
    args: PageArgs,
) -> tuple[dict[Hashable, Connection[Any]], list[Any]]:
    """The first (or a numbered) page of one parent's items, e.g. a city looked up by slug, by a
    query compiled once per shape; cursors go through ``paginate_per_parent``."""
    pages = pages_of(scope.ctx, targets)
    statement = _one_parent_statement(
        targets._meta.label, pages, loading, scope.locale, scope.ctx.default_locale, parent, order, args
    )
    rows = statement.fetch(key=key, **clock_value(scope.ctx, pages))

    def count() -> int:
        return owned_by(scope.localized(loading.apply(public(scope.ctx, targets))), parent, key).count()

    connection, nodes = page_from_rows(rows, order, args, count)
    return {key: connection}, nodes


@kept
def _one_parent_statement(
    model_label: str,
    pages: PageVisibility | None,
    loading: Loading,
    locale: Locale,
    default: Locale,
    parent: str,
    order: Ordering,
    args: PageArgs,
) -> Statement:
    model = apps.get_model(model_label)

    def build(key: Any, now: datetime.datetime | None = None) -> QuerySet[Any]:
        items = loading.apply(localized_public_at(model, pages, now, locale, default))
        return page_query(owned_by(items, parent, key), order, args)

    return prepare({"key": KEY, **clock_slot(pages)}, build)
