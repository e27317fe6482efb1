"""Outages fail fast and heal by themselves: gunicorn with the production settings, and a real
PostgreSQL (or Redis) that the test stops and starts, or whose table it locks."""

from __future__ import annotations

import json
import time

import psycopg2
import pytest
from django.db import connection

from tests.graphql_api.conftest import http

from .conftest import Production
from .servers import Gunicorn, ThrowawayRedis

# The production server's database is a copy of the migrated test database, which must therefore exist.
pytestmark = pytest.mark.django_db

QUERY = "{ newsItems(first: 1) { totalCount } }"
ANSWER = {"newsItems": {"totalCount": 0}}


def assert_unavailable(status: int, headers: dict[str, str], body: dict, seconds: float) -> None:
    assert status == 503
    assert int(headers["Retry-After"]) > 0
    assert body["data"] is None
    assert {error["extensions"]["code"] for error in body["errors"]} == {"SERVICE_UNAVAILABLE"}
    assert body["errors"][0]["message"] == "The service is temporarily unavailable; retry shortly."
    assert "no-store" in headers["Cache-Control"]
    assert seconds < 2


def test_a_stopped_database_is_a_fast_503_and_the_service_heals_when_it_returns(running: Production):
    status, _headers, body, _seconds = running.graphql(QUERY)
    assert (status, body.get("data")) == (200, ANSWER), body

    running.database.stop()
    try:
        assert_unavailable(*running.graphql(QUERY))
        assert_unavailable(*running.graphql(QUERY))  # every worker, not only the first
        ready_status, ready_headers, ready = running.get("/readyz")
        assert (ready_status, ready["checks"]["database"]) == (503, "down")
        assert ready_headers["Retry-After"]
        assert running.get("/healthz")[:1] == (200,)  # alive: no restart wanted
        # A browser gets a page that retries by itself; a script gets a line of text.
        page_address = f"{running.server.url}/"
        status, headers, page = http("GET", page_address, None, {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
        assert (status, headers["Content-Type"], headers["Retry-After"]) == (503, "text/html; charset=utf-8", "5")
        assert b'<meta http-equiv="refresh" content="5">' in page
        assert b"tries again by itself" in page
        status, headers, text = http("GET", page_address)
        assert (status, headers["Content-Type"]) == (503, "text/plain; charset=utf-8")
        assert text.startswith(b"The database or the cache is unavailable.")
        # An editor in the admin (its session is read from the database) gets the same page.
        admin_headers = {"Accept": "text/html", "Cookie": "sessionid=an-editors-session"}
        status, headers, page = http("GET", f"{running.server.url}/admin/", None, admin_headers)
        assert (status, headers["Content-Type"]) == (503, "text/html; charset=utf-8")
        assert b"tries again by itself" in page
    finally:
        running.database.start()

    running.wait_until_ready()
    for _ in range(4):  # each worker reconnects by itself
        status, _headers, body, _seconds = running.graphql(QUERY)
        assert (status, body["data"]) == (200, ANSWER)


def test_a_locked_table_is_a_503_within_two_seconds_not_a_hung_worker(running: Production):
    holder = psycopg2.connect(host="127.0.0.1", port=running.database.port, user="citynews", dbname="citynews")
    try:
        holder.cursor().execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        assert_unavailable(*running.graphql(QUERY))
    finally:
        holder.rollback()
        holder.close()

    status, _headers, body, _seconds = running.graphql(QUERY)
    assert (status, body["data"]) == (200, ANSWER)


def answered(production: Production) -> bool:
    status, _headers, body, _seconds = production.graphql(QUERY)
    return (status, body.get("data")) == (200, ANSWER)


def test_a_stopped_cache_is_a_fast_503_in_json_and_the_service_heals_when_it_returns(running: Production, tmp_path):
    """Redis holds the response cache, the shared lookups and the rate limit's counters: without it
    the API answers 503 like for a database outage, for a POST (met while GraphQL runs) as for a
    GET whose hit the worker could replay (met before Django), instead of a 500; and serves again
    once Redis is back."""
    redis = ThrowawayRedis()
    redis.start()
    server = Gunicorn(running.database.url, tmp_path, REDIS_URL=redis.url, RATE_LIMIT="true", WEB_CONCURRENCY="1")
    try:
        server.start()
        served = Production(running.database, server)
        assert answered(served)
        cached_get = f"{server.url}/graphql/?query=%7B__typename%7D"
        # A miss, then a hit whose headers the worker keeps to answer the same GET without Django.
        assert [http("GET", cached_get)[1]["X-Citynews-Cache"] for _ in range(2)] == ["MISS", "HIT"]
        redis.stop()
        assert_unavailable(*served.graphql(QUERY))
        started = time.monotonic()
        status, headers, raw = http("GET", cached_get)
        assert_unavailable(status, headers, json.loads(raw), time.monotonic() - started)
        ready_status, _headers, ready = served.get("/readyz")
        assert (ready_status, ready["checks"]) == (503, {"database": "ok", "cache": "down"})
        for feed in ("/feeds/news.rss", "/feeds/conferences.ics"):
            feed_status, feed_headers, raw = http("GET", f"{server.url}{feed}")
            assert (feed_status, feed_headers["Retry-After"]) == (503, "5")
            assert json.loads(raw)["error"]["code"] == "SERVICE_UNAVAILABLE"
        page_status, page_headers, _raw = http("GET", f"{server.url}/")  # headless: reads the shared lookups
        assert (page_status, page_headers["Retry-After"]) == (503, "5")
        redis.start()  # same port, empty: nothing stale to serve
        served.wait_until_ready()
        assert answered(served)
    finally:
        server.stop()
        redis.stop()


def test_health_endpoints_answer_load_balancers(running: Production):
    assert running.get("/healthz") == (200, running.get("/healthz")[1], {"status": "ok"})
    status, _headers, body = running.get("/readyz")
    assert (status, body) == (200, {"status": "ok", "checks": {"database": "ok", "cache": "ok"}})


@pytest.mark.parametrize(("length", "status"), [(5_000, 200), (7_000, 414)])
def test_gunicorn_passes_long_get_urls_to_the_api_which_answers_in_json(running: Production, length: int, status: int):
    from tests.graphql_api.conftest import http

    padding = "x" * (length - 60)
    answer_status, headers, _raw = http("GET", f"{running.server.url}/graphql/?query=%7B__typename%7D&pad={padding}")

    assert answer_status == status
    assert headers["Content-Type"] == "application/json"


def test_every_database_connection_carries_the_statement_lock_and_connect_timeouts():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement_timeout = cursor.fetchone()[0]
        cursor.execute("SHOW lock_timeout")
        lock_timeout = cursor.fetchone()[0]

    assert (statement_timeout, lock_timeout) == ("5s", "1s")
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 2
