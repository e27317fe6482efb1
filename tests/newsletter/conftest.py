"""The demo content behind a real HTTP server, for building digests as an outside tool would."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from tests.graphql_api.conftest import api_url  # noqa: F401 (fixture)
from tests.graphql_api.fixtures_safety import shared_data


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The demo site, loaded once per module and rolled back after its last test."""
    with shared_data(django_db_blocker, lambda: call_command("load_demo_content", stdout=io.StringIO())):
        yield


def build_digest(api_url: str, out: Path, **options: str) -> str:  # noqa: F811 (a URL, not the fixture)
    """Runs ``manage.py newsletter`` against the test server and returns the HTML it wrote."""
    call_command("newsletter", api_url=f"{api_url}/graphql/", out=str(out), stderr=io.StringIO(), **options)
    return out.read_text(encoding="utf-8")
