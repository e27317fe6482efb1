"""The selected fields of a request, as a tree the query planner can read before resolving.

graphql-core hands resolvers raw AST nodes; this module turns them into ``FieldSelection``
objects with coerced arguments (defaults, variables and enums applied exactly as the resolver
will see them), fragments flattened for a given concrete type and ``@skip``/``@include`` honoured.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLIncludeDirective,
    GraphQLResolveInfo,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import VariableValues, get_argument_values
from graphql.type import GraphQLAbstractType, GraphQLObjectType


@dataclass(frozen=True)
class FieldSelection:
    """One selected field with its coerced arguments; ``fields_on`` walks what is selected below it."""

    name: str
    arguments: dict[str, Any]
    nodes: tuple[FieldNode, ...]
    info: GraphQLResolveInfo[Any]
    parent_type: GraphQLObjectType

    @property
    def output_type(self) -> Any:
        return get_named_type(self.parent_type.fields[self.name].type)

    def fields_on(self, type_name: str) -> list[FieldSelection]:
        """The fields selected under this one when its value is of the object type ``type_name``."""
        object_type = self.info.schema.get_type(type_name)
        if not isinstance(object_type, GraphQLObjectType):
            raise TypeError(f"{type_name} is not an object type of the schema.")
        return list(_collect(self.info, object_type, [node.selection_set for node in self.nodes]))

    def child(self, *path: str) -> list[FieldSelection]:
        """The selections found by following ``path`` (e.g. ``edges``, ``node``) through object types."""
        current = [self]
        for name in path:
            current = [
                child
                for selection in current
                for child in selection.fields_on(selection.output_type.name)
                if child.name == name
            ]
        return current


def root_selection(info: Any) -> FieldSelection:
    """The field being resolved (strawberry's ``Info`` or graphql-core's), as the root of its selection tree."""
    info = getattr(info, "_raw_info", info)
    field_def = info.parent_type.fields[info.field_name]
    return FieldSelection(
        name=info.field_name,
        arguments=get_argument_values(field_def, info.field_nodes[0], _variables(info)),
        nodes=tuple(info.field_nodes),
        info=info,
        parent_type=info.parent_type,
    )


def _variables(info: GraphQLResolveInfo[Any]) -> VariableValues:
    """The operation's variables as graphql-core's argument coercion wants them.

    Strawberry hands resolvers the plain dict of coerced values, not graphql-core's container.
    """
    values = info.variable_values
    return values if isinstance(values, VariableValues) else VariableValues(sources={}, coerced=values or {})


def merged_fields(selections: list[FieldSelection], name: str, type_name: str) -> list[FieldSelection]:
    """Every selection of field ``name`` on ``type_name`` under any of ``selections``."""
    return [child for selection in selections for child in selection.fields_on(type_name) if child.name == name]


def _collect(
    info: GraphQLResolveInfo[Any], object_type: GraphQLObjectType, selection_sets: list[SelectionSetNode | None]
) -> Iterator[FieldSelection]:
    grouped: dict[tuple[str, str], list[FieldNode]] = {}
    for selection_set in selection_sets:
        for node in _field_nodes(info, object_type, selection_set, set()):
            key = (node.alias.value if node.alias else node.name.value, node.name.value)
            grouped.setdefault(key, []).append(node)
    for (_key, name), nodes in grouped.items():
        if name.startswith("__") or name not in object_type.fields:
            continue
        yield FieldSelection(
            name=name,
            arguments=get_argument_values(object_type.fields[name], nodes[0], _variables(info)),
            nodes=tuple(nodes),
            info=info,
            parent_type=object_type,
        )


def _field_nodes(
    info: GraphQLResolveInfo[Any],
    object_type: GraphQLObjectType,
    selection_set: SelectionSetNode | None,
    visited: set[str],
) -> Iterator[FieldNode]:
    if selection_set is None:
        return
    for node in selection_set.selections:
        if not _included(info, node):
            continue
        if isinstance(node, FieldNode):
            yield node
        elif isinstance(node, InlineFragmentNode):
            condition = node.type_condition.name.value if node.type_condition else None
            if _applies(info, condition, object_type):
                yield from _field_nodes(info, object_type, node.selection_set, visited)
        elif isinstance(node, FragmentSpreadNode) and node.name.value not in visited:
            visited.add(node.name.value)
            fragment = info.fragments[node.name.value]
            if _applies(info, fragment.type_condition.name.value, object_type):
                yield from _field_nodes(info, object_type, fragment.selection_set, visited)


def _applies(info: GraphQLResolveInfo[Any], condition: str | None, object_type: GraphQLObjectType) -> bool:
    if condition is None or condition == object_type.name:
        return True
    condition_type = info.schema.get_type(condition)
    return isinstance(condition_type, GraphQLAbstractType) and info.schema.is_sub_type(condition_type, object_type)


def _included(info: GraphQLResolveInfo[Any], node: Any) -> bool:
    for directive in node.directives or ():
        name = directive.name.value
        if name in ("skip", "include"):
            definition = GraphQLSkipDirective if name == "skip" else GraphQLIncludeDirective
            value = get_argument_values(definition, directive, _variables(info))["if"]
            if value == (name == "skip"):
                return False
    return True
