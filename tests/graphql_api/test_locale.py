"""``locale:`` on lists and look-ups: translations replace their original, the rest falls back to English."""

import datetime

import pytest

from news.models import NewsPage
from tests import factories

from .fixtures_lists import BASE_URL, BY_TITLE, NEWEST, NEWS_TITLES, french, titles, translate

FORUM = "Le forum culturel s'ouvre à Koutaïssi"

NEWS = """query($locale: String, $order: NewsOrder! = NEWEST, $filter: NewsFilter, $first: Int, $after: String) {
  newsItems(locale: $locale, order: $order, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { node { title slug locale url urlPath translations { __typename title locale url } } }
    pageInfo { hasNextPage endCursor }
  }
}"""


@pytest.fixture
def forum(programme):
    """news-1 in French, published."""
    return translate(programme["news_items"][0], title=FORUM)


def nodes(connection):
    return [edge["node"] for edge in connection["edges"]]


def test_a_french_translation_replaces_its_original_in_french_lists(graphql, forum):
    connection = graphql(NEWS, {"locale": "fr"}).data["newsItems"]
    assert titles(connection) == [*NEWEST[:4], FORUM]
    assert connection["totalCount"] == 5
    assert [node["locale"] for node in nodes(connection)] == ["en", "en", "en", "en", "fr"]
    french_item = nodes(connection)[-1]
    assert french_item["url"] == f"{BASE_URL}/fr/news/news-1/"
    assert french_item["urlPath"] == "/news/news-1/"
    assert french_item["translations"] == [
        {"__typename": "NewsItem", "title": NEWS_TITLES[1], "locale": "en", "url": f"{BASE_URL}/news/news-1/"}
    ]
    assert all(node["translations"] == [] for node in nodes(connection)[:4])
    assert all(node["url"].startswith(f"{BASE_URL}/news/") for node in nodes(connection)[:4])


def test_english_lists_are_unchanged_and_point_to_the_translation(graphql, forum):
    for variables in ({}, {"locale": "en"}):
        connection = graphql(NEWS, variables).data["newsItems"]
        assert titles(connection) == NEWEST
        assert {node["locale"] for node in nodes(connection)} == {"en"}
        original = nodes(connection)[-1]
        assert original["translations"] == [
            {"__typename": "NewsItem", "title": FORUM, "locale": "fr", "url": f"{BASE_URL}/fr/news/news-1/"}
        ]


def test_french_titles_order_french_lists(graphql, forum):
    assert titles(graphql(NEWS, {"locale": "fr", "order": "TITLE"}).data["newsItems"]) == [
        *BY_TITLE[:2],
        *BY_TITLE[3:],
        FORUM,
    ]
    seen, after = [], None
    for _ in range(4):
        connection = graphql(NEWS, {"locale": "fr", "order": "TITLE", "first": 2, "after": after}).data["newsItems"]
        seen += titles(connection)
        after = connection["pageInfo"]["endCursor"]
        if not connection["pageInfo"]["hasNextPage"]:
            break
    assert seen == [*BY_TITLE[:2], *BY_TITLE[3:], FORUM]


def test_filters_apply_to_french_lists(graphql, forum):
    connection = graphql(NEWS, {"locale": "fr", "filter": {"city": "gyumri"}}).data["newsItems"]
    assert titles(connection) == [NEWS_TITLES[3], FORUM]
    connection = graphql(NEWS, {"locale": "fr", "filter": {"conference": "regional-network-conference"}}).data
    assert titles(connection["newsItems"]) == [FORUM]


def test_a_draft_translation_does_not_hide_the_live_original(graphql, programme):
    translate(programme["news_items"][1], publish=False, title="Barcelone: brouillon")
    connection = graphql(NEWS, {"locale": "fr"}).data["newsItems"]
    assert titles(connection) == NEWEST
    assert connection["totalCount"] == 5
    original = next(node for node in nodes(connection) if node["slug"] == "news-2")
    assert original["locale"] == "en"
    assert original["translations"] == []
    item = graphql('{ newsItem(slug: "news-2", locale: "fr") { title locale } }').data["newsItem"]
    assert item == {"title": NEWS_TITLES[2], "locale": "en"}


def test_an_unpublished_original_keeps_its_live_translation(graphql, programme, forum):
    NewsPage.objects.get(pk=programme["news_items"][0].pk).unpublish()
    assert titles(graphql(NEWS, {"locale": "fr"}).data["newsItems"]) == [*NEWEST[:4], FORUM]
    assert titles(graphql(NEWS).data["newsItems"]) == NEWEST[:4]


LOOKUP = """query($slug: String, $id: ID, $locale: String) {
  newsItem(slug: $slug, id: $id, locale: $locale) { id title locale url translations { title locale } }
}"""


def test_news_item_lookup_in_french(graphql, programme, forum):
    english_id = str(programme["news_items"][0].pk)
    by_slug = graphql(LOOKUP, {"slug": "news-1", "locale": "fr"}).data["newsItem"]
    by_english_id = graphql(LOOKUP, {"id": english_id, "locale": "fr"}).data["newsItem"]
    by_french_id = graphql(LOOKUP, {"id": str(forum.pk), "locale": "fr"}).data["newsItem"]
    assert by_slug == by_english_id == by_french_id
    assert by_slug == {
        "id": str(forum.pk),
        "title": FORUM,
        "locale": "fr",
        "url": f"{BASE_URL}/fr/news/news-1/",
        "translations": [{"title": NEWS_TITLES[1], "locale": "en"}],
    }
    untranslated = graphql(LOOKUP, {"slug": "news-3", "locale": "fr"}).data["newsItem"]
    assert untranslated == {
        "id": str(programme["news_items"][2].pk),
        "title": NEWS_TITLES[3],
        "locale": "en",
        "url": f"{BASE_URL}/news/news-3/",
        "translations": [],
    }
    english = graphql(LOOKUP, {"slug": "news-1"}).data["newsItem"]
    assert english["title"] == NEWS_TITLES[1]
    assert english["translations"] == [{"title": FORUM, "locale": "fr"}]


def test_relations_come_in_french_where_translated(graphql, programme, forum):
    translate(programme["kutaisi"], title="Koutaïssi")
    item = graphql(
        """{ newsItem(slug: "news-1", locale: "fr") {
             title cities { title locale url } conference { title locale hostCity { title } } } }"""
    ).data["newsItem"]
    assert item["cities"] == [
        {"title": "Koutaïssi", "locale": "fr", "url": f"{BASE_URL}/fr/cities/kutaisi/"},
        {"title": "Gyumri", "locale": "en", "url": f"{BASE_URL}/cities/gyumri/"},
    ]
    assert item["conference"] == {
        "title": "Regional Network Conference",
        "locale": "en",
        "hostCity": {"title": "Koutaïssi"},
    }
    english = graphql('{ newsItem(slug: "news-1") { cities { title locale } } }').data["newsItem"]
    assert english["cities"] == [{"title": "Kutaisi", "locale": "en"}, {"title": "Gyumri", "locale": "en"}]


def test_cities_and_their_news_in_french(graphql, programme, forum):
    translate(programme["kutaisi"], title="Koutaïssi")
    data = graphql(
        """{ cities(locale: "fr") { totalCount edges { node { title locale url
             newsItems(first: 5) { totalCount edges { node { title locale } } } } } } }"""
    ).data["cities"]
    assert titles(data) == ["Barcelona", "Gyumri", "Koutaïssi", "Tbilisi"]
    assert data["totalCount"] == 4
    by_title = {node["title"]: node for node in nodes(data)}
    assert by_title["Koutaïssi"]["locale"] == "fr"
    assert by_title["Koutaïssi"]["url"] == f"{BASE_URL}/fr/cities/kutaisi/"
    assert titles(by_title["Koutaïssi"]["newsItems"]) == [NEWS_TITLES[5], NEWS_TITLES[3], FORUM]
    assert by_title["Koutaïssi"]["newsItems"]["totalCount"] == 3
    assert titles(by_title["Gyumri"]["newsItems"]) == [NEWS_TITLES[3], FORUM]
    city = graphql('{ city(slug: "kutaisi", locale: "fr") { title locale translations { title locale } } }').data
    assert city["city"] == {
        "title": "Koutaïssi",
        "locale": "fr",
        "translations": [{"title": "Kutaisi", "locale": "en"}],
    }


def test_conferences_in_french(graphql, programme):
    translate(programme["second_conference"], title="Deuxième conférence du réseau")
    data = graphql(
        '{ conferences(locale: "fr") { totalCount edges { node { title locale previousEdition { title } } } } }'
    )
    connection = data.data["conferences"]
    assert titles(connection) == ["Regional Network Conference", "Deuxième conférence du réseau"]
    assert [node["locale"] for node in nodes(connection)] == ["en", "fr"]
    assert nodes(connection)[1]["previousEdition"] == {"title": "Regional Network Conference"}
    first = graphql(
        '{ conference(slug: "regional-network-conference", locale: "fr") { title nextEdition { title locale } } }'
    ).data["conference"]
    assert first == {
        "title": "Regional Network Conference",
        "nextEdition": {"title": "Deuxième conférence du réseau", "locale": "fr"},
    }


def test_partnerships_in_french(graphql, programme):
    network = programme["network"].copy_for_translation(french())
    network.name = "Réseau des villes EU4Culture"
    network.save()
    data = graphql('{ partnerships(locale: "fr") { totalCount edges { node { name slug locale } } } }').data
    assert nodes(data["partnerships"]) == [
        {"name": "EU4Culture", "slug": "eu4culture", "locale": "en"},
        {"name": "Réseau des villes EU4Culture", "slug": "eu4culture-network", "locale": "fr"},
        {"name": "Urban Agenda Culture", "slug": "urban-agenda-culture", "locale": "en"},
    ]
    assert data["partnerships"]["totalCount"] == 3
    one = graphql('{ partnership(slug: "eu4culture-network", locale: "fr") { name locale parent { name } } }').data
    assert one["partnership"] == {
        "name": "Réseau des villes EU4Culture",
        "locale": "fr",
        "parent": {"name": "EU4Culture"},
    }
    english = graphql('{ partnership(slug: "eu4culture-network") { name locale } }').data["partnership"]
    assert english == {"name": "EU4Culture Cities Network", "locale": "en"}
    item = graphql('{ newsItem(slug: "news-3", locale: "fr") { partnerships { name } } }').data["newsItem"]
    assert item["partnerships"] == [{"name": "Réseau des villes EU4Culture"}]


def test_an_item_only_in_french_is_only_in_french_lists(graphql, programme, forum):
    french_index = forum.get_parent()
    factories.NewsPageFactory(
        parent=french_index, title="Seulement en français", locale=french(), date=datetime.date(2022, 9, 1)
    )
    assert "Seulement en français" in titles(graphql(NEWS, {"locale": "fr"}).data["newsItems"])
    assert "Seulement en français" not in titles(graphql(NEWS).data["newsItems"])


ROOT_FIELDS = {
    "newsItems": '{ newsItems(locale: "xx") { totalCount } }',
    "newsItem": '{ newsItem(slug: "news-1", locale: "xx") { title } }',
    "topics": '{ topics(locale: "xx") { slug } }',
    "conferences": '{ conferences(locale: "xx") { totalCount } }',
    "conference": '{ conference(slug: "regional-network-conference", locale: "xx") { title } }',
    "cities": '{ cities(locale: "xx") { totalCount } }',
    "city": '{ city(slug: "kutaisi", locale: "xx") { title } }',
    "partnerships": '{ partnerships(locale: "xx") { totalCount } }',
    "partnership": '{ partnership(slug: "eu4culture", locale: "xx") { name } }',
    "search": '{ search(query: "Kutaisi", locale: "xx") { totalCount } }',
    "page": '{ page(urlPath: "/", locale: "xx") { title } }',
}


@pytest.mark.parametrize("field", ROOT_FIELDS)
def test_an_unknown_locale_is_bad_user_input(graphql, programme, field):
    response = graphql(ROOT_FIELDS[field])
    assert response.codes == ["BAD_USER_INPUT"]
    assert "xx" in response.errors[0]["message"]
    assert "en, fr" in response.errors[0]["message"]
    assert response.body["data"] in (None, {field: None})


EDITIONS = """query($slug: String!) { conference(slug: $slug, locale: "fr") {
  title locale previousEdition { title locale } nextEdition { title locale }
} }"""


def test_editions_link_up_in_french(graphql, programme):
    """Each translation of an edition points at the same previous edition; the next one is found from any."""
    translate(programme["first_conference"], title="Conférence régionale du réseau")
    first = graphql(EDITIONS, {"slug": "regional-network-conference"}).data["conference"]
    assert first == {
        "title": "Conférence régionale du réseau",
        "locale": "fr",
        "previousEdition": None,
        "nextEdition": {"title": "Second Network Conference", "locale": "en"},
    }
    translate(programme["second_conference"], title="Deuxième conférence du réseau")
    first = graphql(EDITIONS, {"slug": "regional-network-conference"}).data["conference"]
    assert first["nextEdition"] == {"title": "Deuxième conférence du réseau", "locale": "fr"}
    second = graphql(EDITIONS, {"slug": "second-network-conference"}).data["conference"]
    assert second["previousEdition"] == {"title": "Conférence régionale du réseau", "locale": "fr"}
    assert second["nextEdition"] is None
