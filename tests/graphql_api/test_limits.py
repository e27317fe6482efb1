"""The API's bounds: depth, aliases and tokens are refused before any database work; page sizes,
offsets and search queries on their field; introspection follows its setting."""

from __future__ import annotations

import time

import pytest
from graphql import get_introspection_query, parse, specified_rules, validate

from graphql_api import limits
from graphql_api.schema import schema

from .conftest import assert_num_queries


def nested(depth: int) -> str:
    """A valid query ``depth`` fields deep: news -> conference -> host city -> news -> ..."""
    cycle = ["newsItems(first: 1)", "edges", "node", "conference", "hostCity"]
    names = [cycle[n % len(cycle)] for n in range(depth - 1)]
    leaf = {"newsItems(first: 1)": "totalCount", "edges": "cursor"}.get(names[-1], "title")
    return "{ " + " { ".join(names) + " { " + leaf + " }" * depth


def test_depth_of_the_helper_query():
    assert nested(3) == "{ newsItems(first: 1) { edges { cursor } } }"


def test_a_query_as_deep_as_the_limit_runs(graphql):
    response = graphql(nested(limits.MAX_DEPTH))

    assert response.status == 200
    assert response.data == {"newsItems": {"edges": []}}


def test_a_query_deeper_than_the_limit_is_refused_before_any_database_query(graphql):
    with assert_num_queries(0):
        response = graphql(nested(limits.MAX_DEPTH + 1))

    assert response.status == 400
    assert response.body["data"] is None
    assert response.codes == ["LIMIT_EXCEEDED"]
    assert response.errors[0]["message"] == f"Query is nested {limits.MAX_DEPTH + 1} levels deep; the maximum is 12."


def test_depth_counts_through_fragments(graphql):
    query = """
      query { newsItems(first: 1) { ...Edges } }
      fragment Edges on NewsItemConnection { edges { node { ...Item } } }
      fragment Item on NewsItem { conference { hostCity { ... on City { newsItems { ...Deeper } } } } }
      fragment Deeper on NewsItemConnection { edges { node { conference { hostCity { newsItems { edges { cursor } } } } } } }
    """
    with assert_num_queries(0):
        response = graphql(query)

    assert response.status == 400
    assert response.codes == ["LIMIT_EXCEEDED"]
    assert "nested 13 levels deep" in response.errors[0]["message"]


def aliased(count: int) -> str:
    return "{ " + " ".join(f"a{n}: newsItems(first: 1) {{ totalCount }}" for n in range(count)) + " }"


def test_as_many_aliases_as_the_limit_run(graphql):
    response = graphql(aliased(limits.MAX_ALIASES))

    assert response.status == 200
    assert len(response.data) == limits.MAX_ALIASES


def test_more_aliases_than_the_limit_are_refused_before_any_database_query(graphql):
    with assert_num_queries(0):
        response = graphql(aliased(limits.MAX_ALIASES + 1))

    assert response.status == 400
    assert response.codes == ["LIMIT_EXCEEDED"]
    assert response.errors[0]["message"] == f"More than {limits.MAX_ALIASES} aliases in one query."


def test_aliases_in_fragments_count_too(graphql):
    fields = " ".join(f"t{n}: title" for n in range(limits.MAX_ALIASES + 1))
    query = f"{{ newsItems {{ edges {{ node {{ ...F }} }} }} }} fragment F on NewsItem {{ {fields} }}"

    with assert_num_queries(0):
        response = graphql(query)

    assert response.status == 400
    assert response.codes == ["LIMIT_EXCEEDED"]


def test_a_query_just_under_the_token_limit_runs(graphql):
    types = " ".join(["CITY"] * (limits.MAX_TOKENS - 20))
    response = graphql(f'{{ search(query: "kutaisi", types: [{types}]) {{ totalCount }} }}')

    assert response.status == 200
    assert response.data == {"search": {"totalCount": 0}}


def test_more_tokens_than_the_limit_are_refused_before_any_database_query(graphql):
    with assert_num_queries(0):
        response = graphql("{ " + "__typename " * (limits.MAX_TOKENS + 1) + "}")

    assert response.status == 400
    assert response.body["data"] is None
    assert response.codes == ["LIMIT_EXCEEDED"]
    assert f"more than {limits.MAX_TOKENS} tokens" in response.errors[0]["message"]


@pytest.mark.parametrize(
    "arguments",
    [
        f"first: {limits.MAX_PAGE_SIZE + 1}",
        f"last: {limits.MAX_PAGE_SIZE + 1}",
        "first: -1",
        "first: 1, last: 1",
        f"offset: {limits.MAX_OFFSET + 1}",
        "offset: -1",
    ],
)
def test_page_sizes_and_offsets_out_of_bounds_are_refused_not_capped(graphql, arguments):
    response = graphql(f"{{ cities({arguments}) {{ totalCount }} partnerships(first: 1) {{ totalCount }} }}")

    assert response.status == 200
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["path"] == ["cities"]


def test_the_largest_page_size_and_offset_are_accepted(graphql):
    response = graphql(
        f"{{ a: cities(first: {limits.MAX_PAGE_SIZE}) {{ totalCount }}"
        f" b: cities(last: {limits.MAX_PAGE_SIZE}, offset: {limits.MAX_OFFSET}) {{ totalCount }} }}"
    )

    assert response.errors == []


@pytest.mark.parametrize("query", ["", "   ", "x" * (limits.MAX_SEARCH_QUERY_LENGTH + 1)])
def test_search_words_must_be_given_and_bounded(graphql, query):
    response = graphql("query($q: String!) { search(query: $q) { totalCount } }", {"q": query})

    assert response.codes == ["BAD_USER_INPUT"]
    assert response.errors[0]["path"] == ["search"]


INTROSPECTION = "{ __schema { queryType { name } } }"


def test_introspection_follows_its_setting_from_one_request_to_the_next(graphql, settings):
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = True
    allowed = graphql(INTROSPECTION)
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = False
    refused = graphql(INTROSPECTION)
    type_refused = graphql('{ __type(name: "NewsItem") { name } }')
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = True
    allowed_again = graphql(INTROSPECTION)

    assert allowed.data == {"__schema": {"queryType": {"name": "Query"}}}
    assert allowed_again.data == allowed.data
    for response in (refused, type_refused):
        assert response.status == 400
        assert response.body["data"] is None
        assert set(response.codes) == {"GRAPHQL_VALIDATION_FAILED"}
        assert "introspection has been disabled" in response.errors[0]["message"]


def test_typename_is_not_introspection(graphql, settings):
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = False

    assert graphql("{ __typename }").data == {"__typename": "Query"}


def test_the_standard_introspection_query_of_graphiql_and_code_generators_runs(graphql, settings):
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = True

    response = graphql(get_introspection_query(descriptions=True, input_value_deprecation=True))

    assert response.status == 200
    types = {t["name"] for t in response.data["__schema"]["types"]}
    assert {"NewsItem", "BodyBlock", "Rendition"} <= types


def test_deep_introspection_is_refused_like_any_deep_query(graphql, settings):
    """``ofType`` is free, but nesting fields of types (which multiply) still counts."""
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = True
    query = "{ __schema { types { " + "fields { type { " * 6 + "name" + " } }" * 6 + " } } }"

    with assert_num_queries(0):
        response = graphql(query)

    assert response.status == 400
    assert "LIMIT_EXCEEDED" in response.codes  # graphql-core adds its own introspection-depth error


def doubled_fragments(levels: int) -> str:
    """About 1 KB: each fragment spreads the previous one twice, so expanding it naively walks 2^levels paths."""
    fragments = ["fragment F0 on NewsItem { title }"]
    fragments += [f"fragment F{n} on NewsItem {{ ...F{n - 1} ...F{n - 1} }}" for n in range(1, levels + 1)]
    return f"{{ newsItems(first: 1) {{ edges {{ node {{ ...F{levels} }} }} }} }} " + " ".join(fragments)


def test_validation_is_linear_in_the_document_graphql_core_rules_included():
    document = parse(doubled_fragments(24))
    rules = [*specified_rules, limits.DepthLimitRule, limits.AliasLimitRule]

    started = time.monotonic()
    errors = validate(schema._schema, document, rules)

    assert errors == []
    assert time.monotonic() - started < 0.5


def test_a_query_of_fragments_each_spreading_the_previous_twice_is_answered_fast(graphql):
    query = doubled_fragments(24)
    assert len(query) < 1_500

    started = time.monotonic()
    response = graphql(query)

    assert time.monotonic() - started < 2
    assert response.status == 200
    assert response.data == {"newsItems": {"edges": []}}
    assert response.body["extensions"]["cost"]["requested"] == 4  # merged: newsItems, edges, node, title
