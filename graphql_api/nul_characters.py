"""Refuses NUL characters in any string a request passes, before execution: PostgreSQL cannot take them."""

from collections.abc import Iterator
from typing import Any

from graphql import BREAK, StringValueNode, Visitor, visit
from strawberry.extensions import SchemaExtension

from .errors import BadInputError

MESSAGE = "String values cannot contain NUL (0x00) characters."


class _FindNul(Visitor):
    found = False

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> Any:
        if "\x00" in node.value:
            self.found = True
            return BREAK
        return None


def _holds_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_nul(item) for item in value)
    return False


class RefuseNulCharacters(SchemaExtension):
    """A NUL in a literal (``"a\\u0000b"``) or in a variable is the client's error, not an internal one."""

    def on_execute(self) -> Iterator[None]:
        finder = _FindNul()
        document = self.execution_context.graphql_document
        if document is not None:
            visit(document, finder)
        if finder.found or _holds_nul(self.execution_context.variables):
            raise BadInputError(MESSAGE)
        yield
