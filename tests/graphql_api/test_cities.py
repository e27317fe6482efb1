"""The ``cities`` and ``city`` root fields: filters, orders, a city's facts and its news and conferences."""

import datetime

import pytest

from tests import factories

from .fixtures_lists import NEWS_TITLES, titles

LIST = """query($filter: CityFilter, $order: CityOrder! = NAME) {
  cities(filter: $filter, order: $order) { totalCount edges { node { title countryCode } } }
}"""


def city_titles(graphql, **variables):
    connection = graphql(LIST, variables).data["cities"]
    assert connection["totalCount"] == len(connection["edges"])
    return titles(connection)


def test_lists_published_cities_by_name(graphql, programme):
    """Batumi is a draft."""
    assert city_titles(graphql) == ["Barcelona", "Gyumri", "Kutaisi", "Tbilisi"]


def test_order_by_country_then_name(graphql, programme):
    factories.CityProfilePageFactory(parent=programme["cities"], title="Batumi Port", country="GE")
    connection = graphql(LIST, {"order": "COUNTRY"}).data["cities"]
    assert [(edge["node"]["countryCode"], edge["node"]["title"]) for edge in connection["edges"]] == [
        ("AM", "Gyumri"),
        ("ES", "Barcelona"),
        ("GE", "Batumi Port"),
        ("GE", "Kutaisi"),
        ("GE", "Tbilisi"),
    ]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"country": "GE"}, ["Kutaisi", "Tbilisi"]),
        ({"country": "ge"}, ["Kutaisi", "Tbilisi"]),
        ({"country": "AM"}, ["Gyumri"]),
        ({"country": "FR"}, []),
        ({"partnership": "eu4culture-network"}, ["Gyumri", "Kutaisi"]),
        ({"partnership": "eu4culture"}, ["Tbilisi"]),
        ({"partnership": "urban-agenda-culture"}, []),
        ({"partnership": "nothing"}, []),
        ({"isCapital": True}, ["Tbilisi"]),
        ({"isCapital": False}, ["Barcelona", "Gyumri", "Kutaisi"]),
        ({"country": "GE", "isCapital": False}, ["Kutaisi"]),
        ({"country": "GE", "partnership": "eu4culture"}, ["Tbilisi"]),
        ({"country": "AM", "partnership": "eu4culture"}, []),
    ],
    ids=repr,
)
def test_filters(graphql, programme, where, expected):
    assert city_titles(graphql, filter=where) == expected


def test_filter_and_order_together(graphql, programme):
    assert city_titles(graphql, filter={"isCapital": False}, order="COUNTRY") == ["Gyumri", "Barcelona", "Kutaisi"]


FACTS = """query($slug: String, $id: ID) { city(slug: $slug, id: $id) {
  id title slug region isCapital population populationYear summary website isDemo
  countryCode countryName latitude longitude urlPath url locale
  image { title credit }
  memberships { partnership { name slug kind } role sinceYear }
  strategies { title year summary document { title fileType url } }
  funding { amount currency programme { name } year purpose }
} }"""


def test_city_facts(graphql, programme):
    city = graphql(FACTS, {"slug": "kutaisi"}).data["city"]
    document = city["strategies"][0].pop("document")
    assert city == {
        "id": str(programme["kutaisi"].pk),
        "title": "Kutaisi",
        "slug": "kutaisi",
        "region": "Imereti",
        "isCapital": False,
        "population": 130000,
        "populationYear": 2022,
        "summary": "Kutaisi is a partner city.",
        "website": "",
        "isDemo": False,
        "countryCode": "GE",
        "countryName": "Georgia",
        "latitude": 42.2679,
        "longitude": 42.6946,
        "urlPath": "/cities/kutaisi/",
        "url": "https://www.example.org/cities/kutaisi/",
        "locale": "en",
        "image": {"title": "Kutaisi", "credit": "© Kutaisi City Hall"},
        "memberships": [
            {
                "partnership": {"name": "EU4Culture Cities Network", "slug": "eu4culture-network", "kind": "NETWORK"},
                "role": "Member",
                "sinceYear": 2021,
            }
        ],
        "strategies": [{"title": "Cultural Development Strategy", "year": 2020, "summary": ""}],
        "funding": [
            {
                "amount": "300000.00",
                "currency": "EUR",
                "programme": {"name": "EU4Culture"},
                "year": 2022,
                "purpose": "Arts",
            }
        ],
    }
    assert document["title"] == "Kutaisi Cultural Development Strategy"
    assert document["fileType"] == "pdf"
    assert document["url"].startswith("http")
    assert document["url"].endswith(".pdf")


def test_a_city_with_few_facts(graphql, programme):
    city = graphql(FACTS, {"slug": "barcelona"}).data["city"]
    assert city["countryCode"] == "ES"
    assert city["countryName"] == "Spain"
    assert city["latitude"] is None
    assert city["longitude"] is None
    assert city["population"] is None
    assert city["image"] is None
    assert city["memberships"] == city["strategies"] == city["funding"] == []


def test_memberships_strategies_and_funding_keep_the_editors_order(graphql, programme):
    city = factories.CityProfilePageFactory(
        parent=programme["cities"],
        title="Rustavi",
        country="GE",
        memberships=[
            {"partnership": programme["network"], "role": "Observer", "since_year": 2023},
            {"partnership": programme["agenda"], "role": "Coordinator"},
            {"partnership": programme["programme"], "role": "Lead city", "since_year": 2019},
        ],
        strategies=[{"title": "Youth strategy", "year": 2024}, {"title": "Arts strategy", "summary": "For artists."}],
        funding=[
            {"amount": "1250.50", "currency": "GEL", "purpose": "Festival"},
            {"amount": "99", "currency": "EUR", "programme": programme["programme"], "year": 2023},
        ],
    )
    data = graphql(FACTS, {"id": str(city.pk)}).data["city"]
    assert [(m["partnership"]["name"], m["role"], m["sinceYear"]) for m in data["memberships"]] == [
        ("EU4Culture Cities Network", "Observer", 2023),
        ("Urban Agenda Culture", "Coordinator", None),
        ("EU4Culture", "Lead city", 2019),
    ]
    assert data["strategies"] == [
        {"title": "Youth strategy", "year": 2024, "summary": "", "document": None},
        {"title": "Arts strategy", "year": None, "summary": "For artists.", "document": None},
    ]
    assert data["funding"] == [
        {"amount": "1250.50", "currency": "GEL", "programme": None, "year": None, "purpose": "Festival"},
        {"amount": "99.00", "currency": "EUR", "programme": {"name": "EU4Culture"}, "year": 2023, "purpose": ""},
    ]


def test_facts_in_a_list_belong_to_their_own_city(graphql, programme):
    data = graphql(
        "{ cities { edges { node { slug isCapital memberships { role partnership { slug } } funding { amount } } } } }"
    ).data["cities"]
    by_slug = {edge["node"]["slug"]: edge["node"] for edge in data["edges"]}
    assert by_slug["kutaisi"]["memberships"] == [{"role": "Member", "partnership": {"slug": "eu4culture-network"}}]
    assert by_slug["gyumri"]["memberships"] == [{"role": "Lead city", "partnership": {"slug": "eu4culture-network"}}]
    assert by_slug["tbilisi"]["memberships"] == [{"role": "", "partnership": {"slug": "eu4culture"}}]
    assert by_slug["barcelona"]["memberships"] == []
    assert by_slug["kutaisi"]["funding"] == [{"amount": "300000.00"}]
    assert by_slug["gyumri"]["funding"] == []
    assert [slug for slug, city in by_slug.items() if city["isCapital"]] == ["tbilisi"]


def test_unknown_or_unpublished_city_is_null(graphql, programme):
    for variables in ({"slug": "atlantis"}, {"slug": "batumi"}, {"id": str(programme["batumi"].pk)}):
        response = graphql(FACTS, variables)
        assert response.errors == []
        assert response.data == {"city": None}


@pytest.mark.parametrize("variables", [{}, {"slug": "kutaisi", "id": "1"}, {"id": "kutaisi"}])
def test_lookup_needs_exactly_one_valid_key(graphql, programme, variables):
    assert graphql(FACTS, variables).codes == ["BAD_USER_INPUT"]


NEWS_OF = """query($slug: String!, $first: Int, $after: String, $last: Int, $before: String, $offset: Int,
                   $order: NewsOrder! = NEWEST) {
  city(slug: $slug) {
    newsItems(first: $first, after: $after, last: $last, before: $before, offset: $offset, order: $order) {
      totalCount edges { node { title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}"""


def city_news(graphql, slug, **variables):
    return graphql(NEWS_OF, {"slug": slug, **variables}).data["city"]["newsItems"]


@pytest.mark.parametrize(
    ("slug", "expected"), [("kutaisi", [5, 3, 1]), ("gyumri", [3, 1]), ("barcelona", [4, 2]), ("tbilisi", [])]
)
def test_news_about_a_city(graphql, programme, slug, expected):
    """The draft item about Kutaisi is left out."""
    connection = city_news(graphql, slug)
    assert titles(connection) == [NEWS_TITLES[n] for n in expected]
    assert connection["totalCount"] == len(expected)


def test_news_about_a_city_page_by_page(graphql, programme):
    first = city_news(graphql, "kutaisi", first=2)
    assert titles(first) == [NEWS_TITLES[5], NEWS_TITLES[3]]
    assert (first["pageInfo"]["hasPreviousPage"], first["pageInfo"]["hasNextPage"]) == (False, True)
    rest = city_news(graphql, "kutaisi", first=2, after=first["pageInfo"]["endCursor"])
    assert titles(rest) == [NEWS_TITLES[1]]
    assert (rest["pageInfo"]["hasPreviousPage"], rest["pageInfo"]["hasNextPage"]) == (True, False)
    assert first["totalCount"] == rest["totalCount"] == 3
    assert titles(city_news(graphql, "kutaisi", first=1, offset=1)) == [NEWS_TITLES[3]]
    assert titles(city_news(graphql, "kutaisi", order="OLDEST")) == [NEWS_TITLES[1], NEWS_TITLES[3], NEWS_TITLES[5]]
    assert titles(city_news(graphql, "kutaisi", order="TITLE")) == [NEWS_TITLES[1], NEWS_TITLES[3], NEWS_TITLES[5]]


def test_news_about_a_city_backwards(graphql, programme):
    tail = city_news(graphql, "kutaisi", last=2)
    assert titles(tail) == [NEWS_TITLES[3], NEWS_TITLES[1]]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    head = city_news(graphql, "kutaisi", last=2, before=tail["pageInfo"]["startCursor"])
    assert titles(head) == [NEWS_TITLES[5]]
    assert head["pageInfo"]["hasPreviousPage"] is False


def test_each_city_in_a_list_gets_its_own_news(graphql, programme):
    factories.NewsPageFactory(
        parent=programme["news"], title="Only Gyumri", date=datetime.date(2022, 11, 1), cities=[programme["gyumri"]]
    )
    data = graphql(
        """{ cities { edges { node { slug
             newsItems(first: 2) { totalCount edges { node { title } } pageInfo { hasNextPage } } } } } }"""
    ).data["cities"]
    news = {edge["node"]["slug"]: edge["node"]["newsItems"] for edge in data["edges"]}
    assert titles(news["kutaisi"]) == [NEWS_TITLES[5], NEWS_TITLES[3]]
    assert titles(news["gyumri"]) == ["Only Gyumri", NEWS_TITLES[3]]
    assert titles(news["barcelona"]) == [NEWS_TITLES[4], NEWS_TITLES[2]]
    assert titles(news["tbilisi"]) == []
    assert {slug: connection["totalCount"] for slug, connection in news.items()} == {
        "barcelona": 2,
        "gyumri": 3,
        "kutaisi": 3,
        "tbilisi": 0,
    }
    assert {slug: connection["pageInfo"]["hasNextPage"] for slug, connection in news.items()} == {
        "barcelona": False,
        "gyumri": True,
        "kutaisi": True,
        "tbilisi": False,
    }


def test_a_cursor_continues_every_city_of_a_list(graphql, programme):
    """One `after` cursor for every city: each continues after the cursor's position in its own news."""
    cursor = city_news(graphql, "kutaisi", first=1)["pageInfo"]["endCursor"]  # news-5
    data = graphql(
        "query($after: String) { cities { edges { node { slug newsItems(after: $after) { edges { node { title } } } } } } }",
        {"after": cursor},
    ).data["cities"]
    news = {edge["node"]["slug"]: titles(edge["node"]["newsItems"]) for edge in data["edges"]}
    assert news == {
        "barcelona": [NEWS_TITLES[4], NEWS_TITLES[2]],
        "gyumri": [NEWS_TITLES[3], NEWS_TITLES[1]],
        "kutaisi": [NEWS_TITLES[3], NEWS_TITLES[1]],
        "tbilisi": [],
    }


def test_aliases_ask_for_different_pages_of_the_same_reference(graphql, programme):
    city = graphql(
        """{ city(slug: "kutaisi") {
             newest: newsItems(first: 1) { edges { node { title } } }
             oldest: newsItems(first: 1, order: OLDEST) { edges { node { title } } }
           } }"""
    ).data["city"]
    assert titles(city["newest"]) == [NEWS_TITLES[5]]
    assert titles(city["oldest"]) == [NEWS_TITLES[1]]


CONFERENCES_OF = """query($slug: String!, $first: Int, $after: String, $order: ConferenceOrder! = SOONEST) {
  city(slug: $slug) {
    conferences(first: $first, after: $after, order: $order) {
      totalCount edges { node { title hostCity { slug } } } pageInfo { hasNextPage endCursor }
    }
  }
}"""


def test_conferences_a_city_hosts(graphql, programme):
    kutaisi = graphql(CONFERENCES_OF, {"slug": "kutaisi"}).data["city"]["conferences"]
    assert titles(kutaisi) == ["Regional Network Conference"]
    assert kutaisi["edges"][0]["node"]["hostCity"] == {"slug": "kutaisi"}
    gyumri = graphql(CONFERENCES_OF, {"slug": "gyumri"}).data["city"]["conferences"]
    assert titles(gyumri) == ["Second Network Conference"]
    assert graphql(CONFERENCES_OF, {"slug": "tbilisi"}).data["city"]["conferences"]["totalCount"] == 0


def test_conferences_a_city_hosts_page_by_page(graphql, programme):
    for year in (2024, 2021, 2026):
        factories.ConferencePageFactory(
            parent=programme["conferences"],
            title=f"Barcelona {year}",
            start_date=datetime.date(year, 6, 1),
            end_date=datetime.date(year, 6, 2),
            host_city=programme["barcelona"],
        )
    factories.ConferencePageFactory(
        parent=programme["conferences"], title="Draft in Barcelona", host_city=programme["barcelona"], live=False
    )
    first = graphql(CONFERENCES_OF, {"slug": "barcelona", "first": 2}).data["city"]["conferences"]
    assert titles(first) == ["Barcelona 2021", "Barcelona 2024"]
    assert first["totalCount"] == 3
    assert first["pageInfo"]["hasNextPage"] is True
    rest = graphql(CONFERENCES_OF, {"slug": "barcelona", "first": 2, "after": first["pageInfo"]["endCursor"]}).data
    assert titles(rest["city"]["conferences"]) == ["Barcelona 2026"]
    assert rest["city"]["conferences"]["pageInfo"]["hasNextPage"] is False
    latest = graphql(CONFERENCES_OF, {"slug": "barcelona", "order": "LATEST"}).data["city"]["conferences"]
    assert titles(latest) == ["Barcelona 2026", "Barcelona 2024", "Barcelona 2021"]


def test_each_city_in_a_list_gets_its_own_conferences(graphql, programme):
    data = graphql("{ cities { edges { node { slug conferences { totalCount edges { node { title } } } } } } }").data
    conferences = {edge["node"]["slug"]: titles(edge["node"]["conferences"]) for edge in data["cities"]["edges"]}
    assert conferences == {
        "barcelona": [],
        "gyumri": ["Second Network Conference"],
        "kutaisi": ["Regional Network Conference"],
        "tbilisi": [],
    }
