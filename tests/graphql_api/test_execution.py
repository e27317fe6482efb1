"""The execution shortcut for scalars without arguments answers exactly what the standard
execution answers, errors included, and steps aside when an extension wraps every resolver."""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Any, ClassVar

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info

from graphql_api.execution import LeanExecution, shortcuts_of
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
    assert ("NewsItemEdge", "node") not in shortcuts  # an object, completed the standard way
