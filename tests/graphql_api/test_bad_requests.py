"""Bad input over real HTTP: a 4xx with a GraphQL-shaped JSON body and our own message, never a 500
and never a traceback in the log."""

from __future__ import annotations

import base64
import json
import logging
import urllib.parse
from typing import Any

import pytest

from .conftest import http

JSON = {"Content-Type": "application/json"}
LONE_SURROGATE = "\ud800"


@pytest.fixture(autouse=True)
def no_incident_logged(caplog: pytest.LogCaptureFixture):
    """Django notes each 4xx as a one-line warning; an error or a traceback would be an incident."""
    caplog.set_level(logging.WARNING)
    yield
    records = caplog.get_records("call")
    assert [record.getMessage() for record in records if record.levelno >= logging.ERROR] == []
    assert not any(record.exc_info for record in records)


def post(api_url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, dict, dict[str, Any]]:
    status, response_headers, raw = http("POST", f"{api_url}/graphql/", body, JSON if headers is None else headers)
    return status, response_headers, json.loads(raw)


def refusal(body: dict[str, Any]) -> tuple[str, str]:
    """The one error of a GraphQL-shaped refusal: its message and code."""
    assert body["data"] is None
    [error] = body["errors"]
    assert set(error) == {"message", "extensions"}
    return error["message"], error["extensions"]["code"]


@pytest.mark.parametrize(
    ("body", "status", "code", "message"),
    [
        (b"null", 400, "BAD_REQUEST", "must be a JSON object"),
        (b"1", 400, "BAD_REQUEST", "must be a JSON object"),
        (b'"x"', 400, "BAD_REQUEST", "must be a JSON object"),
        (b"true", 400, "BAD_REQUEST", "must be a JSON object"),
        (b'[{"query": "{ __typename }"}]', 400, "BAD_REQUEST", "Batched requests are not supported"),
        (b"{not json", 400, "BAD_REQUEST", "not valid JSON"),
        (b"", 400, "BAD_REQUEST", "not valid JSON"),
        (b'{"query": "{ __typename }", "variables": "x"}', 400, "BAD_REQUEST", "`variables` has the wrong JSON type"),
        (b'{"query": 1}', 400, "BAD_REQUEST", "`query` has the wrong JSON type"),
        (b"{}", 400, "BAD_REQUEST", "No GraphQL query found"),
        ('{"query": "{ __typename }", "x": "é"}'.encode("latin-1"), 400, "BAD_REQUEST", "not valid UTF-8"),
        (b'{"query": "{ __typename }", "variables": {"a": "\xed\xa0\x80"}}', 400, "BAD_REQUEST", "not valid UTF-8"),
        (
            b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 1000 + b"]" * 1000 + b"}}",
            400,
            "LIMIT_EXCEEDED",
            "nested over 16 levels deep",
        ),
        (
            b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
            413,
            "LIMIT_EXCEEDED",
            "body is over",
        ),
    ],
)
def test_a_body_that_is_not_one_graphql_request_is_refused(api_url, db, body, status, code, message):
    answer_status, headers, answer = post(api_url, body)

    assert answer_status == status
    assert headers["Content-Type"] == "application/json"
    answer_message, answer_code = refusal(answer)
    assert answer_code == code
    assert message in answer_message


def test_deep_variables_within_the_limit_reach_graphql(api_url, db):
    variables = {"a": json.loads("[" * 10 + "]" * 10)}
    status, _headers, answer = post(api_url, json.dumps({"query": "{ __typename }", "variables": variables}).encode())

    assert status == 200
    assert answer["data"] == {"__typename": "Query"}


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/graphql"])
def test_a_body_of_another_content_type_is_refused(api_url, db, content_type):
    status, _headers, answer = post(api_url, b'{"query": "{ __typename }"}', {"Content-Type": content_type})

    assert status == 415
    assert refusal(answer) == ("Send the request as JSON, with `Content-Type: application/json`.", "BAD_REQUEST")


def test_another_method_is_refused_as_json(api_url, db):
    status, headers, raw = http("PUT", f"{api_url}/graphql/", b"{}", JSON)

    assert status == 405
    assert refusal(json.loads(raw))[1] == "BAD_REQUEST"
    assert headers["Content-Type"] == "application/json"


def test_an_over_long_get_is_refused_with_a_hint_to_post(api_url, db):
    query = "{ " + "__typename " * 600 + "}"
    url = f"{api_url}/graphql/?{urllib.parse.urlencode({'query': query})}"
    assert len(url) < 8190  # below gunicorn's request-line limit: our answer, not the server's

    status, _headers, raw = http("GET", url)

    assert status == 414
    message, code = refusal(json.loads(raw))
    assert code == "LIMIT_EXCEEDED"
    assert "send long queries with POST" in message


def test_get_variables_that_are_not_an_object_are_refused(api_url, db):
    params = urllib.parse.urlencode({"query": "{ __typename }", "variables": "[1]"})
    status, _headers, raw = http("GET", f"{api_url}/graphql/?{params}")

    assert status == 400
    assert refusal(json.loads(raw)) == ("`variables` must be a JSON object.", "BAD_REQUEST")


def cursor_holding(value: str) -> str:
    return base64.urlsafe_b64encode(json.dumps(["2022-10-01", value]).encode()).decode()


UNSAFE_VARIABLES = [
    ("query($q: String!) { search(query: $q) { totalCount } }", {"q": f"cul{LONE_SURROGATE}ture"}),
    ("query($s: String!) { newsItem(slug: $s) { title } }", {"s": f"news{LONE_SURROGATE}"}),
    ("query($c: String!) { newsItems(filter: {city: $c}) { totalCount } }", {"c": LONE_SURROGATE}),
    ("query($a: String!) { newsItems(after: $a) { totalCount } }", {"a": f"abc{LONE_SURROGATE}"}),
    ("query($s: String!) { newsItem(slug: $s) { title } }", {"s": "news\u0000"}),
    ("query($f: NewsFilter) { newsItems(filter: $f) { totalCount } }", {"f": {"topic": "\udfff"}}),
]


@pytest.mark.parametrize(("query", "variables"), UNSAFE_VARIABLES)
def test_a_lone_surrogate_or_nul_in_a_variable_is_bad_user_input(api_url, db, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()  # JSON escapes: \ud800 stays lone

    status, _headers, answer = post(api_url, body)

    assert status == 400
    assert refusal(answer) == (
        "Strings must not contain NUL characters or unpaired UTF-16 surrogates.",
        "BAD_USER_INPUT",
    )


@pytest.mark.parametrize("value", [LONE_SURROGATE, "a\u0000b"])
def test_a_lone_surrogate_or_nul_inside_a_cursor_is_bad_user_input(graphql, value):
    response = graphql(f'{{ newsItems(after: "{cursor_holding(value)}") {{ totalCount }} }}')

    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["message"].startswith("Invalid cursor")


def test_a_nul_in_a_string_literal_is_refused_before_execution(graphql):
    response = graphql('{ newsItem(slug: "news\\u0000") { title } }')

    assert response.status == 400
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["message"] == "Strings must not contain NUL characters or unpaired UTF-16 surrogates."


def test_a_lone_surrogate_escape_in_a_literal_is_a_parse_error(graphql):
    response = graphql('{ newsItem(slug: "news\\ud800") { title } }')

    assert response.status == 400
    assert response.codes == ["GRAPHQL_PARSE_FAILED"]
