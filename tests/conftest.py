"""Fixtures every test area shares: a site tree like the one editors work in.

Fixture modules of one area are registered here as plugins, so tests ask for their fixtures by
name instead of importing them.
"""

from typing import Any

import pytest
from django.core.cache import cache

from tests.factories import make_site_tree

pytest_plugins = ["tests.graphql_api.fixtures_lists"]


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
