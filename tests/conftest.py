"""Fixtures every test area shares: a site tree like the one editors work in, a cache on the real Redis.

Fixture modules of one area are registered here as plugins, so tests ask for their fixtures by
name instead of importing them.
"""

import os
import uuid
from typing import Any

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from pytest_django.fixtures import Settings, validate_django_db

from tests.factories import make_site_tree

pytest_plugins = ["tests.graphql_api.fixtures_lists"]


@pytest.fixture(autouse=True)
def _transactional_tests_restore_migrated_rows(request: pytest.FixtureRequest) -> None:
    """A transactional test must use serialized rollback, whatever the order the tests run in.

    Such a test ends by emptying every table, the rows migrations made included (Wagtail's root page,
    default locale and site). Without serialized rollback the next test on the same xdist worker
    finds no root page; and the flush re-creates content types under new ids, so a later
    serialized-rollback test fails restoring the old ones (duplicate key on django_content_type).
    With it, every transactional test starts from the migrated rows and leaves nothing behind.
    """
    marker = request.node.get_closest_marker("django_db")
    transaction, _, _, serialized_rollback, _ = validate_django_db(marker) if marker else (False,) * 5
    names = request.fixturenames
    transactional = transaction or "transactional_db" in names or "live_server" in names
    if transactional and not (serialized_rollback or "django_db_serialized_rollback" in names):
        pytest.fail(
            "a transactional test must also use serialized rollback: "
            "pytest.mark.django_db(transaction=True, serialized_rollback=True) "
            "or the django_db_serialized_rollback fixture"
        )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves no cached lookups behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _requests_keep_the_test_connection() -> None:
    """The test server of ``api_url`` answers on the running test's own database connection, so no
    request may close it (``close_old_connections`` would, inside a test's transaction). ``api_url``
    disconnects that clean-up from the request signals, but Django's test ``Client`` connects it
    again after each request it makes: a later test's server requests then closed the connection
    ("connection already closed", answered 503). Disconnected again before every test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


@pytest.fixture
def site_tree(db: None) -> dict[str, Any]:
    """The home page as the default site's root, with the three section listings below it."""
    return make_site_tree()


@pytest.fixture
def redis_cache(settings: Settings) -> str:
    """A cache alias on the real Redis that `make test` starts, private to this test by its key prefix."""
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("REDIS_URL is not set: run the tests with `make test`, which starts Redis.")
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        },
    }
    return "shared"
