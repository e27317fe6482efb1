"""The API's rules for every operation, in one schema extension.

Error codes, the token limit, the validation rules (depth, aliases, safe strings, the
introspection policy), the parse and validation caches and the cost limit were seven strawberry
extensions. Strawberry makes every hook of every extension into a new context manager on each
request (looking up which hooks each one overrides, wrapping each generator, entering and leaving
each): 3.5% of the instructions of a week's news. ``OperationRules`` runs them in the four hooks of
one extension, in the order the seven ran; the rules themselves live with what they limit
(``errors``, ``limits``, ``cost``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from django.conf import settings
from graphql import GraphQLError, parse
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from .cost import cost_report, limit_cost
from .errors import code_answer_errors, code_validation_errors, coded
from .limits import CACHED_DOCUMENTS, AliasLimitRule, DepthLimitRule, SafeStringsRule, check_token_limit

# Parsing and validating are pure functions of the text (and of the schema and rules): shared.
_parsed = lru_cache(maxsize=CACHED_DOCUMENTS)(parse)
_validated = lru_cache(maxsize=CACHED_DOCUMENTS)(validate_document)

LIMIT_RULES = (DepthLimitRule, AliasLimitRule, SafeStringsRule)


def validation_rules() -> tuple[type, ...]:
    """The API's rules, with introspection refused while settings switch it off (read for each
    request; the rules are part of the validation cache's key, so a query validated while
    introspection was on is validated again once it is off)."""
    if settings.CITYNEWS_GRAPHQL_INTROSPECTION:
        return LIMIT_RULES
    return (*LIMIT_RULES, NoSchemaIntrospectionCustomRule)


class OperationRules(SchemaExtension):
    cost: int | None = None

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = (*context.validation_rules, *validation_rules())
        try:
            yield
        except GraphQLError as error:
            # A syntax error raised while parsing skips ``result``: strawberry builds the
            # response from the raised error once the hooks have unwound.
            raise coded(error) from None
        code_answer_errors(context)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        check_token_limit(context.query)
        context.graphql_document = _parsed(context.query, **context.parse_options)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        context.pre_execution_errors = _validated(
            context.schema._schema, context.graphql_document, context.validation_rules
        )
        yield
        code_validation_errors(context.pre_execution_errors)

    def on_execute(self) -> Iterator[None]:
        self.cost = limit_cost(self.execution_context)
        yield

    def get_results(self) -> dict[str, Any]:
        return {} if self.cost is None else cost_report(self.cost)
