"""Fixtures every test area shares: a site tree like the one editors work in.

Fixture modules of one area are registered here as plugins, so tests ask for their fixtures by
name instead of importing them.
"""

from typing import Any

import pytest
from django.core.cache import cache
from pytest_django.fixtures import validate_django_db

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


@pytest.fixture
def site_tree(db: None) -> dict[str, Any]:
    """The home page as the default site's root, with the three section listings below it."""
    return make_site_tree()
