"""Loaders for references between content: to-one, to-many and paginated reverse references.

References are followed by translation key, then shown in the requested language (or the
default one), so a French news item lists the French version of its city when there is one.
Every loader runs a fixed number of queries for all the objects of a list together.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from django.db.models import QuerySet

from .errors import ApiError
from .pagination import Ordering, PageArgs, paginate_per_parent
from .planning import Loader, Scope, by_arguments, defer_unread_columns, plan, store
from .selection import FieldSelection

LinkQuery = Callable[[list[Any]], Iterable[tuple[Any, Any]]]
TargetQuery = Callable[[Scope], QuerySet[Any]]


def _targets(
    scope: Scope,
    objects: Sequence[Any],
    selections: list[FieldSelection],
    links: LinkQuery,
    targets: TargetQuery,
) -> dict[Any, list[Any]]:
    # Two language versions of one target resolve to the same item: keep its first link only.
    pairs = list(dict.fromkeys(links([obj.pk for obj in objects])))
    found = scope.localized_by_key(defer_unread_columns(targets(scope), selections), {key for _parent, key in pairs})
    plan(scope, list(found.values()), selections)
    by_parent: dict[Any, list[Any]] = defaultdict(list)
    for parent, key in pairs:
        if key in found:
            by_parent[parent].append(found[key])
    return by_parent


def many_loader(links: LinkQuery, targets: TargetQuery) -> Loader:
    """``links(pks)`` yields ``(pk, target translation key)`` pairs in display order."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        by_parent = _targets(scope, objects, selections, links, targets)
        for obj in objects:
            store(obj, selections[0].name, by_parent.get(obj.pk, []))

    return load


def one_loader(links: LinkQuery, targets: TargetQuery) -> Loader:
    """Like ``many_loader`` for a single reference; a hidden target reads as ``None``."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        by_parent = _targets(scope, objects, selections, links, targets)
        for obj in objects:
            store(obj, selections[0].name, next(iter(by_parent.get(obj.pk, [])), None))

    return load


def reverse_connection_loader(
    targets: TargetQuery, parent: str, ordering: Callable[[dict[str, Any]], Ordering]
) -> Loader:
    """A paginated reverse reference, e.g. a city's news: one windowed query for all parents."""

    def load(scope: Scope, objects: Sequence[Any], selections: list[FieldSelection]) -> None:
        keys: list[Hashable] = list(dict.fromkeys(obj.translation_key for obj in objects))
        for group in by_arguments(selections).values():
            arguments = group[0].arguments
            order = ordering(arguments)
            with_count = any(child.name == "totalCount" for s in group for child in s.fields_on(s.output_type.name))
            node_selections = [node for selection in group for node in selection.child("edges", "node")]
            try:
                connections, nodes = paginate_per_parent(
                    scope.localized(defer_unread_columns(targets(scope), node_selections, order.columns)),
                    parent,
                    keys,
                    order,
                    PageArgs.from_arguments(arguments),
                    with_count,
                )
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
