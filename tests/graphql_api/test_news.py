"""The ``newsItems`` and ``newsItem`` root fields: filters, orders, look-ups and the item's relations."""

import datetime

import pytest

from tests import factories

from .fixtures_lists import BASE_URL, BY_TITLE, NEWEST, NEWS_TITLES, OLDEST, titles, translate

LIST = """query($filter: NewsFilter, $order: NewsOrder! = NEWEST) {
  newsItems(filter: $filter, order: $order) { totalCount edges { node { title } } }
}"""


def news_titles(graphql, **variables):
    connection = graphql(LIST, variables).data["newsItems"]
    assert connection["totalCount"] == len(connection["edges"])
    return titles(connection)


def test_lists_published_news_newest_first_by_default(graphql, programme):
    data = graphql("{ newsItems { totalCount edges { node { title date slug } } } }").data["newsItems"]
    assert titles(data) == NEWEST
    assert data["totalCount"] == 5
    assert [edge["node"]["date"] for edge in data["edges"]] == [f"2022-10-0{n}" for n in (5, 4, 3, 2, 1)]
    assert "Draft about Kutaisi" not in titles(data)


@pytest.mark.parametrize(("order", "expected"), [("NEWEST", NEWEST), ("OLDEST", OLDEST), ("TITLE", BY_TITLE)])
def test_orders(graphql, programme, order, expected):
    assert news_titles(graphql, order=order) == expected


def test_items_of_the_same_day_keep_a_stable_order(graphql, programme):
    same_day = [
        factories.NewsPageFactory(parent=programme["news"], title=f"Same day {n}", date=datetime.date(2022, 10, 3))
        for n in range(2)
    ]
    newest = news_titles(graphql, order="NEWEST")
    oldest = news_titles(graphql, order="OLDEST")
    # Ties are broken by ID, in the direction of the date.
    assert newest[2:5] == ["Same day 1", "Same day 0", NEWS_TITLES[3]]
    assert oldest[2:5] == [NEWS_TITLES[3], "Same day 0", "Same day 1"]
    assert same_day[0].pk < same_day[1].pk


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"city": "kutaisi"}, [5, 3, 1]),
        ({"city": "gyumri"}, [3, 1]),
        ({"city": "barcelona"}, [4, 2]),
        ({"city": "batumi"}, []),  # a draft city matches nothing
        ({"city": "nowhere"}, []),
        ({"country": "GE"}, [5, 3, 1]),
        ({"country": "es"}, [4, 2]),
        ({"country": "AM"}, [3, 1]),
        ({"country": "FR"}, []),
        ({"partnership": "eu4culture"}, [5, 2]),
        ({"partnership": "eu4culture-network"}, [5, 4, 3, 1]),
        ({"partnership": "urban-agenda-culture"}, []),
        ({"topic": "culture"}, [5, 3, 1]),
        ({"topic": "mobility"}, [4, 3, 2]),
        ({"topic": "secret"}, []),
        ({"conference": "regional-network-conference"}, [1]),
        ({"conference": "second-network-conference"}, [5]),
        ({"dateFrom": "2022-10-03"}, [5, 4, 3]),
        ({"dateTo": "2022-10-02"}, [2, 1]),
        ({"dateFrom": "2022-10-02", "dateTo": "2022-10-04"}, [4, 3, 2]),
        ({"dateFrom": "2022-10-04", "dateTo": "2022-10-04"}, [4]),
        ({"dateFrom": "2022-10-05", "dateTo": "2022-10-01"}, []),
        ({"city": "kutaisi", "topic": "mobility"}, [3]),
        ({"country": "GE", "partnership": "eu4culture"}, [5]),
        ({"partnership": "eu4culture-network", "dateFrom": "2022-10-02", "dateTo": "2022-10-04"}, [4, 3]),
        ({"city": "barcelona", "topic": "culture"}, []),
    ],
    ids=repr,
)
def test_filters(graphql, programme, where, expected):
    assert news_titles(graphql, filter=where) == [NEWS_TITLES[n] for n in expected]


def test_filter_and_order_together(graphql, programme):
    assert news_titles(graphql, filter={"topic": "mobility"}, order="TITLE") == [
        NEWS_TITLES[4],
        NEWS_TITLES[2],
        NEWS_TITLES[3],
    ]


def test_filter_by_city_matches_the_city_in_any_language(graphql, programme):
    """A news item linked to the French version of a city is news about that city."""
    koutaissi = translate(programme["kutaisi"], title="Koutaïssi", slug="koutaissi")
    factories.NewsPageFactory(
        parent=programme["news"], title="Linked to the French city", date=datetime.date(2022, 9, 1), cities=[koutaissi]
    )
    expected = [NEWS_TITLES[5], NEWS_TITLES[3], NEWS_TITLES[1], "Linked to the French city"]
    assert news_titles(graphql, filter={"city": "kutaisi"}) == expected
    assert news_titles(graphql, filter={"city": "koutaissi"}) == expected


ITEM = """query($slug: String, $id: ID) {
  newsItem(slug: $slug, id: $id) { id title slug date locale urlPath url }
}"""


def test_news_item_by_slug(graphql, programme):
    item = graphql(ITEM, {"slug": "news-3"}).data["newsItem"]
    assert item == {
        "id": str(programme["news_items"][2].pk),
        "title": NEWS_TITLES[3],
        "slug": "news-3",
        "date": "2022-10-03",
        "locale": "en",
        "urlPath": "/news/news-3/",
        "url": f"{BASE_URL}/news/news-3/",
    }


def test_news_item_by_id(graphql, programme):
    item = graphql(ITEM, {"id": str(programme["news_items"][1].pk)}).data["newsItem"]
    assert item["slug"] == "news-2"
    assert item["title"] == NEWS_TITLES[2]


@pytest.mark.parametrize(
    "variables", [{"slug": "no-such-item"}, {"slug": "draft"}, {"id": "999999999"}], ids=["unknown", "draft", "no-id"]
)
def test_unknown_or_unpublished_item_is_null_without_error(graphql, programme, variables):
    response = graphql(ITEM, variables)
    assert response.status == 200
    assert response.errors == []
    assert response.data == {"newsItem": None}


def test_item_of_another_type_is_not_a_news_item(graphql, programme):
    assert graphql(ITEM, {"id": str(programme["kutaisi"].pk)}).data == {"newsItem": None}
    assert graphql(ITEM, {"slug": "kutaisi"}).data == {"newsItem": None}


@pytest.mark.parametrize(
    "variables", [{}, {"slug": "news-1", "id": "1"}, {"id": "abc"}], ids=["neither", "both", "bad-id"]
)
def test_lookup_needs_exactly_one_valid_key(graphql, programme, variables):
    response = graphql(ITEM, variables)
    assert response.codes == ["BAD_USER_INPUT"]
    assert response.body["data"] == {"newsItem": None}


RELATIONS = """query($slug: String!) { newsItem(slug: $slug) {
  cities { title slug countryCode }
  partnerships { name slug kind }
  organisations { name acronym kind countryCode parent { name } }
  conference { title slug startDate hostCity { title } }
  topics { name slug newsCount }
} }"""


def test_relations_of_an_item(graphql, programme):
    item = graphql(RELATIONS, {"slug": "news-1"}).data["newsItem"]
    assert item["cities"] == [
        {"title": "Kutaisi", "slug": "kutaisi", "countryCode": "GE"},
        {"title": "Gyumri", "slug": "gyumri", "countryCode": "AM"},
    ]
    assert item["partnerships"] == [
        {"name": "EU4Culture Cities Network", "slug": "eu4culture-network", "kind": "NETWORK"}
    ]
    assert item["organisations"] == [
        {
            "name": "DG NEAR",
            "acronym": "DG NEAR",
            "kind": "DIRECTORATE",
            "countryCode": "",
            "parent": {"name": "European Commission"},
        },
        {"name": "Kutaisi City Hall", "acronym": "", "kind": "LOCAL_AUTHORITY", "countryCode": "GE", "parent": None},
    ]
    assert item["conference"] == {
        "title": "Regional Network Conference",
        "slug": "regional-network-conference",
        "startDate": "2022-10-06",
        "hostCity": {"title": "Kutaisi"},
    }
    assert item["topics"] == [{"name": "culture", "slug": "culture", "newsCount": None}]


def test_cities_come_in_the_editors_order(graphql, programme):
    """news-3 lists Gyumri before Kutaisi; news-1 the other way round."""
    assert [city["title"] for city in graphql(RELATIONS, {"slug": "news-3"}).data["newsItem"]["cities"]] == [
        "Gyumri",
        "Kutaisi",
    ]
    item = factories.NewsPageFactory(
        parent=programme["news"],
        cities=[programme["tbilisi"], programme["barcelona"], programme["gyumri"], programme["kutaisi"]],
    )
    cities = graphql(RELATIONS, {"slug": item.slug}).data["newsItem"]["cities"]
    assert [city["title"] for city in cities] == ["Tbilisi", "Barcelona", "Gyumri", "Kutaisi"]


def test_relations_leave_out_what_is_not_published(graphql, programme):
    """news-5 is about Kutaisi and the draft Batumi; an unpublished conference reads as null."""
    item = graphql(RELATIONS, {"slug": "news-5"}).data["newsItem"]
    assert [city["title"] for city in item["cities"]] == ["Kutaisi"]
    assert [p["name"] for p in item["partnerships"]] == ["EU4Culture", "EU4Culture Cities Network"]
    assert item["conference"]["title"] == "Second Network Conference"
    draft_conference = factories.ConferencePageFactory(parent=programme["conferences"], live=False)
    news = factories.NewsPageFactory(parent=programme["news"], conference=draft_conference)
    assert graphql(RELATIONS, {"slug": news.slug}).data["newsItem"]["conference"] is None


def test_an_item_without_relations(graphql, programme):
    news = factories.NewsPageFactory(parent=programme["news"], title="Alone")
    assert graphql(RELATIONS, {"slug": news.slug}).data["newsItem"] == {
        "cities": [],
        "partnerships": [],
        "organisations": [],
        "conference": None,
        "topics": [],
    }


def test_topics_of_an_item_are_sorted_by_name(graphql, programme):
    topics = graphql(RELATIONS, {"slug": "news-3"}).data["newsItem"]["topics"]
    assert [topic["slug"] for topic in topics] == ["culture", "mobility"]


def test_relations_in_a_list_belong_to_their_own_item(graphql, programme):
    data = graphql(
        "{ newsItems(order: OLDEST) { edges { node { slug cities { slug } topics { slug } conference { slug } } } } }"
    ).data["newsItems"]
    by_slug = {edge["node"]["slug"]: edge["node"] for edge in data["edges"]}
    assert [c["slug"] for c in by_slug["news-1"]["cities"]] == ["kutaisi", "gyumri"]
    assert [c["slug"] for c in by_slug["news-2"]["cities"]] == ["barcelona"]
    assert [c["slug"] for c in by_slug["news-3"]["cities"]] == ["gyumri", "kutaisi"]
    assert [t["slug"] for t in by_slug["news-4"]["topics"]] == ["mobility"]
    assert by_slug["news-1"]["conference"] == {"slug": "regional-network-conference"}
    assert by_slug["news-2"]["conference"] is None
    assert by_slug["news-5"]["conference"] == {"slug": "second-network-conference"}


def test_get_and_post_give_the_same_answer(graphql, programme):
    query = """query($filter: NewsFilter) { newsItems(filter: $filter, first: 2) {
      totalCount edges { cursor node { title cities { title } } } pageInfo { hasNextPage endCursor } } }"""
    variables = {"filter": {"topic": "culture"}}
    post = graphql(query, variables)
    get = graphql(query, variables, method="GET")
    assert post.status == get.status == 200
    assert get.data == post.data
    assert titles(get.data["newsItems"]) == [NEWS_TITLES[5], NEWS_TITLES[3]]
    single = '{ newsItem(slug: "news-2") { title } }'
    assert graphql(single, method="GET").data == graphql(single).data == {"newsItem": {"title": NEWS_TITLES[2]}}
