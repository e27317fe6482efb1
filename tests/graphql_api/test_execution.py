"""The execution shortcut for scalars without arguments answers exactly what the standard
execution answers, errors included, and steps aside when an extension wraps every resolver."""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Any, ClassVar

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info

from graphql_api.execution import LeanExecution, object_reads_of, shortcuts_of
from graphql_api.schema import schema as api_schema


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Source:
    """What the fields read: plain values, and the values a scalar or a non-null field refuses."""

    title = "A title"
    missing_title = None
    nickname = None
    count = 3
    not_a_number = "three"
    day = datetime.date(2026, 12, 4)
    colour = Colour.BLUE
    not_a_colour = "green"
    error_value = ValueError("stored, not raised")

    @property
    def broken(self) -> str:
        raise RuntimeError("reading it fails")


@strawberry.type
class Item:
    title: str
    missing_title: str
    nickname: str | None
    count: int
    not_a_number: int
    day: datetime.date
    colour: Colour
    not_a_colour: Colour
    error_value: str
    broken: str

    @strawberry.field
    def computed(self) -> str:
        return "computed"

    @strawberry.field
    def shout(self) -> str:
        return self.title.upper()

    @strawberry.field
    def from_root(self, root: strawberry.Parent[Source], info: Info) -> str:
        return f"{root.title} ({info.field_name} at {'/'.join(map(str, info.path.as_list()))})"

    @strawberry.field
    def computed_refusal(self) -> int:
        return "not a number"  # type: ignore[return-value]

    @strawberry.field
    def computed_null(self) -> str:
        return None  # type: ignore[return-value]

    @strawberry.field
    def computed_failure(self) -> str | None:
        raise RuntimeError("computing it fails")

    @strawberry.field
    def with_argument(self, suffix: Annotated[str, strawberry.argument()] = "!") -> str:
        return "argument" + suffix


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return [Source(), Source()]  # type: ignore[list-item]


class StandardWay(StrawberryGraphQLCoreExecutionContext):
    """Records the fields that ``LeanExecution`` leaves to the standard way (next in the MRO)."""

    fields: ClassVar[list[str]] = []

    def execute_field(self, parent_type: Any, source: Any, field_details_list: Any, *args: Any) -> Any:
        self.fields.append(field_details_list[0].node.name.value)
        return super().execute_field(parent_type, source, field_details_list, *args)


class RecordedLeanExecution(LeanExecution, StandardWay):
    pass


class WrapsEveryResolver(SchemaExtension):
    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        value = _next(root, info, *args, **kwargs)
        return value.upper() if isinstance(value, str) else value


FIELDS = (
    "title missing_title: missingTitle nickname count notANumber day colour notAColour errorValue broken computed "
    "shout fromRoot computedRefusal computedNull computedFailure withArgument"
)


def answer(execution: type, extensions: list[Any] | None = None, fields: str = FIELDS) -> Any:
    schema = strawberry.Schema(query=Query, execution_context_class=execution, extensions=extensions or [])
    result = schema.execute_sync("{ items { " + fields + " } }")
    return result.data, sorted((error.message, tuple(error.path or ())) for error in result.errors or [])


def test_every_field_and_error_is_the_standard_executions():
    for fields in (
        FIELDS,
        "title nickname count day colour computed shout fromRoot withArgument computedFailure",
        "title broken",
        "notAColour",
        "computedRefusal",
        "computedNull",
    ):
        assert answer(LeanExecution, fields=fields) == answer(StrawberryGraphQLCoreExecutionContext, fields=fields)


def test_plain_fields_are_answered_and_refused_values_are_errors_at_their_path():
    data, errors = answer(LeanExecution, fields="title nickname count day colour computed notANumber")
    assert data == {"items": [None, None]}  # notANumber is non-null: its error nulls the (nullable) item
    assert [path for _message, path in errors] == [("items", 0, "notANumber"), ("items", 1, "notANumber")]
    data, errors = answer(LeanExecution, fields="title nickname count day colour computed")
    item = {
        "title": "A title",
        "nickname": None,
        "count": 3,
        "day": "2026-12-04",
        "colour": "BLUE",
        "computed": "computed",
    }
    assert (data, errors) == ({"items": [item, item]}, [])


def test_plain_answers_never_take_the_standard_way():
    StandardWay.fields.clear()
    data, errors = answer(RecordedLeanExecution, fields="title nickname count day colour computed shout fromRoot")
    assert data is not None
    assert not errors
    assert StandardWay.fields == ["items"]  # the list itself; every one of its scalars was short-cut
    StandardWay.fields.clear()
    answer(RecordedLeanExecution, fields="title withArgument computedFailure")
    # an argument always goes the standard way; a failure goes it after its shortcut gave up, for each item
    assert StandardWay.fields == ["items", "withArgument", "computedFailure", "withArgument", "computedFailure"]


def test_an_extension_that_wraps_every_resolver_is_never_gone_round():
    data, _errors = answer(LeanExecution, [WrapsEveryResolver], fields="title computed")
    assert data == {"items": [{"title": "A TITLE", "computed": "COMPUTED"}] * 2}


def test_the_apis_scalars_without_arguments_are_short_cut_and_other_fields_are_not():
    shortcuts = shortcuts_of(api_schema._schema)
    assert {("NewsItem", "title"), ("NewsItem", "date"), ("NewsItem", "url"), ("NewsItemEdge", "cursor")} <= set(
        shortcuts
    )
    assert ("NewsItem", "summary") not in shortcuts  # takes maxLength
    assert ("NewsItem", "translations") not in shortcuts  # planned: a field extension reads it
    assert ("NewsItem", "heroCredit") not in shortcuts  # a planned scalar: no attribute to read either
    assert ("NewsItemEdge", "node") not in shortcuts  # an object, not a scalar
    assert ("NewsItemEdge", "node") in object_reads_of(api_schema._schema)  # an object, completed directly
    assert ("NewsItemConnection", "edges") in object_reads_of(api_schema._schema)


# Objects and lists of objects held in attributes, completed directly: the same answers and errors.


@strawberry.interface
class Named:
    title: str


@strawberry.type
class Piece(Named):
    count: int

    @classmethod
    def is_type_of(cls, obj: Any, _info: Any) -> bool:
        return isinstance(obj, Source)


class Stranger:
    title = "not a source"
    count = 1


class ShelfSource:
    one = Source()
    maybe = Source()
    missing = None
    missing_required = None
    many = (Source(), Source())
    many_nullable = [Source(), None, Source()]
    many_required_with_gap = [Source(), None]
    not_a_list = 3
    piece = Source()
    pieces = [Source(), Source()]
    stranger_piece = Stranger()
    stranger_pieces = [Source(), Stranger()]

    @property
    def broken_one(self) -> Any:
        raise RuntimeError("reading the shelf fails")


@strawberry.type
class Shelf:
    one: Item
    maybe: Item | None
    missing: Item | None
    missing_required: Item
    many: list[Item]
    many_nullable: list[Item | None]
    many_required_with_gap: list[Item]
    not_a_list: list[Item]
    piece: Piece
    pieces: list[Piece]
    stranger_piece: Piece | None
    stranger_pieces: list[Piece] | None
    broken_one: Item | None


@strawberry.type
class ShelfQuery:
    @strawberry.field
    def shelves(self) -> list[Shelf | None]:
        return [ShelfSource(), ShelfSource()]  # type: ignore[list-item]


SHELF_FIELDS = {
    "plain": "one { title count } maybe { title } missing { title } many { title day } manyNullable { title }",
    "pieces": "piece { title count } pieces { title } ... on Shelf { one { ...Parts } }",
    "a failing leaf in an object": "one { title notANumber }",
    "a failing leaf in a nullable item": "many { title } maybe { title broken }",
    "a failing leaf in a list": "many { title notANumber }",
    "a missing required object": "missingRequired { title }",
    "a gap in a list of required items": "manyRequiredWithGap { title }",
    "not a list": "notAList { title }",
    "a stranger": "strangerPiece { title } strangerPieces { title }",
    "a failing read": "brokenOne { title }",
    "directives": "one @include(if: true) { title } many @skip(if: false) { title } maybe @skip(if: true) { title }",
}


def shelf_answer(execution: type, fields: str) -> Any:
    schema = strawberry.Schema(query=ShelfQuery, types=[Piece], execution_context_class=execution)
    fragment = " fragment Parts on Item { title day }" if "...Parts" in fields else ""
    result = schema.execute_sync("{ shelves { " + fields + " } }" + fragment)
    return result.data, sorted((error.message, tuple(error.path or ())) for error in result.errors or [])


@pytest.mark.parametrize("fields", SHELF_FIELDS.values(), ids=SHELF_FIELDS.keys())
def test_objects_in_attributes_complete_as_the_standard_execution_completes_them(fields: str):
    expected = shelf_answer(StrawberryGraphQLCoreExecutionContext, fields)
    assert all(path for _message, path in expected[1])  # executed: errors of fields, not of the document
    assert shelf_answer(LeanExecution, fields) == expected


def test_objects_in_attributes_take_the_direct_way_unless_something_calls_for_the_standard_one():
    StandardWay.fields.clear()
    data, errors = shelf_answer(RecordedLeanExecution, SHELF_FIELDS["plain"] + " " + SHELF_FIELDS["pieces"])
    assert data is not None
    assert not errors
    # every object and list of objects (and their scalars) went the direct way; a null, or a list
    # holding one, goes the standard one
    assert StandardWay.fields == ["shelves", *["missing", "manyNullable"] * 2]
    StandardWay.fields.clear()
    shelf_answer(RecordedLeanExecution, SHELF_FIELDS["a stranger"] + " " + SHELF_FIELDS["directives"])
    # a directive sends its field the standard way (a skipped field is never executed)
    assert set(StandardWay.fields) == {"shelves", "strangerPiece", "strangerPieces", "one", "many"}
