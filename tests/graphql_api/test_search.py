"""``search(query:)``: published pages of every type, best match first, restricted by ``types``, paginated."""

import re
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page as WagtailPage

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from graphql_api.search import ranked_matches
from news.models import NewsPage
from tests import factories

from .fixtures_lists import NEWS_TITLES, titles, translate

SEARCH = """query($query: String!, $types: [SearchType!], $first: Int, $after: String, $locale: String) {
  search(query: $query, types: $types, first: $first, after: $after, locale: $locale) {
    totalCount
    edges { cursor node { __typename title locale } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""

TITLE_MATCHES = {("City", "Zugdidi"), ("Conference", "Zugdidi Forum"), ("NewsItem", "Zugdidi in the title")}


@pytest.fixture(scope="module", autouse=True)
def zugdidi(programme: dict[str, Any]) -> None:
    """Pages of every type naming Zugdidi: in their title, standfirst, venue or body only.

    The body-only item is created last so that, were results ordered by ID, it would come first.
    """
    factories.NewsPageFactory(parent=programme["news"], title="Zugdidi in the title")
    factories.CityProfilePageFactory(parent=programme["cities"], title="Zugdidi", slug="zugdidi", country="GE")
    factories.ConferencePageFactory(parent=programme["conferences"], title="Zugdidi Forum")
    factories.NewsPageFactory(parent=programme["news"], title="Standfirst news", standfirst="Zugdidi welcomes artists.")
    factories.ConferencePageFactory(parent=programme["conferences"], title="Venue conference", venue="Zugdidi Theatre")
    factories.NewsPageFactory(
        parent=programme["news"], title="Festival news", body=[("paragraph", "<p>A festival held near Zugdidi.</p>")]
    )
    factories.NewsPageFactory(parent=programme["news"], title="Draft Zugdidi news", live=False)
    factories.CityProfilePageFactory(parent=programme["cities"], title="Zugdidi draft", country="GE", live=False)


def search(graphql, query, **variables):
    return graphql(SEARCH, {"query": query, **variables}).data["search"]


def typed(connection):
    return [(edge["node"]["__typename"], edge["node"]["title"]) for edge in connection["edges"]]


def test_results_of_every_type_best_match_first(graphql, zugdidi):
    results = search(graphql, "Zugdidi")
    found = typed(results)
    assert results["totalCount"] == 6
    # Title matches first, then the boosted standfirst, then the rest (the body-only item has the highest ID).
    assert set(found[:3]) == TITLE_MATCHES
    assert found[3] == ("NewsItem", "Standfirst news")
    assert set(found[4:]) == {("Conference", "Venue conference"), ("NewsItem", "Festival news")}


def test_drafts_are_not_found(graphql, zugdidi, programme):
    assert "Draft Zugdidi news" not in titles(search(graphql, "Zugdidi"))
    assert "Zugdidi draft" not in titles(search(graphql, "draft"))
    assert search(graphql, "Batumi")["totalCount"] == 0
    assert "Draft about Kutaisi" not in titles(search(graphql, "Kutaisi"))


def test_search_looks_in_topics(graphql, programme):
    found = titles(search(graphql, "mobility"))
    assert sorted(found) == sorted([NEWS_TITLES[2], NEWS_TITLES[3], NEWS_TITLES[4]])
    assert found[0] == NEWS_TITLES[2]  # the only one with the word in its title


def test_all_words_must_match(graphql, zugdidi):
    assert typed(search(graphql, "Zugdidi festival")) == [("NewsItem", "Festival news")]


@pytest.mark.parametrize(
    ("types", "expected"),
    [
        (["CITY"], {"City"}),
        (["CONFERENCE"], {"Conference"}),
        (["NEWS_ITEM"], {"NewsItem"}),
        (["NEWS_ITEM", "CONFERENCE"], {"NewsItem", "Conference"}),
        (["CITY", "CONFERENCE", "NEWS_ITEM"], {"City", "Conference", "NewsItem"}),
    ],
)
def test_types_restrict_the_results(graphql, zugdidi, types, expected):
    results = search(graphql, "Zugdidi", types=types)
    assert {typename for typename, _title in typed(results)} == expected
    assert results["totalCount"] == sum({"City": 1, "Conference": 2, "NewsItem": 3}[name] for name in expected)


def test_results_page_by_page(graphql, zugdidi):
    whole = typed(search(graphql, "Zugdidi"))
    first = search(graphql, "Zugdidi", first=4)
    assert typed(first) == whole[:4]
    assert (first["pageInfo"]["hasPreviousPage"], first["pageInfo"]["hasNextPage"]) == (False, True)
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    rest = search(graphql, "Zugdidi", first=4, after=first["pageInfo"]["endCursor"])
    assert typed(rest) == whole[4:]
    assert (rest["pageInfo"]["hasPreviousPage"], rest["pageInfo"]["hasNextPage"]) == (True, False)
    assert first["totalCount"] == rest["totalCount"] == 6
    middle = search(graphql, "Zugdidi", first=1, after=first["edges"][1]["cursor"])
    assert typed(middle) == [whole[2]]


def test_no_match(graphql, programme):
    assert search(graphql, "Xylophone") == {
        "totalCount": 0,
        "edges": [],
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None, "endCursor": None},
    }


def test_results_carry_their_type_specific_fields(graphql, zugdidi):
    data = graphql(
        """{ search(query: "Zugdidi Forum") { edges { node {
             __typename ... on Conference { status hostCity { title } organisers { name } }
             ... on City { countryCode memberships { role } } } } } }"""
    ).data["search"]
    assert [edge["node"]["__typename"] for edge in data["edges"]] == ["Conference"]
    assert data["edges"][0]["node"] == {
        "__typename": "Conference",
        "status": "UPCOMING",
        "hostCity": None,
        "organisers": [],
    }
    city = graphql('{ search(query: "Zugdidi", types: [CITY]) { edges { node { ... on City { countryCode } } } } }')
    assert city.data["search"]["edges"] == [{"node": {"countryCode": "GE"}}]


@pytest.mark.parametrize("query", ["", "   ", "x" * 201])
def test_an_empty_or_too_long_query_is_bad_user_input(graphql, programme, query):
    response = graphql(SEARCH, {"query": query})
    assert response.codes == ["BAD_USER_INPUT"]
    assert "`query`" in response.errors[0]["message"]


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"first": 101}, "between 0 and 100"),
        ({"first": -1}, "between 0 and 100"),
        ({"after": "garbage"}, "Invalid cursor"),
        ({"after": "b2Zmc2V0Ong="}, "Invalid cursor"),  # "offset:x"
        ({"after": "b2Zmc2V0Oi0x"}, "Invalid cursor"),  # "offset:-1"
        ({"after": "b2Zmc2V0Ojk5OTk5OTk5OTk5OTk5OTk5OTk5OQ=="}, "Invalid cursor"),  # beyond PostgreSQL's bigint
    ],
)
def test_bad_page_arguments_are_bad_user_input(graphql, programme, variables, message):
    response = graphql(SEARCH, {"query": "Kutaisi", **variables})
    assert response.codes == ["BAD_USER_INPUT"]
    assert message in response.errors[0]["message"]


def test_search_in_french(graphql, programme):
    translate(
        programme["news_items"][0],
        title="Le forum culturel s'ouvre à Koutaïssi",
        standfirst="Un forum pour la culture.",
    )
    french = search(graphql, "culturel", locale="fr")
    assert typed(french) == [("NewsItem", "Le forum culturel s'ouvre à Koutaïssi")]
    assert french["edges"][0]["node"]["locale"] == "fr"
    # The translation replaces its original: the English title is not found in French.
    assert typed(search(graphql, "opens")) == [("NewsItem", NEWS_TITLES[1])]
    assert search(graphql, "opens", locale="fr")["totalCount"] == 0
    # Untranslated pages are found in English in a French search.
    untranslated = search(graphql, "tram", locale="fr")
    assert [(edge["node"]["title"], edge["node"]["locale"]) for edge in untranslated["edges"]] == [
        (NEWS_TITLES[4], "en")
    ]


def test_get_and_post_give_the_same_results(graphql, zugdidi):
    variables = {"query": "Zugdidi", "first": 3}
    assert graphql(SEARCH, variables, method="GET").data == graphql(SEARCH, variables).data


def test_the_ranked_search_and_its_total_are_answered_from_the_gin_indexes(db, zugdidi):
    """With sequential scans priced out, PostgreSQL still answers: the match conditions are
    indexable, so a search costs what its matches cost, however large the archive grows."""
    candidates = WagtailPage.objects.filter(live=True)
    matches = ranked_matches(candidates, "Zugdidi", [NewsPage, ConferencePage, CityProfilePage])
    with connection.cursor() as cursor:
        # An archive-sized index (rolled back with the test), so that the planner weighs it as one.
        cursor.execute(
            """INSERT INTO wagtailsearch_indexentry
                   (content_type_id, object_id, title, body, autocomplete, title_norm, title_text, body_text)
               SELECT %s, n::text, to_tsvector('filler ' || n), to_tsvector('more filler text'), '', 1.0, '', ''
               FROM generate_series(1000000, 1005000) AS n""",
            [ContentType.objects.get_for_model(NewsPage).pk],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("SET LOCAL enable_seqscan = off")
        for queryset in (matches.values("object_id")[:10], matches.values("pk")):
            sql, params = queryset.query.sql_with_params()
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan
            assert re.search(r"Bitmap Index Scan on wagtailsear_title_\w+_gin", plan), plan
            assert re.search(r"Bitmap Index Scan on wagtailsear_body_\w+_gin", plan), plan
    assert matches.count() == 6
