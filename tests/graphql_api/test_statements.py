"""Statements compiled once: each run's values land where the stand-ins were, and the rows are what
the queryset itself would give."""

import datetime

import pytest
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from cities.models import CityProfilePage
from graphql_api.statements import DATE, KEY, MOMENT, TEXT, fetch_for_ids, prepare, prepare_count, prepare_subquery
from tests import factories

from .fixtures_safety import other_site

NOW = timezone.now()


@pytest.fixture
def cities(db):
    tree = factories.make_site_tree()
    made = [
        factories.CityProfilePageFactory(parent=tree["cities"], title=name, slug=name.lower(), country=country)
        for name, country in (("Kutaisi", "GE"), ("Gyumri", "AM"), ("Batumi", "GE"), ("Tbilisi", "GE"))
    ]
    made[2].expire_at = NOW + datetime.timedelta(days=1)  # Batumi's profile is taken down tomorrow
    made[2].save()
    return made


def _below_depth_two(**keys):
    # A constant parameter (the depth) beside the keys, and an order the subquery has no use for.
    return Page.objects.filter(translation_key__in=list(keys.values()), depth__gt=2).order_by("-title").values("pk")


def test_a_subquery_s_bound_keys_find_what_the_queryset_finds_for_them(cities):
    subquery = prepare_subquery({"a": KEY, "b": KEY}, _below_depth_two)
    for pair in ([cities[0], cities[1]], [cities[3], cities[2]], [cities[1], cities[3]]):
        keys = {"a": pair[0].translation_key, "b": pair[1].translation_key}
        found = Page.objects.filter(pk__in=subquery.bind(**keys)).values_list("pk", flat=True)
        assert sorted(found) == sorted(city.pk for city in pair)
        assert sorted(found) == sorted(_below_depth_two(**keys).values_list("pk", flat=True))
    assert "ORDER BY" not in subquery.bound.sql
    assert subquery.bound.constants.count(2) == 1  # the depth stays a constant, not a key's place


def _public_city(value, now):
    shown = CityProfilePage.objects.filter(live=True).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    return shown.filter(slug=value).only("title", "slug", "country", "translation_key", "locale")


@pytest.mark.parametrize("slug", ["kutaisi", "gyumri", "batumi", "nowhere"])
@pytest.mark.parametrize("days", [0, 2])
def test_a_statement_gives_the_rows_its_queryset_gives_for_each_value(cities, slug, days):
    statement = prepare({"value": TEXT, "now": MOMENT}, _public_city)
    now = NOW + datetime.timedelta(days=days)
    fetched = statement.fetch(value=slug, now=now)
    expected = list(_public_city(slug, now))
    assert [(city.pk, city.title, city.country, city.translation_key) for city in fetched] == [
        (city.pk, city.title, city.country, city.translation_key) for city in expected
    ]
    assert len(fetched) == (slug != "nowhere" and not (slug == "batumi" and days == 2))
    for city in fetched:
        assert type(city) is CityProfilePage
        assert city.country.name  # converted from the column, as the queryset does (a django-countries Country)
        assert city.get_deferred_fields() >= {"body", "summary"}


def _depth_and_slug(pks):
    # The annotation is asked for first, and Django selects it first: tuples follow the asked order.
    return Page.objects.filter(pk__in=pks).annotate(twice=F("depth") * 2).order_by("slug").values_list("twice", "slug")


def test_tuples_for_ids_are_the_values_list_s_for_each_number_of_ids(cities):
    for chosen in ([cities[0]], [cities[3], cities[1]], cities, []):
        pks = [city.pk for city in chosen]
        assert fetch_for_ids(_depth_and_slug, pks) == list(_depth_and_slug(pks))
    assert fetch_for_ids(_depth_and_slug, [cities[0].pk]) == [(8, "kutaisi")]


def _public_in_country(country, now, today):
    return CityProfilePage.objects.filter(live=True, country=country).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


@pytest.mark.parametrize("days", [0, 2])
def test_a_count_gives_the_queryset_s_count_for_each_value(cities, days):
    counting = prepare_count(
        {"country": TEXT, "now": MOMENT, "today": DATE}, _public_in_country, optional=frozenset({"today"})
    )
    now = NOW + datetime.timedelta(days=days)
    for country in ("GE", "AM", "FR"):
        expected = _public_in_country(country, now, None).count()
        assert counting.count(country=country, now=now, today=now.date()) == expected
    assert counting.count(country="GE", now=now, today=now.date()) == (3 if days == 0 else 2)  # Batumi expired


def test_a_stand_in_that_never_reaches_the_sql_is_refused(db):
    with pytest.raises(ValueError, match="not parameters of their own"):
        prepare_subquery({"key": KEY}, lambda key: Page.objects.filter(depth=1).values("pk"))


def test_none_and_unknown_values_are_refused(cities):
    statement = prepare({"value": TEXT, "now": MOMENT}, _public_city)
    with pytest.raises(ValueError, match="changes the SQL"):
        statement.fetch(value=None, now=NOW)
    with pytest.raises(ValueError, match="takes"):
        statement.fetch(value="kutaisi")


def _cities_with_image(value):
    return CityProfilePage.objects.filter(slug=value).select_related("image", "locale")


def test_select_related_objects_come_built_as_the_queryset_builds_them(cities):
    cities[1].image = factories.ImageFactory(title="Gyumri square")
    cities[1].save()
    statement = prepare({"value": TEXT}, _cities_with_image)
    for city in cities[:2]:
        (fetched,) = statement.fetch(value=city.slug)
        (expected,) = _cities_with_image(city.slug)
        assert (fetched.pk, fetched.title) == (expected.pk, expected.title)
        assert fetched.locale.language_code == expected.locale.language_code == "en"
        assert (fetched.image and fetched.image.title) == (expected.image and expected.image.title)
    with CaptureQueriesContext(connection) as queries:
        assert statement.fetch(value="gyumri")[0].image.title == "Gyumri square"
    assert len(queries) == 1  # the image came with the row


def test_annotated_instances_cannot_be_prepared(cities):
    with pytest.raises(ValueError, match="without annotations"):
        prepare(
            {"value": TEXT}, lambda value: CityProfilePage.objects.filter(slug=value).annotate(twice=F("depth") * 2)
        )


def test_a_statement_is_never_shared_between_sites(db, client):
    """Two sites with a city and a news item of the same slugs: each host gets its own, whichever
    asked first (the site's roots are part of every statement's shape)."""
    trees = {"localhost": factories.make_site_tree(), "other.example.org": other_site()}
    for host, tree in trees.items():
        city = factories.CityProfilePageFactory(parent=tree["cities"], title=f"Kutaisi of {host}", slug="kutaisi")
        factories.NewsPageFactory(parent=tree["news"], title=f"News of {host}", slug="news", cities=[city])
    query = """{ city(slug: "kutaisi") { title newsItems { edges { node { title } } } }
        newsItem(slug: "news") { title cities { title } } newsItems { edges { node { title } } } }"""
    for host in ["other.example.org", "localhost", "other.example.org", "localhost"]:
        answer = client.post("/graphql/", {"query": query}, content_type="application/json", HTTP_HOST=host).json()
        assert answer["data"] == {
            "city": {"title": f"Kutaisi of {host}", "newsItems": {"edges": [{"node": {"title": f"News of {host}"}}]}},
            "newsItem": {"title": f"News of {host}", "cities": [{"title": f"Kutaisi of {host}"}]},
            "newsItems": {"edges": [{"node": {"title": f"News of {host}"}}]},
        }
