"""Arguments converted by converters made once per field give the resolvers exactly what
strawberry's own conversion gives them, and fields strawberry resolves in other ways keep its resolver."""

from __future__ import annotations

import datetime
import decimal
import enum
from typing import Any

import pytest
import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from strawberry.types import Info
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField

from graphql_api.arguments import arguments_converter, compile_argument_conversion, object_types
from graphql_api.schema import schema as api_schema

SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "Int": st.integers(-(2**31), 2**31 - 1),
    "Float": st.floats(allow_nan=False),
    "String": st.text(max_size=8),
    "ID": st.text(max_size=8),
    "Boolean": st.booleans(),
    "Date": st.dates(),
    "DateTime": st.datetimes(),
    "Time": st.times(),
    "Decimal": st.decimals(allow_nan=False, allow_infinity=False),
}


def coerced(type_: GraphQLInputType) -> st.SearchStrategy[Any]:
    """Values of ``type_`` as graphql-core hands them to a resolver (after coercion)."""
    if isinstance(type_, GraphQLNonNull):
        return _given(type_.of_type)
    return st.none() | _given(type_)


def _given(type_: Any) -> st.SearchStrategy[Any]:
    if isinstance(type_, GraphQLList):
        return st.lists(coerced(type_.of_type), max_size=3)
    if isinstance(type_, GraphQLEnumType):
        return st.sampled_from([value.value for value in type_.values.values()])
    if isinstance(type_, GraphQLScalarType):
        return SCALARS[type_.name]
    assert isinstance(type_, GraphQLInputObjectType)
    return st.deferred(
        lambda: st.fixed_dictionaries(
            {name: coerced(field.type) for name, field in type_.fields.items() if _required(field.type)},
            optional={name: coerced(field.type) for name, field in type_.fields.items() if not _required(field.type)},
        )
    )


def _required(type_: Any) -> bool:
    return isinstance(type_, GraphQLNonNull)


def arguments_of(field: GraphQLField) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {name: coerced(argument.type) for name, argument in field.args.items() if _required(argument.type)},
        optional={
            name: coerced(argument.type) for name, argument in field.args.items() if not _required(argument.type)
        },
    )


def fields_with_arguments(schema: strawberry.Schema) -> list[tuple[str, str, GraphQLField]]:
    return [
        (type_name, name, field)
        for type_name, graphql_type in object_types(schema._schema)
        for name, field in graphql_type.fields.items()
        if field.args
    ]


def is_compiled(field: GraphQLField) -> bool:
    return field.resolve is not None and field.resolve.__qualname__.startswith("_plain_resolver")


COMPILED = [
    (f"{type_name}.{name}", field) for type_name, name, field in fields_with_arguments(api_schema) if is_compiled(field)
]


def test_the_apis_lists_and_renditions_are_compiled_and_fields_with_extensions_are_not():
    compiled = {name for name, _field in COMPILED}
    assert {"Query.newsItems", "Query.newsItem", "Query.search", "Image.rendition", "Query.city"} <= compiled
    assert "City.newsItems" not in compiled  # planned: a field extension loads it
    assert "NewsItem.summary" in compiled


@pytest.mark.parametrize(("name", "field"), COMPILED, ids=[name for name, _field in COMPILED])
def test_each_compiled_fields_arguments_convert_as_strawberry_converts_them(name: str, field: GraphQLField):
    definition: StrawberryField = field.extensions["strawberry-definition"]
    registry, config = api_schema.schema_converter.scalar_registry, api_schema.config
    convert = arguments_converter(definition.arguments, registry, config)

    @settings(max_examples=60, deadline=None)
    @given(arguments_of(field))
    def converts_alike(values: dict[str, Any]) -> None:
        ours = convert(values)
        assert ours == convert_arguments(values, definition.arguments, registry, config)
        for python_name, value in ours.items():  # a list is the resolver's own, never graphql-core's default
            if isinstance(value, list):
                assert value is not values[config.name_converter.from_argument(_argument(definition, python_name))]

    converts_alike()


def _argument(definition: StrawberryField, python_name: str) -> Any:
    return next(argument for argument in definition.arguments if argument.python_name == python_name)


# A schema of every way a resolver takes its source, its info and its arguments.


@strawberry.enum
class Size(enum.Enum):
    SMALL = "s"
    LARGE = "l"


@strawberry.input
class Window:
    since: datetime.date
    sizes: list[Size] = strawberry.field(default_factory=lambda: [Size.SMALL])
    words: list[str | None] | None = None
    limit: int | None = 5


@strawberry.input
class Nested:
    windows: list[Window]
    price: decimal.Decimal | None


@strawberry.input
class Tree:
    label: str
    children: list[Tree] | None = None


@strawberry.type
class Box:
    name: str

    @strawberry.field
    def described(self, info: Info, window: Window, nested: Nested | None = None, times: int = 1) -> str:
        return f"{self.name}/{info.field_name}/{info.path.as_list()}: {window!r} {nested!r} {times}"

    @strawberry.field
    def with_root(self, root: strawberry.Parent[Any], sizes: list[Size] | None = None) -> str:
        sizes_given = sizes if sizes is None else [size.value for size in sizes]
        return f"{root.name} {sizes_given}"

    @strawberry.field
    @staticmethod
    def static(word: str) -> str:
        return word * 2

    @strawberry.field
    def tree(self, tree: Tree) -> str:
        return repr(tree)

    @strawberry.field
    def maybe(self, value: strawberry.Maybe[int]) -> str:
        return repr(value)


@strawberry.type
class Query:
    @strawberry.field
    def boxes(self, count: int = 2) -> list[Box]:
        return [Box(name=f"box {index}") for index in range(count)]


QUERY = """{ boxes(count: 2) {
  described(window: {since: "2026-12-05", words: ["a", null]}, nested: {windows: [{since: "2025-01-01", sizes: [LARGE]}], price: "1.50"})
  other: described(window: {since: "2026-01-01", limit: null}, times: 3)
  withRoot withRootSizes: withRoot(sizes: [LARGE, SMALL]) static(word: "ab")
  tree(tree: {label: "a", children: [{label: "b"}]}) maybe(value: 4)
} }"""


def test_resolvers_answer_as_strawberrys_own_and_the_uncommon_kinds_keep_strawberrys():
    standard = strawberry.Schema(query=Query)
    compiled = strawberry.Schema(query=Query)
    compile_argument_conversion(compiled)
    box = compiled._schema.type_map["Box"]
    assert {name for name, field in box.fields.items() if is_compiled(field)} == {
        "described",
        "withRoot",
        "static",
    }  # an input type holding itself, and Maybe, are left to strawberry
    expected = standard.execute_sync(QUERY)
    assert not expected.errors
    assert compiled.execute_sync(QUERY).data == expected.data
    assert (
        "Window(since=datetime.date(2026, 12, 5), sizes=[<Size.SMALL: 's'>], words=['a', None], limit=5)"
        in (expected.data["boxes"][0]["described"])
    )


def test_a_refused_argument_is_the_same_error_either_way():
    standard = strawberry.Schema(query=Query)
    compiled = strawberry.Schema(query=Query)
    compile_argument_conversion(compiled)
    query = '{ boxes { described(window: {since: "not a date"}) } }'
    assert [error.message for error in compiled.execute_sync(query).errors or []] == [
        error.message for error in standard.execute_sync(query).errors or []
    ]


class NotFound(Exception):
    pass


@strawberry.type
class Missing:
    message: str


class MissingHandler(strawberry.ExceptionHandler[NotFound, Missing]):
    def handle(self, exception: NotFound, *, field: Any, info: Any) -> Missing:
        return Missing(message=str(exception))


def test_a_schema_with_exception_handlers_is_left_as_it_is():
    handled = strawberry.Schema(query=Query, exception_handlers=[MissingHandler()])
    compile_argument_conversion(handled)
    assert not any(is_compiled(field) for _type, _name, field in fields_with_arguments(handled))
