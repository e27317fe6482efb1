"""Query cost: computed before any database work, reported on every response, refused over the maximum."""

from __future__ import annotations

import pytest

from graphql_api import limits

from .conftest import assert_num_queries


def test_every_response_reports_its_cost(graphql):
    response = graphql("{ newsItems(first: 10) { totalCount edges { cursor node { title } } } }")

    assert response.status == 200
    # newsItems 1 + totalCount 1 + edges (1 + 10 x (cursor 1 + node (1 + title 1)))
    assert response.body["extensions"]["cost"] == {"requested": 33, "maximum": limits.MAX_COST}


@pytest.mark.parametrize(
    ("query", "variables", "cost"),
    [
        # No page size: the default page size.
        ("{ cities { edges { node { title } } } }", None, 1 + 1 + limits.DEFAULT_PAGE_SIZE * 2),
        # A page size from a variable counts as given.
        ("query($n: Int) { cities(first: $n) { edges { node { title } } } }", {"n": 3}, 1 + 1 + 3 * 2),
        # A list that is not a connection counts LIST_COST_SIZE items.
        ('{ newsItem(slug: "x") { cities { title } } }', None, 1 + 1 + limits.LIST_COST_SIZE),
        # Fragments count as expanded, each named fragment once per selection set (as execution merges it).
        (
            "{ cities(first: 2) { ...E ...E } } fragment E on CityConnection { edges { node { title } } }",
            None,
            1 + 1 + 2 * 2,
        ),
    ],
)
def test_cost_counts_page_sizes_lists_and_fragments(graphql, query, variables, cost):
    assert graphql(query, variables).body["extensions"]["cost"]["requested"] == cost


def test_a_query_over_the_maximum_cost_is_refused_before_any_database_query(graphql):
    query = """{ cities(first: 100) { edges { node {
        newsItems(first: 100) { edges { node { title cities { title newsItems(first: 100) { totalCount } } } } }
    } } } }"""

    with assert_num_queries(0):
        response = graphql(query)

    assert response.status == 400
    assert response.body["data"] is None
    assert response.codes == ["LIMIT_EXCEEDED"]
    error = response.errors[0]
    assert error["extensions"]["cost"] > limits.MAX_COST
    assert error["extensions"]["maximumCost"] == limits.MAX_COST
    assert error["message"].startswith(f"Query cost {error['extensions']['cost']} is over the maximum of")


def test_a_hundred_items_with_a_hundred_nested_items_each_are_allowed(graphql):
    response = graphql(
        "{ cities(first: 100) { edges { node { newsItems(first: 100) { edges { node { title } } } } } } }"
    )

    assert response.status == 200
    assert response.errors == []
    assert response.body["extensions"]["cost"]["requested"] == 20_302  # the figure the README gives
