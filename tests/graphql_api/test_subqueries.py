"""Subqueries compiled once: each request's keys land where the stand-ins were, and nothing else changes."""

import pytest
from wagtail.models import Page

from graphql_api.subqueries import compile_with_keys
from tests import factories


@pytest.fixture
def cities(db):
    tree = factories.make_site_tree()
    return [
        factories.CityProfilePageFactory(parent=tree["cities"], title=name, slug=name.lower())
        for name in ("Kutaisi", "Gyumri", "Batumi", "Tbilisi")
    ]


def _below_depth_two(keys):
    # A constant parameter (the depth) next to the keys, and an order the subquery has no use for.
    return Page.objects.filter(translation_key__in=keys, depth__gt=2).order_by("-title").values("pk")


def test_bound_keys_find_what_the_queryset_finds_for_them(cities):
    compiled = compile_with_keys(2, _below_depth_two)
    for pair in ([cities[0], cities[1]], [cities[3], cities[2]], [cities[1], cities[3]]):
        keys = [city.translation_key for city in pair]
        found = Page.objects.filter(pk__in=compiled.bind(keys)).values_list("pk", flat=True)
        assert sorted(found) == sorted(city.pk for city in pair)
        assert sorted(found) == sorted(_below_depth_two(keys).values_list("pk", flat=True))
    assert "ORDER BY" not in compiled.sql
    assert compiled.constants.count(2) == 1  # the depth stays a parameter, not a key's place


def test_a_stand_in_that_never_reaches_the_sql_is_refused(db):
    with pytest.raises(ValueError, match="stand-in"):
        compile_with_keys(1, lambda keys: Page.objects.filter(depth=1).values("pk"))


def test_binding_another_number_of_keys_is_refused(cities):
    compiled = compile_with_keys(2, _below_depth_two)
    with pytest.raises(ValueError, match="takes 2 keys, not 1"):
        compiled.bind([cities[0].translation_key])
