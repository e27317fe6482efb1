"""Errors a client can act on, each with a machine-readable ``extensions.code``.

Resolvers raise ``ApiError``s; the limits and the NUL check raise coded ``GraphQLError``s before
execution. ``coded`` gives every other error its code from its type or from the phase that
produced it, never from its message, and masks unexpected ones (no traceback, no SQL) outside
debug mode. Strawberry logs every unexpected error with its traceback.
"""

import re
from typing import Any

from django.conf import settings
from graphql import GraphQLError, GraphQLSyntaxError, Node
from strawberry.types import ExecutionContext

from cms.outages import OUTAGES, UNAVAILABLE_MESSAGE

BAD_USER_INPUT = "BAD_USER_INPUT"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
BAD_REQUEST = "BAD_REQUEST"  # not one well-formed GraphQL-over-HTTP request
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"  # the database or the cache is unreachable or timed out: retry later

INTERNAL_MESSAGE = "Internal server error."
# NUL cannot be stored or compared by PostgreSQL; a lone UTF-16 surrogate cannot be encoded as UTF-8.
UNSAFE_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
UNSAFE_STRING_MESSAGE = "Strings must not contain NUL characters or unpaired UTF-16 surrogates."


class ApiError(Exception):
    """An error whose message is safe to show to clients, with its code."""

    code = BAD_USER_INPUT


class BadInput(ApiError):
    code = BAD_USER_INPUT


class CodedError(GraphQLError):
    """An error found before execution (while parsing, validating or reading the variables), with its code."""

    code = BAD_USER_INPUT

    def __init__(
        self, message: str, nodes: Node | list[Node] | None = None, extensions: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message, nodes, extensions={**(extensions or {}), "code": self.code})


class BadInputError(CodedError):
    code = BAD_USER_INPUT


class LimitExceededError(CodedError):
    """A limit broken while parsing, validating or costing, i.e. before any database work."""

    code = LIMIT_EXCEEDED


def _with_code(error: GraphQLError, code: str) -> GraphQLError:
    if not (error.extensions and "code" in error.extensions):
        error.extensions = {**(error.extensions or {}), "code": code}
    return error


def code_validation_errors(errors: list[GraphQLError] | None) -> None:
    """Validation errors get the validation code (the only errors with none of their own then)."""
    for error in errors or []:
        _with_code(error, GRAPHQL_VALIDATION_FAILED)


def code_answer_errors(context: ExecutionContext) -> None:
    """Every error of the finished operation gets its code; unexpected ones are masked."""
    result = context.result
    if result and result.errors:
        result.errors = [coded(each) for each in result.errors]
    for each in context.pre_execution_errors or []:
        coded(each)


def coded(error: GraphQLError) -> GraphQLError:
    """``error`` with its code: its own, its original exception's, or that of the phase it failed in.

    Strawberry's ``MaskErrors`` is not used: it drops ``extensions``, and with them the code.
    """
    if error.extensions and "code" in error.extensions:
        return error
    original: Any = error.original_error
    if isinstance(original, ApiError):
        return _with_code(error, original.code)
    if isinstance(original, OUTAGES):
        return GraphQLError(
            UNAVAILABLE_MESSAGE, nodes=error.nodes, path=error.path, extensions={"code": SERVICE_UNAVAILABLE}
        )
    if isinstance(error, GraphQLSyntaxError):
        return _with_code(error, GRAPHQL_PARSE_FAILED)
    if error.path is None and (original is None or isinstance(original, GraphQLError)):
        # Validation errors got their code in ``code_validation_errors``: what fails before
        # execution after it is the variables' coercion, i.e. the client's input.
        return _with_code(error, BAD_USER_INPUT)
    message = str(original) if settings.DEBUG else INTERNAL_MESSAGE
    return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": INTERNAL_SERVER_ERROR})
