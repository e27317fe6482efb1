"""Errors a client can act on, each with a machine-readable ``extensions.code``.

Resolvers raise these; anything else is an internal error that the ``ErrorCodes`` extension
masks (no traceback, no SQL) outside debug mode. Strawberry logs every error with its traceback.
"""

import re
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension

from cms.outages import is_outage

BAD_USER_INPUT = "BAD_USER_INPUT"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
BAD_REQUEST = "BAD_REQUEST"  # not one well-formed GraphQL-over-HTTP request
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"  # the database is unreachable or timed out: retry later

INTERNAL_MESSAGE = "Internal server error."
NUL_REFUSED = "cannot contain NUL (0x00) characters"
UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; retry shortly."
# NUL cannot be stored or compared by PostgreSQL; a lone UTF-16 surrogate cannot be encoded as UTF-8.
UNSAFE_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
UNSAFE_STRING_MESSAGE = "Strings must not contain NUL characters or unpaired UTF-16 surrogates."


class ApiError(Exception):
    """An error whose message is safe to show to clients, with its code."""

    code = BAD_USER_INPUT


class BadInput(ApiError):
    code = BAD_USER_INPUT


class LimitExceeded(ApiError):
    code = LIMIT_EXCEEDED


class LimitExceededError(GraphQLError):
    """A limit broken while parsing, validating or costing, i.e. before any database work."""

    def __init__(self, message: str, nodes: Any = None, extensions: dict[str, Any] | None = None) -> None:
        super().__init__(message, nodes, extensions={**(extensions or {}), "code": LIMIT_EXCEEDED})


class ErrorCodes(SchemaExtension):
    """Gives every error a code and masks unexpected ones (their details go to the log)."""

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as error:
            # A syntax error (or the token limit) raised inside ParserCache's hook skips ``result``:
            # strawberry builds the response from the raised error once the hooks have unwound.
            raise self._coded(error) from None
        result = self.execution_context.result
        if result and result.errors:
            result.errors = [self._coded(error) for error in result.errors]
        for error in self.execution_context.pre_execution_errors or []:
            self._coded(error)

    @staticmethod
    def _coded(error: GraphQLError) -> GraphQLError:
        if error.extensions and "code" in error.extensions:
            return error
        original = error.original_error
        if isinstance(original, ApiError):
            error.extensions = {**(error.extensions or {}), "code": original.code}
            return error
        if original is not None and is_outage(original):
            return GraphQLError(
                UNAVAILABLE_MESSAGE, nodes=error.nodes, path=error.path, extensions={"code": SERVICE_UNAVAILABLE}
            )
        if isinstance(original, ValueError) and NUL_REFUSED in str(original):
            # PostgreSQL cannot store or compare NUL characters; the database driver says so first.
            error.extensions = {**(error.extensions or {}), "code": BAD_USER_INPUT}
            return error
        if original is None or (isinstance(original, GraphQLError) and error.path is None):
            # Raised before execution: a parse or validation error, or a variable that does not coerce.
            code = GRAPHQL_PARSE_FAILED if isinstance(error, GraphQLSyntaxError) else GRAPHQL_VALIDATION_FAILED
            if "tokens" in error.message and "Parsing aborted" in error.message:
                code = LIMIT_EXCEEDED
            elif error.message.startswith("Variable '$"):
                code = BAD_USER_INPUT
            error.extensions = {**(error.extensions or {}), "code": code}
            return error
        message = str(original) if settings.DEBUG else INTERNAL_MESSAGE
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": INTERNAL_SERVER_ERROR})
