"""A production server (gunicorn, production settings) on a PostgreSQL cluster the tests may stop."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from tests.graphql_api.conftest import http

from .servers import Gunicorn, ThrowawayPostgres


@dataclass
class Production:
    database: ThrowawayPostgres
    server: Gunicorn

    def graphql(self, query: str) -> tuple[int, dict[str, str], Any, float]:
        """POSTs a query; returns the status, headers, JSON body and the seconds it took."""
        started = time.monotonic()
        status, headers, raw = http(
            "POST",
            f"{self.server.url}/graphql/",
            json.dumps({"query": query}).encode(),
            {"Content-Type": "application/json"},
        )
        return status, headers, json.loads(raw), time.monotonic() - started

    def get(self, path: str) -> tuple[int, dict[str, str], Any]:
        status, headers, raw = http("GET", f"{self.server.url}{path}")
        return status, headers, json.loads(raw)

    def wait_until_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.get("/readyz")[0] != 200:
            assert time.monotonic() < deadline, "the server did not become ready again"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def production(django_db_setup: None, django_db_blocker: Any) -> Iterator[Production]:
    # Not under pytest's tmp_path: PostgreSQL's unprivileged user must be able to reach the directory.
    directory = Path(tempfile.mkdtemp(prefix="citynews-production."))
    database = ThrowawayPostgres(directory)
    server = Gunicorn(database.url, directory)
    try:
        with django_db_blocker.unblock(), connections["default"].cursor() as cursor:
            cursor.execute("SELECT current_database()")
            [test_database] = cursor.fetchone()
        database.create(copy_of={**connections["default"].settings_dict, "NAME": test_database})
        server.start()
        yield Production(database, server)
    finally:
        server.stop()
        database.destroy()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def running(production: Production) -> Production:
    """The production server with its database up and answering (a previous test may have stopped it)."""
    if not (production.database.data / "postmaster.pid").exists():
        production.database.start()
    production.wait_until_ready()
    return production


def urlopen_status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        return response.status
