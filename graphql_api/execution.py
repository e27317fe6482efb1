"""Execution with a shortcut for the commonest fields of all: scalars without arguments.

graphql-core executes every field the same way: it builds a resolve info, reads the arguments,
calls the resolver, checks for awaitables and completes the value through its wrapping types;
strawberry adds, for a field with a resolver of its own, the conversion of arguments it does not
have and a chain of field extensions it does not use. Such fields are most of what a list
executes: a week of news asks 57 attributes (``title``, ``date``...) and 19 computed scalars
(``url``) for one field that does real work. Answering them directly saves a few percent of a
request's CPU (README, "Plain fields skip the executor's ceremony").

``LeanExecution`` answers such a field directly: an attribute read as a scalar or enum, or a
synchronous resolver without arguments or field extensions (called with the same ``self``,
``root`` and ``info`` strawberry would give it). Anything else, and any value that is not a
plain answer (null where null is not allowed, an exception, a value the scalar refuses), goes
the standard way, which reports it as it always did. Nothing is short-cut while an extension
wraps every resolver, or the schema has exception handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    Undefined,
    get_named_type,
)
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

from .arguments import ResolverCall

# What a shortcut reads the value with: the execution, the source, and the field's place.
Read = Callable[["LeanExecution", Any, GraphQLObjectType, Any, Path], Any]


@dataclass(frozen=True)
class Shortcut:
    read: Read
    leaf: GraphQLLeafType
    nullable: bool


@cache
def shortcuts_of(schema: GraphQLSchema) -> dict[tuple[str, str], Shortcut]:
    """The fields of ``schema`` answered directly, by object type and field name."""
    strawberry_schema = getattr(schema, "_strawberry_schema", None)
    if strawberry_schema is None or strawberry_schema.exception_handlers:
        return {}
    found = {}
    for type_name, graphql_type in schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for name, field in graphql_type.fields.items():
            leaf = get_named_type(field.type)
            if not isinstance(leaf, GraphQLLeafType) or field.args:
                continue
            read = _attribute(field) or _computed(field, strawberry_schema.config.info_class)
            if read is not None:
                found[type_name, name] = Shortcut(read, leaf, not isinstance(field.type, GraphQLNonNull))
    return found


def _attribute(field: GraphQLField) -> Read | None:
    """A field strawberry answers by reading an attribute of the source (strawberry marks its
    resolver as the default one even when field extensions wrap it: those go the standard way)."""
    resolve = field.resolve
    definition = field.extensions.get("strawberry-definition")
    if not getattr(resolve, "_is_default", False) or getattr(definition, "extensions", None):
        return None
    return lambda _execution, source, _parent, _details, _path: resolve(source, None)  # type: ignore[misc]


def _computed(field: GraphQLField, info_class: type) -> Read | None:
    """A field answered by a synchronous resolver of its own that takes no arguments."""
    definition = field.extensions.get("strawberry-definition")
    if not isinstance(definition, StrawberryField) or definition.extensions:
        return None
    resolver = definition.base_resolver
    if resolver is None or resolver.is_async or resolver.arguments:
        return None
    call = ResolverCall(resolver)

    def read(execution: LeanExecution, source: Any, parent: GraphQLObjectType, details: Any, path: Path) -> Any:
        def info() -> Any:
            return info_class(
                _raw_info=execution.build_resolve_info(field, to_nodes(details), parent, path), _field=definition
            )

        return call(source, info, {})

    return read


class LeanExecution(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution, with the fields of ``shortcuts_of`` answered directly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wrapped = getattr(self.middleware_manager, "_middleware_resolvers", None) is not None
        self.shortcuts = {} if wrapped else shortcuts_of(self.schema)

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any:
        shortcut = self.shortcuts.get((parent_type.name, field_details_list[0].node.name.value))
        if shortcut is not None:
            try:
                value = shortcut.read(self, source, parent_type, field_details_list, path)
                if value is None:
                    if shortcut.nullable:
                        return None
                elif not isinstance(value, Exception):
                    serialized = shortcut.leaf.serialize(value)
                    if serialized is not None and serialized is not Undefined:
                        return serialized
            except Exception:  # noqa: S110 (the standard way below reports it as graphql-core does)
                pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
