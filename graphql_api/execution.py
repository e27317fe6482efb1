"""Execution with shortcuts for the commonest fields of all: scalars without arguments, and
the objects a connection holds in attributes.

graphql-core executes every field the same way: it builds a resolve info, reads the arguments,
calls the resolver, checks for awaitables and completes the value through its wrapping types;
strawberry adds, for a field with a resolver of its own, the conversion of arguments it does not
have and a chain of field extensions it does not use. Such fields are most of what a list
executes: a week of news asks 57 attributes (``title``, ``date``...) and 19 computed scalars
(``url``) for one field that does real work. Answering them directly saves a few percent of a
request's CPU (README, "Plain fields skip the executor's ceremony").

``LeanExecution`` answers such a field directly: an attribute read as a scalar or enum, or a
synchronous resolver without arguments or field extensions (called with the same ``self``,
``root`` and ``info`` strawberry would give it). An attribute holding an object or a list of
objects of a type that is not abstract (a connection's ``edges``, an edge's ``node``) has its
fields executed right away, without the layers graphql-core completes an object through.
Anything else, and any value that is not a plain answer (a null, an exception, a value the
scalar refuses, an object ``is_type_of`` refuses, a directive on the field), goes the standard
way, which reports it as it always did. Nothing is short-cut while an extension wraps every
resolver, or the schema has exception handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    Undefined,
    get_named_type,
)
from graphql.execution.executor import to_nodes
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

from .arguments import ResolverCall, object_types

# What ``LeanExecution._complete_objects`` answers when a field is to go the standard way.
STANDARD = object()
# What a shortcut reads the value with: the execution, the source, and the field's place.
Read = Callable[["LeanExecution", Any, GraphQLObjectType, Any, Path], Any]


@dataclass(frozen=True)
class Shortcut:
    read: Read
    leaf: GraphQLLeafType
    nullable: bool


def _short_cut_schema(schema: GraphQLSchema) -> Any:
    """The strawberry schema behind ``schema`` when its fields may be short-cut (it has no
    exception handlers, which the standard way applies), else None."""
    strawberry_schema = getattr(schema, "_strawberry_schema", None)
    return None if strawberry_schema is None or strawberry_schema.exception_handlers else strawberry_schema


@cache
def shortcuts_of(schema: GraphQLSchema) -> dict[tuple[str, str], Shortcut]:
    """The fields of ``schema`` answered directly, by object type and field name."""
    strawberry_schema = _short_cut_schema(schema)
    if strawberry_schema is None:
        return {}
    found = {}
    for type_name, graphql_type in object_types(schema):
        for name, field in graphql_type.fields.items():
            leaf = get_named_type(field.type)
            if not isinstance(leaf, GraphQLLeafType) or field.args:
                continue
            read = _attribute(field) or _computed(field, strawberry_schema.config.info_class)
            if read is not None:
                found[type_name, name] = Shortcut(read, leaf, not isinstance(field.type, GraphQLNonNull))
    return found


@dataclass(frozen=True)
class ObjectRead:
    """An attribute holding an object of one object type (``item_type`` is None), or a list of
    them (``item_type``: the list's item type, null allowed or not)."""

    read: Read
    field: GraphQLField
    object_type: GraphQLObjectType
    item_type: GraphQLOutputType | None


@cache
def object_reads_of(schema: GraphQLSchema) -> dict[tuple[str, str], ObjectRead]:
    """The fields of ``schema`` whose objects are completed directly: attributes holding an
    object, or a list of objects, of a type that is not abstract. None while a resolver of the
    schema is asynchronous: its awaitable would have to be awaited where it is completed."""
    objects = object_types(schema)
    if _short_cut_schema(schema) is None or any(
        _is_async(field) for _name, graphql_type in objects for field in graphql_type.fields.values()
    ):
        return {}
    found = {}
    for type_name, graphql_type in objects:
        for name, field in graphql_type.fields.items():
            read = None if field.args else _attribute(field)
            shape = _object_shape(field.type)
            if read is not None and shape is not None:
                found[type_name, name] = ObjectRead(read, field, *shape)
    return found


def _is_async(field: GraphQLField) -> bool:
    return bool(getattr(field.extensions.get("strawberry-definition"), "is_async", False))


def _object_shape(type_: GraphQLOutputType) -> tuple[GraphQLObjectType, GraphQLOutputType | None] | None:
    """``(object type, item type)`` of an object type or a list of one (null allowed or not)."""
    nullable = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(nullable, GraphQLObjectType):
        return nullable, None
    if isinstance(nullable, GraphQLList):
        item = nullable.of_type
        named = item.of_type if isinstance(item, GraphQLNonNull) else item
        if isinstance(named, GraphQLObjectType):
            return named, item
    return None


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
            def make() -> GraphQLResolveInfo[Any]:
                return execution.build_resolve_info(field, to_nodes(details), parent, path)

            return info_class(_raw_info=ResolveInfoWhenRead(execution.context_value, make), _field=definition)

        return call(source, info, {})

    return read


class ResolveInfoWhenRead:
    """A resolve info with its ``context`` at hand, made only when anything else of it is read:
    most computed fields (``url``, ``locale``...) read the context alone, and making the info
    for each item of a list cost a week's news 4% of its CPU."""

    __slots__ = ("_info", "_make", "context")

    def __init__(self, context: Any, make: Callable[[], GraphQLResolveInfo[Any]]) -> None:
        self.context = context
        self._make = make
        self._info: GraphQLResolveInfo[Any] | None = None

    def __getattr__(self, name: str) -> Any:  # only for what is not above
        if self._info is None:
            self._info = self._make()
        return getattr(self._info, name)


class LeanExecution(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution, with the fields of ``shortcuts_of`` answered directly and the
    objects of ``object_reads_of`` completed directly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wrapped = getattr(self.middleware_manager, "_middleware_resolvers", None) is not None
        self.shortcuts = {} if wrapped else shortcuts_of(self.schema)
        self.object_reads = {} if wrapped else object_reads_of(self.schema)

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
        object_read = self.object_reads.get((parent_type.name, field_details_list[0].node.name.value))
        if object_read is not None and position_context is None:
            completed = self._complete_objects(object_read, source, parent_type, field_details_list, path)
            if completed is not STANDARD:
                return completed
        return super().execute_field(parent_type, source, field_details_list, path, position_context)

    def _complete_objects(
        self, object_read: ObjectRead, source: Any, parent_type: GraphQLObjectType, field_details_list: Any, path: Path
    ) -> Any:
        """The object (or list of objects) of ``object_read`` completed as graphql-core completes
        it, its fields executed right away; ``STANDARD`` when anything calls for the standard way
        (a directive, a deferred fragment, a null, an exception, a list that is not a list, an
        object ``is_type_of`` does not plainly accept)."""
        if any(details.node.directives for details in field_details_list):
            return STANDARD
        try:
            value = object_read.read(self, source, parent_type, field_details_list, path)
        except Exception:
            return STANDARD
        object_type, item_type = object_read.object_type, object_read.item_type
        items = [value] if item_type is None else value
        if not isinstance(items, list | tuple) or any(item is None or isinstance(item, Exception) for item in items):
            return STANDARD
        fields, defer_usages, _forbidden = self.collect_subfields(object_type, field_details_list)
        if defer_usages:
            return STANDARD
        if object_type.is_type_of is not None:
            info = self.build_resolve_info(object_read.field, to_nodes(field_details_list), parent_type, path)
            if not all(object_type.is_type_of(item, info) is True for item in items):
                return STANDARD
        try:
            if item_type is None:
                return self.execute_fields(object_type, value, path, fields, None)
            completed: list[Any] = []
            for index, item in enumerate(items):
                item_path = path.add_key(index, None)
                try:
                    completed.append(self.execute_fields(object_type, item, item_path, fields, None))
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, field_details_list, item_path)  # raises if non-null
                    completed.append(None)
        except Exception as raw_error:
            self.handle_field_error(raw_error, object_read.field.type, field_details_list, path)
            return None
        return completed
