"""Resolvers whose arguments are converted by a function made once per field, not per call.

For a field with arguments, strawberry turns graphql-core's coerced values into the resolver's
Python values on every call by walking the argument types generically: resolving annotations,
testing each type's kind, converting names. A hero image's ``rendition(fit:, width:, height:)``
costs 17 µs a call that way (a list of 20 news items: 0.34 ms, 7% of the request), a list's
``filter`` 76 µs. Everything that walk decides depends on the schema alone, so
``compile_argument_conversion`` makes it once per field: a converter per argument type, and a
resolver that calls the field's function with the converted values, ``self``, ``root`` and
``info`` placed as strawberry places them.

Only fields strawberry would resolve exactly so are taken: a synchronous resolver of a plain
``StrawberryField``, no field extensions (they may rewrite arguments and wrap the call), no
exception handlers in the schema, and argument types of the kinds converted here (scalars,
enums, lists, options, input types built from their fields). Any other field keeps strawberry's
resolver. ``tests/graphql_api/test_arguments.py`` checks the converters against strawberry's own
conversion on generated values of every such argument in the schema.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any, cast

from graphql import GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema
from strawberry.relay.types import GlobalID
from strawberry.schema import Schema
from strawberry.schema.config import StrawberryConfig
from strawberry.types.arguments import StrawberryArgument, _is_leaf_type, _is_optional_leaf_type
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryOptional,
    StrawberryType,
    has_object_definition,
)
from strawberry.types.enum import has_enum_definition
from strawberry.types.field import StrawberryField
from strawberry.types.fields.resolver import StrawberryResolver
from strawberry.types.lazy_type import LazyType
from strawberry.types.unset import UNSET

Convert = Callable[[Any], Any]
ScalarRegistry = Mapping[object, Any]


class Unsupported(Exception):
    """An argument type this module leaves to strawberry's own conversion."""


def _given(convert: Convert) -> Convert:
    """``convert`` for a value given, passing null and UNSET through as strawberry does at every level."""

    def converted(value: Any) -> Any:
        return value if value is None or value is UNSET else convert(value)

    return converted


def _copied_list(value: Any) -> list[Any]:
    # graphql-core hands every request that omits a list argument the same default list.
    return list(value)


def converter_for(
    type_: StrawberryType | type,
    scalars: ScalarRegistry,
    config: StrawberryConfig,
    within: frozenset[type] = frozenset(),
) -> Convert:
    """What strawberry's ``convert_argument`` does to a value of ``type_``, decided once.

    Raises ``Unsupported`` for the kinds strawberry converts in ways not mirrored here (``Maybe``,
    global IDs, input types that build themselves or hold themselves, anything unknown).
    ``within``: the input types whose fields are being converted.
    """
    if isinstance(type_, StrawberryMaybe) or type_ is GlobalID:
        raise Unsupported(type_)
    if isinstance(type_, StrawberryOptional):
        return converter_for(type_.of_type, scalars, config, within)
    if isinstance(type_, LazyType):
        return converter_for(type_.resolve_type(), scalars, config, within)
    if isinstance(type_, StrawberryList):
        item = type_.of_type
        if _is_leaf_type(item, scalars, skip_classes=(GlobalID,)) or _is_optional_leaf_type(
            item, scalars, skip_classes=(GlobalID,)
        ):
            return _given(_copied_list)
        convert_item = converter_for(item, scalars, config, within)
        return _given(lambda value: [convert_item(each) for each in value])
    if _is_leaf_type(type_, scalars) or has_enum_definition(type_):
        return _given(lambda value: value)
    if has_object_definition(type_) and type_ not in within:
        return _given(_input_converter(cast("type", type_), scalars, config, within))
    raise Unsupported(type_)


def _input_converter(
    input_type: type, scalars: ScalarRegistry, config: StrawberryConfig, within: frozenset[type]
) -> Convert:
    definition = input_type.__strawberry_definition__  # type: ignore[attr-defined]
    if not definition.is_input or definition.from_input is not None:
        raise Unsupported(input_type)
    # Fields without a default are null unless given (graphql-core has checked the required ones).
    unset = {
        field.python_name: None
        for field in definition.fields
        if field.default_value is MISSING and field.default_factory is MISSING
    }
    fields = [
        (
            config.name_converter.from_field(field),
            field.python_name,
            converter_for(field.resolve_type(type_definition=definition), scalars, config, within | {input_type}),
        )
        for field in definition.fields
    ]

    def convert(value: Mapping[str, Any]) -> Any:
        kwargs = dict(unset)
        for graphql_name, python_name, convert_field in fields:
            if graphql_name in value:
                kwargs[python_name] = convert_field(value[graphql_name])
        return input_type(**kwargs)

    return convert


def arguments_converter(
    arguments: list[StrawberryArgument], scalars: ScalarRegistry, config: StrawberryConfig
) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
    """What strawberry's ``convert_arguments`` does to a field's coerced arguments, decided once."""
    converters = [
        (
            config.name_converter.from_argument(argument),
            argument.python_name,
            converter_for(argument.type, scalars, config),
        )
        for argument in arguments
    ]

    def convert(values: Mapping[str, Any]) -> dict[str, Any]:
        return {
            python_name: convert_one(values[name]) for name, python_name, convert_one in converters if name in values
        }

    return convert


class ResolverCall:
    """A resolver called as strawberry calls it: the source as ``self``, ``root`` or ``parent``
    where the function asks for it, and ``info`` (made by ``info()``, only when asked for)."""

    def __init__(self, resolver: StrawberryResolver[Any]) -> None:
        self.function = cast("Callable[..., Any]", resolver.wrapped_func)  # strawberry binds static and class methods
        self.takes_self = resolver.self_parameter is not None
        self.source_names = [
            parameter.name for parameter in (resolver.root_parameter, resolver.parent_parameter) if parameter
        ]
        self.info_name = resolver.info_parameter.name if resolver.info_parameter else None

    def __call__(self, source: Any, info: Callable[[], Any], kwargs: dict[str, Any]) -> Any:
        for name in self.source_names:
            kwargs[name] = source
        if self.info_name is not None:
            kwargs[self.info_name] = info()
        return self.function(source, **kwargs) if self.takes_self else self.function(**kwargs)


def object_types(schema: GraphQLSchema) -> list[tuple[str, GraphQLObjectType]]:
    """The schema's own object types by name (not introspection's)."""
    return [
        (name, graphql_type)
        for name, graphql_type in schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__")
    ]


def compile_argument_conversion(schema: Schema) -> None:
    """Gives each field of ``schema`` that strawberry resolves plainly (see the module's docstring)
    a resolver converting its arguments with converters made once."""
    if schema.exception_handlers:
        return
    for _name, graphql_type in object_types(schema._schema):
        for field in graphql_type.fields.values():
            resolve = _plain_resolver(field.extensions.get("strawberry-definition"), schema)
            if resolve is not None:
                field.resolve = resolve


def _plain_resolver(definition: Any, schema: Schema) -> Callable[..., Any] | None:
    plain = isinstance(definition, StrawberryField) and type(definition).get_result is StrawberryField.get_result
    resolver = definition.base_resolver if plain else None
    if resolver is None or resolver.is_async or definition.extensions or not definition.arguments:
        return None
    try:
        convert = arguments_converter(definition.arguments, schema.schema_converter.scalar_registry, schema.config)
    except Unsupported:
        return None
    call, info_class = ResolverCall(resolver), schema.config.info_class

    def resolve(source: Any, info: GraphQLResolveInfo[Any], **values: Any) -> Any:
        return call(source, lambda: info_class(_raw_info=info, _field=definition), convert(values))

    return resolve
