"""The ``partnerships`` and ``partnership`` root fields: kinds, funder and parent, and what belongs to them."""

import datetime

import pytest

from partnerships.models import Partnership
from tests import factories

from .fixtures_lists import NEWS_TITLES, names, titles

ALL = ["EU4Culture", "EU4Culture Cities Network", "Urban Agenda Culture"]


def test_lists_partnerships_by_name(graphql, programme):
    factories.PartnershipFactory(name="A city-to-city pair", kind=Partnership.Kind.CITY_TO_CITY)
    connection = graphql("{ partnerships { totalCount edges { node { name kind } } } }").data["partnerships"]
    assert names(connection) == ["A city-to-city pair", *ALL]
    assert connection["totalCount"] == 4


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("PROJECT", ["EU4Culture"]),
        ("NETWORK", ["EU4Culture Cities Network"]),
        ("URBAN_AGENDA", ["Urban Agenda Culture"]),
        ("PROGRAMME", []),
        ("CITY_TO_CITY", []),
    ],
)
def test_filter_by_kind(graphql, programme, kind, expected):
    connection = graphql(
        "query($kind: PartnershipKind) { partnerships(filter: {kind: $kind}) { totalCount edges { node { name kind } } } }",
        {"kind": kind},
    ).data["partnerships"]
    assert names(connection) == expected
    assert connection["totalCount"] == len(expected)
    assert {edge["node"]["kind"] for edge in connection["edges"]} <= {kind}


def test_partnerships_page_by_page(graphql, programme):
    query = """query($after: String) { partnerships(first: 2, after: $after) {
      totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }"""
    first = graphql(query).data["partnerships"]
    assert names(first) == ALL[:2]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = graphql(query, {"after": first["pageInfo"]["endCursor"]}).data["partnerships"]
    assert names(rest) == ALL[2:]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert first["totalCount"] == rest["totalCount"] == 3


ITEM = """query($slug: String, $id: ID) { partnership(slug: $slug, id: $id) {
  id name slug acronym description startYear endYear website kind locale
  funder { id name acronym kind countryCode parent { name kind parent { name } } }
  parent { name slug kind funder { acronym } parent { name } }
} }"""


def test_partnership_by_slug_and_by_id(graphql, programme):
    network = programme["network"]
    by_slug = graphql(ITEM, {"slug": "eu4culture-network"}).data["partnership"]
    assert graphql(ITEM, {"id": str(network.pk)}).data["partnership"] == by_slug
    assert by_slug == {
        "id": str(network.pk),
        "name": "EU4Culture Cities Network",
        "slug": "eu4culture-network",
        "acronym": "",
        "description": "",
        "startYear": 2021,
        "endYear": 2025,
        "website": "",
        "kind": "NETWORK",
        "locale": "en",
        "funder": {
            "id": str(programme["dg"].pk),
            "name": "DG NEAR",
            "acronym": "DG NEAR",
            "kind": "DIRECTORATE",
            "countryCode": "",
            "parent": {"name": "European Commission", "kind": "EU_INSTITUTION", "parent": None},
        },
        "parent": {
            "name": "EU4Culture",
            "slug": "eu4culture",
            "kind": "PROJECT",
            "funder": {"acronym": "DG NEAR"},
            "parent": None,
        },
    }


def test_a_partnership_without_funder_or_parent(graphql, programme):
    data = graphql(ITEM, {"slug": "urban-agenda-culture"}).data["partnership"]
    assert data["funder"] is None
    assert data["parent"] is None
    assert data["kind"] == "URBAN_AGENDA"


def test_funder_and_parent_in_a_list_belong_to_their_own_partnership(graphql, programme):
    data = graphql("{ partnerships { edges { node { slug funder { acronym } parent { slug } } } } }").data
    assert [edge["node"] for edge in data["partnerships"]["edges"]] == [
        {"slug": "eu4culture", "funder": {"acronym": "DG NEAR"}, "parent": None},
        {"slug": "eu4culture-network", "funder": {"acronym": "DG NEAR"}, "parent": {"slug": "eu4culture"}},
        {"slug": "urban-agenda-culture", "funder": None, "parent": None},
    ]


def test_unknown_partnership_is_null(graphql, programme):
    for variables in ({"slug": "no-such-thing"}, {"id": "0"}):
        response = graphql(ITEM, variables)
        assert response.errors == []
        assert response.data == {"partnership": None}


@pytest.mark.parametrize("variables", [{}, {"slug": "eu4culture", "id": "1"}, {"id": "eu4culture"}])
def test_lookup_needs_exactly_one_valid_key(graphql, programme, variables):
    assert graphql(ITEM, variables).codes == ["BAD_USER_INPUT"]


CITIES_OF = """query($slug: String!, $first: Int, $after: String, $order: CityOrder! = NAME) {
  partnership(slug: $slug) {
    cities(first: $first, after: $after, order: $order) {
      totalCount edges { node { title countryCode } } pageInfo { hasNextPage endCursor }
    }
  }
}"""


def partnership_cities(graphql, slug, **variables):
    return graphql(CITIES_OF, {"slug": slug, **variables}).data["partnership"]["cities"]


def test_member_cities(graphql, programme):
    """Batumi is a member but a draft."""
    network = partnership_cities(graphql, "eu4culture-network")
    assert titles(network) == ["Gyumri", "Kutaisi"]
    assert network["totalCount"] == 2
    assert titles(partnership_cities(graphql, "eu4culture")) == ["Tbilisi"]
    assert partnership_cities(graphql, "urban-agenda-culture")["totalCount"] == 0


def test_member_cities_page_by_page_and_by_country(graphql, programme):
    factories.CityProfilePageFactory(
        parent=programme["cities"], title="Aachen", country="DE", memberships=[programme["network"]]
    )
    first = partnership_cities(graphql, "eu4culture-network", first=2)
    assert titles(first) == ["Aachen", "Gyumri"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = partnership_cities(graphql, "eu4culture-network", first=2, after=first["pageInfo"]["endCursor"])
    assert titles(rest) == ["Kutaisi"]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert first["totalCount"] == rest["totalCount"] == 3
    by_country = partnership_cities(graphql, "eu4culture-network", order="COUNTRY")
    assert [edge["node"]["countryCode"] for edge in by_country["edges"]] == ["AM", "DE", "GE"]
    first_by_country = partnership_cities(graphql, "eu4culture-network", first=1, order="COUNTRY")
    after = first_by_country["pageInfo"]["endCursor"]
    assert titles(partnership_cities(graphql, "eu4culture-network", order="COUNTRY", after=after)) == [
        "Aachen",
        "Kutaisi",
    ]


NEWS_OF = """query($slug: String!, $first: Int, $after: String) {
  partnership(slug: $slug) {
    newsItems(first: $first, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } }
  }
}"""


def test_news_about_a_partnership(graphql, programme):
    """The draft item about the network is left out."""
    network = graphql(NEWS_OF, {"slug": "eu4culture-network"}).data["partnership"]["newsItems"]
    assert titles(network) == [NEWS_TITLES[n] for n in (5, 4, 3, 1)]
    assert network["totalCount"] == 4
    programme_news = graphql(NEWS_OF, {"slug": "eu4culture"}).data["partnership"]["newsItems"]
    assert titles(programme_news) == [NEWS_TITLES[5], NEWS_TITLES[2]]


def test_news_about_a_partnership_page_by_page(graphql, programme):
    variables = {"slug": "eu4culture-network", "first": 3}
    first = graphql(NEWS_OF, variables).data["partnership"]["newsItems"]
    assert titles(first) == [NEWS_TITLES[n] for n in (5, 4, 3)]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = graphql(NEWS_OF, {**variables, "after": first["pageInfo"]["endCursor"]}).data["partnership"]["newsItems"]
    assert titles(rest) == [NEWS_TITLES[1]]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert rest["totalCount"] == 4


CONFERENCES_OF = """query($slug: String!, $first: Int, $after: String, $order: ConferenceOrder! = SOONEST) {
  partnership(slug: $slug) {
    conferences(first: $first, after: $after, order: $order) {
      totalCount edges { node { title } } pageInfo { hasNextPage endCursor }
    }
  }
}"""


def test_conferences_of_a_partnership(graphql, programme):
    network = graphql(CONFERENCES_OF, {"slug": "eu4culture-network"}).data["partnership"]["conferences"]
    assert titles(network) == ["Regional Network Conference", "Second Network Conference"]
    latest = graphql(CONFERENCES_OF, {"slug": "eu4culture-network", "order": "LATEST"}).data["partnership"]
    assert titles(latest["conferences"]) == ["Second Network Conference", "Regional Network Conference"]
    assert graphql(CONFERENCES_OF, {"slug": "eu4culture"}).data["partnership"]["conferences"]["totalCount"] == 0


def test_conferences_of_a_partnership_page_by_page(graphql, programme):
    factories.ConferencePageFactory(
        parent=programme["conferences"],
        title="Third Network Conference",
        start_date=datetime.date(2024, 4, 1),
        end_date=datetime.date(2024, 4, 2),
        partnership=programme["network"],
    )
    factories.ConferencePageFactory(parent=programme["conferences"], partnership=programme["network"], live=False)
    variables = {"slug": "eu4culture-network", "first": 2}
    first = graphql(CONFERENCES_OF, variables).data["partnership"]["conferences"]
    assert titles(first) == ["Regional Network Conference", "Second Network Conference"]
    assert first["totalCount"] == 3
    rest = graphql(CONFERENCES_OF, {**variables, "after": first["pageInfo"]["endCursor"]}).data["partnership"]
    assert titles(rest["conferences"]) == ["Third Network Conference"]
    assert rest["conferences"]["pageInfo"]["hasNextPage"] is False


def test_each_partnership_in_a_list_gets_its_own_cities_news_and_conferences(graphql, programme):
    data = graphql(
        """{ partnerships { edges { node { slug
             cities(first: 1) { totalCount edges { node { title } } }
             newsItems(first: 1) { totalCount edges { node { title } } }
             conferences(first: 1) { totalCount edges { node { title } } } } } } }"""
    ).data["partnerships"]
    summary = {
        edge["node"]["slug"]: {
            field: (titles(edge["node"][field]), edge["node"][field]["totalCount"])
            for field in ("cities", "newsItems", "conferences")
        }
        for edge in data["edges"]
    }
    assert summary == {
        "eu4culture": {
            "cities": (["Tbilisi"], 1),
            "newsItems": ([NEWS_TITLES[5]], 2),
            "conferences": ([], 0),
        },
        "eu4culture-network": {
            "cities": (["Gyumri"], 2),
            "newsItems": ([NEWS_TITLES[5]], 4),
            "conferences": (["Regional Network Conference"], 2),
        },
        "urban-agenda-culture": {"cities": ([], 0), "newsItems": ([], 0), "conferences": ([], 0)},
    }
