"""The response cache and automatic persisted queries, over real HTTP.

The first tests run against the in-process test server with the cache in local memory; the last
one starts two gunicorn servers sharing the real Redis of ``make test`` and proves that neither
serves a stale answer after a publish, whichever process the change went through.
"""

from __future__ import annotations

import datetime
import hashlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from home.models import FrontendSettings
from news.models import NewsPage
from tests import factories

from .conftest import http as send

QUERY = "{ newsItems(first: 3) { edges { node { id title heroImage { id } cities { title } } } } }"
CACHE_HEADER = "X-Citynews-Cache"


def _get(base_url: str, params: dict[str, str], headers: dict[str, str] | None = None) -> tuple[int, dict, dict]:
    status, response_headers, raw = send("GET", f"{base_url}/graphql/?{urllib.parse.urlencode(params)}", None, headers)
    return status, response_headers, json.loads(raw) if raw else {}


def _apq(query_hash: str) -> str:
    return json.dumps({"persistedQuery": {"version": 1, "sha256Hash": query_hash}})


@pytest.fixture
def cached(settings, content):
    settings.CITYNEWS_RESPONSE_CACHE = True
    return content


def test_a_repeated_get_is_served_from_the_cache_with_etag_and_surrogate_keys(api_url, cached):
    status, first_headers, first = _get(api_url, {"query": QUERY})
    assert status == 200
    assert first_headers[CACHE_HEADER] == "MISS"
    # The same query written differently is the same cached answer.
    status, headers, second = _get(api_url, {"query": "  " + QUERY.replace(" ", "\n  ")})
    assert status == 200
    assert headers[CACHE_HEADER] == "HIT"
    assert second == first
    assert headers["ETag"] == first_headers["ETag"]
    assert "public" in headers["Cache-Control"]
    news = cached["news_items"]
    keys = headers["Surrogate-Key"].split()
    assert {f"page-{item.pk}" for item in news[-3:]} <= set(keys)
    assert f"page-{cached['kutaisi'].pk}" in keys
    assert f"image-{cached['image'].pk}" in keys
    assert headers["Cache-Tag"] == ",".join(keys)


def test_a_hit_has_the_headers_of_the_miss_that_stored_it(api_url, cached):
    """A hit is answered above most of the middleware; the security headers must not notice."""
    _status, miss, _body = _get(api_url, {"query": QUERY})
    _status, hit, _body = _get(api_url, {"query": QUERY})
    assert (miss.pop(CACHE_HEADER), hit.pop(CACHE_HEADER)) == ("MISS", "HIT")
    for headers in (miss, hit):
        headers.pop("Date", None)
    assert hit == miss
    assert {"Content-Security-Policy", "X-Frame-Options", "Content-Length"} <= set(hit)


def test_api_requests_skip_the_sites_layers_and_keep_their_headers(client, db):
    """Sessions, authentication and messages (the admin's) never run for the API, which reads none
    of them; its responses still have the headers those layers' neighbours give."""
    post = client.post("/graphql/", {"query": "{ __typename }"}, content_type="application/json")
    get = client.get("/graphql/", {"query": "{ __typename }"})
    for response in (post, get):
        assert response.status_code == 200
        assert response.json()["data"] == {"__typename": "Query"}
        request = response.wsgi_request
        assert not any(hasattr(request, name) for name in ("session", "user", "_messages"))
        assert {"Content-Security-Policy", "X-Frame-Options", "Content-Length"} <= set(response.headers)
    admin = client.get("/admin/login/")
    assert all(hasattr(admin.wsgi_request, name) for name in ("session", "user", "_messages"))


def test_a_request_the_api_refuses_is_refused_even_when_its_query_is_cached(api_url, cached):
    """The cache keys on the GraphQL parts of a GET only: the request's own checks come first."""
    assert _get(api_url, {"query": QUERY})[0] == 200
    status, headers, body = _get(api_url, {"query": QUERY, "pad": "x" * 7_000})
    assert status == 414
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert CACHE_HEADER not in headers


def test_if_none_match_gets_304_without_a_body(api_url, cached):
    _status, headers, _body = _get(api_url, {"query": QUERY})
    status, not_modified_headers, body = _get(api_url, {"query": QUERY}, {"If-None-Match": headers["ETag"]})
    assert status == 304
    assert body == {}
    assert not_modified_headers["ETag"] == headers["ETag"]
    status, _headers, body = _get(api_url, {"query": QUERY}, {"If-None-Match": '"something-else"'})
    assert status == 200
    assert body["data"]["newsItems"]["edges"]


def test_a_publish_or_a_deletion_is_seen_at_once(api_url, cached):
    _get(api_url, {"query": QUERY})
    newest = cached["news_items"][-1]
    newest.title = "Retitled"
    newest.save_revision().publish()
    _status, headers, body = _get(api_url, {"query": QUERY})
    assert headers[CACHE_HEADER] == "MISS"
    assert body["data"]["newsItems"]["edges"][0]["node"]["title"] == "Retitled"
    cached["image"].delete()
    _status, headers, body = _get(api_url, {"query": QUERY})
    assert headers[CACHE_HEADER] == "MISS"
    assert body["data"]["newsItems"]["edges"][0]["node"]["heroImage"] is None


def test_a_page_that_expires_leaves_the_cached_answers_at_its_expiry(api_url, cached):
    """Expiry is no save (``publish_scheduled`` unpublishes later, by cron): the clock alone must
    end the answers that show the page."""
    newest = cached["news_items"][-1]
    expire_at = timezone.now() + datetime.timedelta(seconds=4)
    newest.expire_at = expire_at
    newest.save_revision().publish()
    _status, headers, body = _get(api_url, {"query": QUERY})
    assert body["data"]["newsItems"]["edges"][0]["node"]["title"] == newest.title
    assert _get(api_url, {"query": QUERY})[1][CACHE_HEADER] == "HIT"
    time.sleep(max(0.0, (expire_at - timezone.now()).total_seconds()) + 0.1)
    _status, headers, body = _get(api_url, {"query": QUERY})
    assert headers[CACHE_HEADER] == "MISS"
    assert newest.title not in [edge["node"]["title"] for edge in body["data"]["newsItems"]["edges"]]
    assert _get(api_url, {"query": QUERY})[1][CACHE_HEADER] == "HIT"


def test_a_new_day_ends_the_cached_answers_since_statuses_go_by_the_date(api_url, cached, monkeypatch):
    """A conference starting tomorrow is upcoming today and ongoing after midnight, with no save
    in between: the token ends at midnight (in the site's time zone)."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    factories.ConferencePageFactory(title="Starts tomorrow", start_date=tomorrow, end_date=tomorrow)
    query = "{ conferences(filter: { status: UPCOMING }) { edges { node { title status } } } }"
    assert "Starts tomorrow" in str(_get(api_url, {"query": query})[2])
    assert _get(api_url, {"query": query})[1][CACHE_HEADER] == "HIT"

    just_after_midnight = datetime.datetime.combine(
        tomorrow, datetime.time(0, 0, 1), tzinfo=timezone.get_current_timezone()
    )
    monkeypatch.setattr(timezone, "now", lambda: just_after_midnight)
    _status, headers, body = _get(api_url, {"query": query})
    assert headers[CACHE_HEADER] == "MISS"
    assert "Starts tomorrow" not in str(body)


def test_answers_with_errors_credentials_or_posts_are_not_cached(api_url, cached, graphql):
    for _ in range(2):
        status, headers, body = _get(api_url, {"query": "{ newsItems(first: 1000) { totalCount } }"})
        assert headers.get(CACHE_HEADER) is None
        assert body["errors"]
    for _ in range(2):
        status, headers, _body = _get(api_url, {"query": QUERY}, {"Authorization": "Bearer x"})
        assert status == 200
        assert headers[CACHE_HEADER] == "BYPASS"
    assert CACHE_HEADER not in graphql(QUERY).headers


def test_persisted_query_protocol(api_url, cached):
    query_hash = hashlib.sha256(QUERY.encode()).hexdigest()
    status, _headers, body = _get(api_url, {"extensions": _apq(query_hash)})
    assert status == 200
    assert body["errors"][0]["message"] == "PersistedQueryNotFound"
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    status, _headers, registered = _get(api_url, {"query": QUERY, "extensions": _apq(query_hash)})
    assert status == 200
    assert registered["data"]["newsItems"]["edges"]
    status, headers, by_hash = _get(api_url, {"extensions": _apq(query_hash)})
    assert status == 200
    assert by_hash == registered
    assert headers[CACHE_HEADER] == "HIT"


def test_persisted_query_errors_are_clear(api_url, cached):
    status, _headers, body = _get(api_url, {"query": QUERY, "extensions": _apq("0" * 64)})
    assert status == 400
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    status, _headers, body = _get(api_url, {"extensions": _apq("not-a-hash")})
    assert status == 400
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    # A hash of a query that fails is never registered.
    failing = "{ newsItems(first: 1000) { totalCount } }"
    failing_hash = hashlib.sha256(failing.encode()).hexdigest()
    _get(api_url, {"query": failing, "extensions": _apq(failing_hash)})
    _status, _headers, body = _get(api_url, {"extensions": _apq(failing_hash)})
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


# --- Two server processes sharing the real Redis -------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(port: int) -> subprocess.Popen[bytes]:
    database = urllib.parse.urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + connection.settings_dict["NAME"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": urllib.parse.urlunsplit(database),
        "GRAPHQL_RESPONSE_CACHE": "true",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen(  # noqa: S603 (our own server binary)
        [str(gunicorn), "cms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.fixture
def two_servers(transactional_db, django_db_serialized_rollback, settings) -> Iterator[tuple[str, str]]:
    """Two gunicorn processes on this test's (committed) database and the Redis of ``make test``."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.fail("REDIS_URL is not set: run the tests with `make test`, which starts Redis.")
    # This process's changes must reach the servers' cache too: point it at the same Redis.
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_url}}
    # Passwords made here must be checked there: the servers' settings know no MD5 hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    ports = [_free_port(), _free_port()]
    servers = [_start_server(port) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        deadline = time.monotonic() + 60
        for url in urls:
            while True:
                try:
                    send("GET", f"{url}/graphql/?query=%7B__typename%7D")
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
        yield urls[0], urls[1]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


class AdminSession:
    """An editor signed in to one server's admin, with cookies kept by hand."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.base_url = base_url
        self.cookies: dict[str, str] = {}
        self.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})
        assert "sessionid" in self.cookies, "the editor could not sign in"

    def _send(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        """One request, redirects not followed, so that every Set-Cookie is seen."""
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        url = urllib.parse.urlsplit(self.base_url)
        conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=30)
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    cookie_name, _, rest = value.partition("=")
                    self.cookies[cookie_name.strip()] = rest.split(";", 1)[0]
            return response.status, response.read()
        finally:
            conn.close()

    def post(self, path: str, fields: dict[str, str]) -> int:
        _status, page = self._send("GET", path)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token is not None, f"no form at {path}"
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token.group(1).decode()}).encode()
        status, _raw = self._send("POST", path, body)
        return status


def _titles(base_url: str) -> tuple[str, list[str]]:
    # Behind a load balancer every process sees the site's one host name, whatever its own port.
    _status, headers, body = _get(base_url, {"query": QUERY}, {"Host": "localhost"})
    return headers[CACHE_HEADER], [edge["node"]["title"] for edge in body["data"]["newsItems"]["edges"]]


def test_two_processes_never_serve_a_stale_answer_after_a_publish(two_servers):
    first, second = two_servers
    tree = factories.make_site_tree()
    # Made here, not by the first request that reads it (a save that would change the token once).
    FrontendSettings.objects.create(site=tree["site"], base_url="https://www.example.org")
    news = [
        factories.NewsPageFactory(parent=tree["news"], title=f"Item {n}", date=datetime.date(2024, 1, n))
        for n in (1, 2, 3)
    ]
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pass-word-123")

    assert _titles(first) == ("MISS", ["Item 3", "Item 2", "Item 1"])
    # The answer one process stored is the other's hit: they share Redis.
    assert _titles(second) == ("HIT", ["Item 3", "Item 2", "Item 1"])
    # Asked again, the second's worker replays that hit without Django (graphql_api/hit_replay.py).
    assert _titles(second) == ("HIT", ["Item 3", "Item 2", "Item 1"])

    # A publish made outside both servers (here, this test process).
    news[2].title = "Item 3, corrected"
    news[2].save_revision().publish()
    assert _titles(second)[1][0] == "Item 3, corrected"
    assert _titles(first) == ("HIT", ["Item 3, corrected", "Item 2", "Item 1"])

    # An editor unpublishes through the first server's admin: the second stops showing it at once.
    editor = AdminSession(first, "editor", "pass-word-123")
    assert editor.post(f"/admin/pages/{news[2].pk}/unpublish/", {}) == 302
    assert not NewsPage.objects.get(pk=news[2].pk).live
    assert _titles(second) == ("MISS", ["Item 2", "Item 1"])

    # And through the second server's admin: the first is just as fresh.
    editor = AdminSession(second, "editor", "pass-word-123")
    assert editor.post(f"/admin/pages/{news[1].pk}/unpublish/", {}) == 302
    assert _titles(first) == ("MISS", ["Item 1"])
