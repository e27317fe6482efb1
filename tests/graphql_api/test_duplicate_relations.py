"""A link to two language versions of one item shows that item once: in lists, counts and reverse references."""

from typing import Any

import pytest

from home.models import FrontendSettings
from news.models import NewsPageCity
from tests import factories

from .fixtures_lists import french, titles, translate


@pytest.fixture
def linked_twice(db: None) -> dict[str, Any]:
    """News 1 links the English and the French Kutaisi, and the English and French network; 2 and 3 link once."""
    tree = factories.make_site_tree()
    FrontendSettings.objects.update_or_create(site=tree["site"], defaults={"base_url": "https://www.example.org"})
    network = factories.PartnershipFactory(name="Network", slug="network")
    network_fr = network.copy_for_translation(french())
    network_fr.name = "Réseau"
    network_fr.save()
    kutaisi = factories.CityProfilePageFactory(parent=tree["cities"], title="Kutaisi", slug="kutaisi")
    gyumri = factories.CityProfilePageFactory(parent=tree["cities"], title="Gyumri", slug="gyumri")
    kutaisi_fr = translate(kutaisi, title="Koutaïssi")
    news = [
        factories.NewsPageFactory(
            parent=tree["news"], title=f"News {n}", slug=f"news-{n}", cities=[kutaisi, gyumri], partnerships=[network]
        )
        for n in (1, 2, 3)
    ]
    # What an import or an edit made before the admin refused it: the French city and network next to the English.
    NewsPageCity.objects.create(page=news[0], city=kutaisi_fr, sort_order=2)
    news[0].partnerships.add(network_fr)
    news[0].save()
    return {"news": news, "kutaisi": kutaisi, "network": network}


def test_a_news_item_lists_each_city_and_partnership_once(graphql, linked_twice):
    item = graphql('{ newsItem(slug: "news-1") { cities { title } partnerships { name } } }').data["newsItem"]
    assert item == {"cities": [{"title": "Kutaisi"}, {"title": "Gyumri"}], "partnerships": [{"name": "Network"}]}

    french_item = graphql('{ newsItem(slug: "news-1", locale: "fr") { cities { title } partnerships { name } } }')
    assert french_item.data["newsItem"] == {
        "cities": [{"title": "Koutaïssi"}, {"title": "Gyumri"}],
        "partnerships": [{"name": "Réseau"}],
    }


def kutaisi(graphql, selection: str, through: str, **variables: Any) -> dict[str, Any]:
    """Kutaisi with ``selection``, looked up alone (one parent: a plain query) or in the list of
    cities (several parents: one windowed query for all of them)."""
    declared = "(" + ", ".join(f"${name}: String" for name in variables) + ")"
    if through == "lookup":
        return graphql(
            f'query {declared} {{ city(slug: "kutaisi", locale: $locale) {{ {selection} }} }}', variables
        ).data["city"]
    cities = graphql(
        f"query {declared} {{ cities(locale: $locale) {{ edges {{ node {{ slug {selection} }} }} }} }}", variables
    )
    nodes = [edge["node"] for edge in cities.data["cities"]["edges"]]
    assert len(nodes) == 2  # Gyumri is a parent too, so the window partitions by city
    return next(node for node in nodes if node["slug"] == "kutaisi")


@pytest.mark.parametrize("through", ["lookup", "list"])
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_a_city_counts_and_lists_each_news_item_once(graphql, linked_twice, locale, through):
    selection = """all: newsItems(first: 10) { totalCount edges { node { title } } pageInfo { hasNextPage } }
        firstTwo: newsItems(first: 2, order: OLDEST) { edges { node { title } } pageInfo { hasNextPage endCursor } }"""
    city = kutaisi(graphql, selection, through, locale=locale)
    assert city["all"]["totalCount"] == 3
    assert titles(city["all"]) == ["News 3", "News 2", "News 1"]
    assert city["all"]["pageInfo"]["hasNextPage"] is False
    # The duplicate takes no place of its own on a page: the first page of two is two items, with one more after.
    assert titles(city["firstTwo"]) == ["News 1", "News 2"]
    assert city["firstTwo"]["pageInfo"]["hasNextPage"] is True
    rest_selection = (
        "newsItems(first: 2, order: OLDEST, after: $after) { edges { node { title } } pageInfo { hasNextPage } }"
    )
    rest = kutaisi(graphql, rest_selection, through, locale=locale, after=city["firstTwo"]["pageInfo"]["endCursor"])
    assert titles(rest["newsItems"]) == ["News 3"]
    assert rest["newsItems"]["pageInfo"]["hasNextPage"] is False


def test_a_partnership_counts_and_lists_each_news_item_once(graphql, linked_twice):
    query = '{ partnership(slug: "network") { newsItems(first: 10) { totalCount edges { node { title } } } } }'
    news = graphql(query).data["partnership"]["newsItems"]
    assert news["totalCount"] == 3
    assert titles(news) == ["News 3", "News 2", "News 1"]


def test_the_root_list_filtered_by_city_has_each_item_once(graphql, linked_twice):
    news = graphql('{ newsItems(filter: {city: "kutaisi"}) { totalCount edges { node { title } } } }').data
    assert news["newsItems"]["totalCount"] == 3
    assert titles(news["newsItems"]) == ["News 3", "News 2", "News 1"]


def test_a_city_lists_each_partnership_it_belongs_to_once_in_the_editors_order(graphql, db):
    tree = factories.make_site_tree()
    network = factories.PartnershipFactory(name="Network", slug="network")
    network_fr = network.copy_for_translation(french())
    network_fr.name = "Réseau"
    network_fr.save()
    programme = factories.PartnershipFactory(name="Programme", slug="programme")
    factories.CityProfilePageFactory(
        parent=tree["cities"],
        title="Kutaisi",
        slug="kutaisi",
        memberships=[
            {"partnership": network, "role": "Member", "since_year": 2021},
            programme,
            {"partnership": network_fr, "role": "Membre", "since_year": 2022},
        ],
    )
    query = """query ($locale: String) { city(slug: "kutaisi", locale: $locale) {
        memberships { partnership { name } role sinceYear } } }"""
    assert graphql(query, {"locale": "en"}).data["city"]["memberships"] == [
        {"partnership": {"name": "Network"}, "role": "Member", "sinceYear": 2021},
        {"partnership": {"name": "Programme"}, "role": "", "sinceYear": None},
    ]
    assert graphql(query, {"locale": "fr"}).data["city"]["memberships"][0]["partnership"] == {"name": "Réseau"}
