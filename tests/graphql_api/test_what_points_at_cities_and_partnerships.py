"""What points at a city or a partnership, as the API shows it: news, conferences, member cities.

These replace tests of ``prefetch_related`` on querysets written in the test itself: here a
regression in the API's reverse references (a lost link, a wrong order, a hidden item shown)
fails.
"""

from typing import Any

import pytest

from tests import factories

from .fixtures_lists import titles


@pytest.fixture
def linked(site_tree: dict[str, Any]) -> dict[str, Any]:
    eu4culture = factories.PartnershipFactory(name="EU4Culture", slug="eu4culture")
    other = factories.PartnershipFactory(name="Other programme", slug="other")
    kutaisi = factories.CityProfilePageFactory(
        parent=site_tree["cities"],
        title="Kutaisi",
        slug="kutaisi",
        memberships=[{"partnership": eu4culture, "role": "Winner city"}, other],
    )
    gyumri = factories.CityProfilePageFactory(
        parent=site_tree["cities"], title="Gyumri", slug="gyumri", memberships=[eu4culture]
    )
    factories.CityProfilePageFactory(parent=site_tree["cities"], title="Elsewhere", memberships=[other])
    factories.NewsPageFactory(
        parent=site_tree["news"], title="Twin cities", cities=[gyumri, kutaisi], partnerships=[eu4culture, other]
    )
    factories.NewsPageFactory(parent=site_tree["news"], title="Kutaisi hub", cities=[kutaisi], partnerships=[other])
    factories.NewsPageFactory(parent=site_tree["news"], title="Draft about Kutaisi", cities=[kutaisi], live=False)
    factories.NewsPageFactory(parent=site_tree["news"], title="Elsewhere news")
    factories.ConferencePageFactory(
        parent=site_tree["conferences"], title="Kutaisi meeting", host_city=kutaisi, partnership=eu4culture
    )
    factories.ConferencePageFactory(parent=site_tree["conferences"], title="Online meeting", partnership=other)
    return site_tree


CITY = """query ($slug: String) { city(slug: $slug) {
  newsItems(order: TITLE) { totalCount edges { node { title cities { title } } } }
  conferences { totalCount edges { node { title } } }
} }"""


def test_a_city_lists_its_published_news_and_the_conferences_it_hosts(graphql, linked):
    kutaisi = graphql(CITY, {"slug": "kutaisi"}).data["city"]
    assert titles(kutaisi["newsItems"]) == ["Kutaisi hub", "Twin cities"]
    assert kutaisi["newsItems"]["totalCount"] == 2
    assert titles(kutaisi["conferences"]) == ["Kutaisi meeting"]
    # and back again: a news item's cities in the order the editor chose
    twin = kutaisi["newsItems"]["edges"][1]["node"]
    assert twin["cities"] == [{"title": "Gyumri"}, {"title": "Kutaisi"}]

    gyumri = graphql(CITY, {"slug": "gyumri"}).data["city"]
    assert titles(gyumri["newsItems"]) == ["Twin cities"]
    assert gyumri["conferences"] == {"totalCount": 0, "edges": []}


PARTNERSHIP = """query ($slug: String) { partnership(slug: $slug) {
  cities { totalCount edges { node { title memberships { role partnership { name } } } } }
  newsItems(order: TITLE) { totalCount edges { node { title } } }
  conferences { edges { node { title } } }
} }"""


def test_a_partnership_lists_its_member_cities_news_and_conferences(graphql, linked):
    eu4culture = graphql(PARTNERSHIP, {"slug": "eu4culture"}).data["partnership"]
    assert titles(eu4culture["cities"]) == ["Gyumri", "Kutaisi"]
    kutaisi = eu4culture["cities"]["edges"][1]["node"]
    assert {"role": "Winner city", "partnership": {"name": "EU4Culture"}} in kutaisi["memberships"]
    assert titles(eu4culture["newsItems"]) == ["Twin cities"]
    assert titles(eu4culture["conferences"]) == ["Kutaisi meeting"]

    other = graphql(PARTNERSHIP, {"slug": "other"}).data["partnership"]
    assert titles(other["cities"]) == ["Elsewhere", "Kutaisi"]
    assert other["newsItems"]["totalCount"] == 2
    assert titles(other["conferences"]) == ["Online meeting"]
