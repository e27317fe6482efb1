"""Statements prepared on the PostgreSQL connection (``DB_PREPARED_STATEMENTS``, on in production):
the same answers and the same number of queries, each statement prepared once per connection and
again on a new one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from graphql_api import statements

QUERIES = {
    "look-ups with references, topics and images": """{
        newsItem(slug: "news-1") { title date cities { title slug } topics { name }
          heroImage { rendition(fit: FILL, width: 320, height: 240) { url } } }
        city(slug: "kutaisi") { title newsItems(first: 2) { totalCount edges { node { title } } }
          conferences { edges { node { title hostCity { title } } } } } }""",
    "lists and a numbered page": """{
        newsItems(first: 2) { edges { node { title cities { title } } } }
        page2: newsItems(first: 1, offset: 1) { totalCount edges { node { title } } }
        cities { edges { node { title newsItems(first: 1) { edges { node { title } } } } } } }""",
    "another language": """{ city(slug: "kutaisi", locale: "fr") { title newsItems { edges { node { title } } } }
        newsItems(locale: "fr") { edges { node { title cities { title } } } } }""",
}


def _prepared_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_prepared_statements WHERE name LIKE 'citynews_%%'")
        return {name for (name,) in cursor.fetchall()}


def _as_if_connected_anew() -> None:
    """What a new connection has: no statement prepared, on the server or in the process's record.
    (The test's own connection holds its transaction, so it cannot be closed.)"""
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    statements._PREPARED_ON.pop(connection.connection, None)


def _sql_run_by(graphql, query: str) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        answer = graphql(query)
    assert not answer.errors
    return [captured["sql"] for captured in context.captured_queries]


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_prepared_statements_answer_as_the_sql_does(graphql, content, settings, query):
    expected = graphql(query)
    assert not expected.errors
    settings.CITYNEWS_PREPARED_STATEMENTS = True
    _as_if_connected_anew()
    first = graphql(query)
    prepared = _prepared_names()
    assert prepared, "the statements were prepared on the connection"
    again = graphql(query)
    assert first.body == again.body == expected.body
    assert _prepared_names() == prepared  # once per connection, not per request
    _as_if_connected_anew()
    assert graphql(query).body == expected.body  # prepared again on the "new" connection
    assert _prepared_names() == prepared


def test_a_prepared_request_runs_as_many_queries_and_logs_each(graphql, content, settings):
    query = QUERIES["look-ups with references, topics and images"]
    graphql(query)  # renditions made, site lookups cached
    plain = _sql_run_by(graphql, query)
    settings.CITYNEWS_PREPARED_STATEMENTS = True
    graphql(query)  # prepares
    executed = _sql_run_by(graphql, query)
    assert len(executed) == len(plain)
    prepared = [sql for sql in executed if sql.startswith("EXECUTE citynews_")]
    assert len(prepared) >= 8  # look-ups, pages, links, references, topics, images
    # The rest (the total count, the image without the asked rendition) runs as the ORM writes it.
    # (compared up to WHERE: the clock in its values differs from one request to the next).
    assert {sql.split(" WHERE ")[0] for sql in executed if sql not in prepared} <= {
        sql.split(" WHERE ")[0] for sql in plain
    }
    assert not [sql for sql in executed if "PREPARE" in sql]


def test_statements_run_their_generic_plan_from_the_first_execution(graphql, content, settings):
    """Planned once: not planned again for each execution's values, as PostgreSQL's default
    does for the first five and then whenever the values' plans look cheaper (a date range)."""
    settings.CITYNEWS_PREPARED_STATEMENTS = True
    _as_if_connected_anew()
    query = """{ newsItems(first: 5, order: OLDEST, filter: {dateFrom: "2020-01-01", dateTo: "2030-12-31"}) {
        edges { node { title cities { title } } } } }"""
    for _ in range(7):
        assert not graphql(query).errors
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone() == ("force_generic_plan",)
        cursor.execute(
            "SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'citynews_%%'"
        )
        plans = cursor.fetchall()
    assert plans
    assert all(generic == 7 and custom == 0 for _name, generic, custom in plans), plans
