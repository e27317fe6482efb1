"""Fixtures for API tests: a real HTTP server on this test's database transaction, and content.

The server runs in a thread of the test process and shares the test's database connection, so
each test's data is visible over real HTTP and still rolled back at the end of the test. It serves
what gunicorn serves: Django's application inside the WSGI middleware (``cms.wsgi_middleware``).
"""

from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.testcases import LiveServerThread
from django.test.utils import CaptureQueriesContext

from cms.wsgi_middleware import with_wsgi_middleware
from home.models import FrontendSettings
from tests import factories


class _SharedConnectionServer(ThreadedWSGIServer):
    def _close_connections(self) -> None:
        """Keep the shared test connection open between requests (it belongs to the test)."""


class _SharedConnectionThread(LiveServerThread):
    server_class = _SharedConnectionServer


@pytest.fixture(scope="session")
def api_url(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """Base URL of a server that answers from the running test's database transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    with django_db_blocker.unblock():
        connection = connections["default"]
        connection.inc_thread_sharing()
        # Unwrap Django's test-only media handler: /media/ answers as the CMS itself answers it.
        thread = _SharedConnectionThread(
            "127.0.0.1",
            lambda handler: with_wsgi_middleware(handler.application),
            connections_override={"default": connection},
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.httpd.shutdown()
        thread.httpd.server_close()
        thread.join()
        connection.dec_thread_sharing()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@dataclass
class ApiResponse:
    status: int
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def data(self) -> Any:
        assert not self.body.get("errors"), self.body["errors"]
        return self.body["data"]

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.body.get("errors") or []

    @property
    def codes(self) -> list[str]:
        return [error.get("extensions", {}).get("code") for error in self.errors]


def http(
    method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310 (loopback only)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def graphql(api_url: str, db: None) -> Callable[..., ApiResponse]:
    """Sends a query over HTTP: POST with a JSON body by default, or GET with URL parameters."""

    def send(query: str, variables: dict[str, Any] | None = None, method: str = "POST") -> ApiResponse:
        if method == "GET":
            params = {"query": query, **({"variables": json.dumps(variables)} if variables else {})}
            status, headers, raw = http("GET", f"{api_url}/graphql/?{urllib.parse.urlencode(params)}")
        else:
            payload = json.dumps({"query": query, "variables": variables or {}}).encode()
            status, headers, raw = http("POST", f"{api_url}/graphql/", payload, {"Content-Type": "application/json"})
        try:
            body = json.loads(raw)
        except ValueError:
            body = {"raw": raw.decode(errors="replace")}
        return ApiResponse(status=status, headers=headers, body=body)

    return send


@contextmanager
def assert_num_queries(expected: int) -> Iterator[None]:
    """Fails with the numbered SQL when the server ran another number of queries."""
    with CaptureQueriesContext(connections["default"]) as context:
        yield
    executed = len(context.captured_queries)
    if executed != expected:
        listing = "\n".join(f"{n}. {query['sql']}" for n, query in enumerate(context.captured_queries, start=1))
        pytest.fail(f"Expected {expected} queries, ran {executed}:\n{listing}")


@pytest.fixture
def content(db: None) -> dict[str, Any]:
    """A small programme: partnerships, cities (one translated), conferences, news with bodies."""
    tree = factories.make_site_tree()
    FrontendSettings.objects.update_or_create(site=tree["site"], defaults={"base_url": "https://www.example.org"})
    programme = factories.PartnershipFactory(name="EU4Culture", slug="eu4culture", kind="project")
    network = factories.PartnershipFactory(name="EU4Culture Cities Network", slug="eu4culture-network", kind="network")
    dg = factories.OrganisationFactory(name="DG NEAR", acronym="DG NEAR")
    image = factories.ImageFactory(title="Kutaisi", credit="© Kutaisi City Hall")
    kutaisi = factories.CityProfilePageFactory(
        parent=tree["cities"],
        title="Kutaisi",
        slug="kutaisi",
        country="GE",
        image=image,
        population=130000,
        population_year=2022,
        latitude=Decimal("42.2679"),
        longitude=Decimal("42.6946"),
        memberships=[{"partnership": network, "role": "Member", "since_year": 2021}],
        funding=[{"amount": 300000, "currency": "EUR", "programme": programme, "year": 2022}],
    )
    gyumri = factories.CityProfilePageFactory(
        parent=tree["cities"], title="Gyumri", slug="gyumri", country="AM", memberships=[network]
    )
    barcelona = factories.CityProfilePageFactory(
        parent=tree["cities"], title="Barcelona", slug="barcelona", country="ES"
    )
    conference = factories.ConferencePageFactory(
        parent=tree["conferences"],
        title="Regional Network Conference",
        slug="regional-network-conference",
        start_date=datetime.date(2022, 10, 6),
        end_date=datetime.date(2022, 10, 7),
        host_city=kutaisi,
        partnership=network,
        organisers=[dg],
    )
    news = [
        factories.NewsPageFactory(
            parent=tree["news"],
            title=f"News {n}",
            slug=f"news-{n}",
            date=datetime.date(2022, 10, n),
            hero_image=image,
            cities=[kutaisi, gyumri] if n % 2 else [barcelona],
            partnerships=[network],
            tags=["culture"] if n % 2 else ["mobility"],
            conference=conference if n == 1 else None,
            body=[
                ("paragraph", f'<p>See <a linktype="page" id="{kutaisi.pk}">Kutaisi</a> ({n}).</p>'),
                ("quote", {"text": "Culture connects.", "attribution": "C. Masson", "role": "DG NEAR"}),
            ],
        )
        for n in range(1, 6)
    ]
    return {
        **tree,
        "programme": programme,
        "network": network,
        "dg": dg,
        "image": image,
        "kutaisi": kutaisi,
        "gyumri": gyumri,
        "barcelona": barcelona,
        "conference": conference,
        "news_items": news,
    }
