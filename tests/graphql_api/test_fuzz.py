"""Property-based fuzzing of ``/graphql/`` from the committed ``schema.graphql``, over real HTTP.

hypothesis-graphql generates queries that are valid against the schema (any field, argument and
value, strings holding any character including NUL and unpaired surrogates) and queries that are
not (wrong types, unknown fields, missing arguments). They are sent to the live test server with
production-like settings (no debug, no introspection, no GraphiQL), over the module's programme.

Whatever the query: never a 5xx, always a GraphQL response, every error with a known code, and no
internal detail (SQL, tracebacks, driver messages) in any message. ``make test`` sends 2,000
queries (1,000 valid, 1,000 invalid); set ``CITYNEWS_FUZZ_EXAMPLES`` (per half) for a longer run.
"""

from __future__ import annotations

import datetime
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, nodes, queries

from .fixtures_lists import programme_fixture  # noqa: F401

SCHEMA = (Path(__file__).resolve().parents[2] / "schema.graphql").read_text()
EXAMPLES = int(os.environ.get("CITYNEWS_FUZZ_EXAMPLES", "1000"))
KNOWN_CODES = {
    "BAD_REQUEST",
    "BAD_USER_INPUT",
    "LIMIT_EXCEEDED",
    "GRAPHQL_PARSE_FAILED",
    "GRAPHQL_VALIDATION_FAILED",
}
INTERNAL_DETAIL = re.compile(
    r"Traceback|File \"|psycopg|django|SELECT |INSERT |UPDATE |relation \"|syntax error at|\bpk\b|\.py\b", re.IGNORECASE
)
# Valid values of the custom scalars, as GraphQL literals (invalid ones come from the negative mode).
CUSTOM_SCALARS = {
    "Date": st.dates(min_value=datetime.date(1900, 1, 1)).map(lambda value: nodes.String(value.isoformat())),
    "DateTime": st.datetimes().map(lambda value: nodes.String(value.isoformat())),
    "Time": st.times().map(lambda value: nodes.String(value.isoformat())),
    "Decimal": st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=Decimal(10**9)).map(
        lambda value: nodes.String(str(value))
    ),
}
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not os.environ.get("CITYNEWS_FUZZ_EXAMPLES"),  # the same 2,000 queries on every CI run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture
def production_like(settings: Any, programme: dict[str, Any]) -> None:
    settings.DEBUG = False
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = False
    settings.CITYNEWS_GRAPHIQL = False


def assert_a_safe_graphql_answer(query: str, response: Any) -> None:
    assert response.status < 500, (query, response.status, response.body)
    body = response.body
    assert isinstance(body, dict), (query, body)
    assert "raw" not in body, (query, body)  # the answer was JSON
    assert set(body) <= {"data", "errors", "extensions"}, (query, body)
    assert "data" in body or "errors" in body, (query, body)
    for error in body.get("errors") or []:
        assert error["extensions"]["code"] in KNOWN_CODES, (query, error)
        assert not INTERNAL_DETAIL.search(error["message"]), (query, error)


@FUZZ_SETTINGS
@given(query=queries(SCHEMA, custom_scalars=CUSTOM_SCALARS, codec=None, allow_x00=True))
def test_valid_queries_get_a_safe_graphql_answer(graphql, production_like, query):
    assert_a_safe_graphql_answer(query, graphql(query))


@FUZZ_SETTINGS
@given(query=queries(SCHEMA, custom_scalars=CUSTOM_SCALARS, codec=None, allow_x00=True, mode=Mode.NEGATIVE))
def test_invalid_queries_get_a_safe_graphql_answer(graphql, production_like, query):
    assert_a_safe_graphql_answer(query, graphql(query))
