"""The ``conferences`` and ``conference`` root fields: status from today's date, filters, orders, relations."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from conferences.models import ConferencePage
from tests import factories

from .fixtures_lists import NEWS_TITLES, titles


@pytest.fixture(scope="module", autouse=True)
def dated(programme: dict[str, Any]) -> dict[str, ConferencePage]:
    """Conferences around today, next to the programme's two from 2022 and 2023 (for every test here)."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    spans = {
        "Past meeting": (today - 20 * day, today - 19 * day, {}),
        "Ended yesterday": (today - 3 * day, today - day, {"format": "online"}),
        "Running now": (today - day, today + day, {"host_city": programme["kutaisi"]}),
        "Today only": (today, today, {"format": "hybrid"}),
        "Starts tomorrow": (today + day, today + 2 * day, {}),
        "Next year forum": (today + 365 * day, today + 366 * day, {"partnership": programme["programme"]}),
    }
    return {
        title: factories.ConferencePageFactory(
            parent=programme["conferences"], title=title, start_date=start, end_date=end, **extra
        )
        for title, (start, end, extra) in spans.items()
    }


FIXED = ["Regional Network Conference", "Second Network Conference"]
AROUND_TODAY = ["Past meeting", "Ended yesterday", "Running now", "Today only", "Starts tomorrow", "Next year forum"]
SOONEST = FIXED + AROUND_TODAY

LIST = """query($filter: ConferenceFilter, $order: ConferenceOrder! = SOONEST) {
  conferences(filter: $filter, order: $order, first: 100) { totalCount edges { node { title status } } }
}"""


def conference_titles(graphql, **variables):
    connection = graphql(LIST, variables).data["conferences"]
    assert connection["totalCount"] == len(connection["edges"])
    return titles(connection)


def test_lists_published_conferences_soonest_first(graphql, dated):
    factories.ConferencePageFactory(title="Draft conference", live=False)
    assert conference_titles(graphql) == SOONEST


def test_latest_order(graphql, dated):
    assert conference_titles(graphql, order="LATEST") == list(reversed(SOONEST))


def test_conferences_starting_the_same_day_keep_a_stable_order(graphql, dated, programme):
    twins = [
        factories.ConferencePageFactory(
            parent=programme["conferences"],
            title=f"Twin {n}",
            start_date=datetime.date(2023, 1, 1),
            end_date=datetime.date(2023, 1, 2),
        )
        for n in range(2)
    ]
    assert twins[0].pk < twins[1].pk
    assert conference_titles(graphql)[1:3] == ["Twin 0", "Twin 1"]
    assert conference_titles(graphql, order="LATEST")[-3:-1] == ["Twin 1", "Twin 0"]


def test_status_is_computed_from_the_dates_and_today(graphql, dated):
    statuses = {edge["node"]["title"]: edge["node"]["status"] for edge in graphql(LIST).data["conferences"]["edges"]}
    assert statuses == {
        "Regional Network Conference": "PAST",
        "Second Network Conference": "PAST",
        "Past meeting": "PAST",
        "Ended yesterday": "PAST",
        "Running now": "ONGOING",
        "Today only": "ONGOING",
        "Starts tomorrow": "UPCOMING",
        "Next year forum": "UPCOMING",
    }


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("PAST", [*FIXED, "Past meeting", "Ended yesterday"]),
        ("ONGOING", ["Running now", "Today only"]),
        ("UPCOMING", ["Starts tomorrow", "Next year forum"]),
    ],
)
def test_filter_by_status(graphql, dated, status, expected):
    assert conference_titles(graphql, filter={"status": status}) == expected
    connection = graphql(LIST, {"filter": {"status": status}}).data["conferences"]
    assert {edge["node"]["status"] for edge in connection["edges"]} == {status}


def test_filter_upcoming_latest_first(graphql, dated):
    assert conference_titles(graphql, filter={"status": "UPCOMING"}, order="LATEST") == [
        "Next year forum",
        "Starts tomorrow",
    ]


def _iso(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"hostCity": "kutaisi"}, ["Regional Network Conference", "Running now"]),
        ({"hostCity": "gyumri"}, ["Second Network Conference"]),
        ({"hostCity": "barcelona"}, []),
        ({"hostCity": "nowhere"}, []),
        ({"partnership": "eu4culture-network"}, FIXED),
        ({"partnership": "eu4culture"}, ["Next year forum"]),
        ({"partnership": "urban-agenda-culture"}, []),
        # dateFrom: still running on or after the day; dateTo: starting on or before it.
        ({"dateFrom": "2022-10-07"}, SOONEST),
        ({"dateFrom": "2022-10-08"}, SOONEST[1:]),
        ({"dateTo": "2022-10-06"}, ["Regional Network Conference"]),
        ({"dateTo": "2022-10-05"}, []),
        ({"dateFrom": "2022-10-08", "dateTo": "2023-05-10"}, ["Second Network Conference"]),
        ({"dateFrom": "2023-05-11", "dateTo": "2023-05-11"}, ["Second Network Conference"]),
        ({"hostCity": "kutaisi", "status": "ONGOING"}, ["Running now"]),
        ({"hostCity": "kutaisi", "dateTo": "2022-12-31"}, ["Regional Network Conference"]),
        ({"partnership": "eu4culture-network", "status": "UPCOMING"}, []),
    ],
    ids=repr,
)
def test_filters(graphql, dated, where, expected):
    assert conference_titles(graphql, filter=where) == expected


def test_date_range_around_today(graphql, dated):
    this_week = {"dateFrom": _iso(0), "dateTo": _iso(1)}
    assert conference_titles(graphql, filter=this_week) == ["Running now", "Today only", "Starts tomorrow"]
    assert conference_titles(graphql, filter={"dateFrom": _iso(-2), "dateTo": _iso(-2)}) == ["Ended yesterday"]


ITEM = """query($slug: String, $id: ID) { conference(slug: $slug, id: $id) {
  id title slug startDate endDate status format venue edition summary registrationUrl urlPath url locale
} }"""


def test_conference_by_slug_and_by_id(graphql, programme):
    by_slug = graphql(ITEM, {"slug": "second-network-conference"}).data["conference"]
    by_id = graphql(ITEM, {"id": str(programme["second_conference"].pk)}).data["conference"]
    assert by_slug == by_id
    assert by_slug == {
        "id": str(programme["second_conference"].pk),
        "title": "Second Network Conference",
        "slug": "second-network-conference",
        "startDate": "2023-05-10",
        "endDate": "2023-05-11",
        "status": "PAST",
        "format": "HYBRID",
        "venue": "",
        "edition": 2,
        "summary": "Second Network Conference: partners meet.",
        "registrationUrl": "",
        "urlPath": "/conferences/second-network-conference/",
        "url": "https://www.example.org/conferences/second-network-conference/",
        "locale": "en",
    }


@pytest.mark.parametrize(("fmt", "expected"), [("in_person", "IN_PERSON"), ("online", "ONLINE"), ("hybrid", "HYBRID")])
def test_format(graphql, programme, fmt, expected):
    conference = factories.ConferencePageFactory(parent=programme["conferences"], format=fmt)
    assert graphql(ITEM, {"slug": conference.slug}).data["conference"]["format"] == expected


def test_unknown_or_unpublished_conference_is_null(graphql, programme):
    draft = factories.ConferencePageFactory(parent=programme["conferences"], live=False)
    for variables in ({"slug": "no-such-conference"}, {"slug": draft.slug}, {"id": str(draft.pk)}, {"id": "0"}):
        response = graphql(ITEM, variables)
        assert response.errors == []
        assert response.data == {"conference": None}


@pytest.mark.parametrize("variables", [{}, {"slug": "second-network-conference", "id": "1"}])
def test_lookup_needs_exactly_one_of_slug_or_id(graphql, programme, variables):
    response = graphql(ITEM, variables)
    assert response.codes == ["BAD_USER_INPUT"]


RELATIONS = """query($slug: String!) { conference(slug: $slug) {
  title
  hostCity { title slug }
  partnership { name slug kind }
  organisers { name acronym }
  previousEdition { title edition }
  nextEdition { title edition }
} }"""


def test_relations(graphql, programme):
    first = graphql(RELATIONS, {"slug": "regional-network-conference"}).data["conference"]
    assert first == {
        "title": "Regional Network Conference",
        "hostCity": {"title": "Kutaisi", "slug": "kutaisi"},
        "partnership": {"name": "EU4Culture Cities Network", "slug": "eu4culture-network", "kind": "NETWORK"},
        "organisers": [{"name": "DG NEAR", "acronym": "DG NEAR"}, {"name": "Kutaisi City Hall", "acronym": ""}],
        "previousEdition": None,
        "nextEdition": {"title": "Second Network Conference", "edition": 2},
    }
    second = graphql(RELATIONS, {"slug": "second-network-conference"}).data["conference"]
    assert second["hostCity"] == {"title": "Gyumri", "slug": "gyumri"}
    assert second["organisers"] == []
    assert second["previousEdition"] == {"title": "Regional Network Conference", "edition": 1}
    assert second["nextEdition"] is None


def test_unpublished_references_read_as_null(graphql, programme):
    """A draft host city and a draft next edition are not shown; neither is a missing partnership."""
    conference = factories.ConferencePageFactory(
        parent=programme["conferences"], host_city=programme["batumi"], previous_edition=programme["second_conference"]
    )
    factories.ConferencePageFactory(parent=programme["conferences"], live=False, previous_edition=conference)
    data = graphql(RELATIONS, {"slug": conference.slug}).data["conference"]
    assert data["hostCity"] is None
    assert data["partnership"] is None
    assert data["nextEdition"] is None
    assert data["previousEdition"]["title"] == "Second Network Conference"
    assert graphql(RELATIONS, {"slug": "second-network-conference"}).data["conference"]["nextEdition"] == {
        "title": conference.title,
        "edition": None,
    }


def test_editions_in_a_list_belong_to_their_own_conference(graphql, programme):
    data = graphql(
        """{ conferences(filter: {partnership: "eu4culture-network"}) { edges { node {
          slug hostCity { slug } previousEdition { slug } nextEdition { slug } } } } }"""
    ).data["conferences"]
    assert [edge["node"] for edge in data["edges"]] == [
        {
            "slug": "regional-network-conference",
            "hostCity": {"slug": "kutaisi"},
            "previousEdition": None,
            "nextEdition": {"slug": "second-network-conference"},
        },
        {
            "slug": "second-network-conference",
            "hostCity": {"slug": "gyumri"},
            "previousEdition": {"slug": "regional-network-conference"},
            "nextEdition": None,
        },
    ]


NEWS_OF = """query($slug: String!, $first: Int, $after: String, $order: NewsOrder! = NEWEST) {
  conference(slug: $slug) {
    newsItems(first: $first, after: $after, order: $order) {
      totalCount edges { node { title } } pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }
}"""


def test_news_about_a_conference(graphql, programme):
    """The draft item about the first conference is left out."""
    first = graphql(NEWS_OF, {"slug": "regional-network-conference"}).data["conference"]["newsItems"]
    assert titles(first) == [NEWS_TITLES[1]]
    assert first["totalCount"] == 1
    second = graphql(NEWS_OF, {"slug": "second-network-conference"}).data["conference"]["newsItems"]
    assert titles(second) == [NEWS_TITLES[5]]


def test_news_about_a_conference_page_by_page(graphql, programme):
    for n in range(3):
        factories.NewsPageFactory(
            parent=programme["news"],
            title=f"Report {n}",
            date=datetime.date(2022, 10, 10 + n),
            conference=programme["first_conference"],
        )
    variables = {"slug": "regional-network-conference", "first": 2}
    page = graphql(NEWS_OF, variables).data["conference"]["newsItems"]
    assert titles(page) == ["Report 2", "Report 1"]
    assert page["totalCount"] == 4
    assert page["pageInfo"]["hasNextPage"] is True
    rest = graphql(NEWS_OF, {**variables, "after": page["pageInfo"]["endCursor"]}).data["conference"]["newsItems"]
    assert titles(rest) == ["Report 0", NEWS_TITLES[1]]
    assert rest["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": True,
        "endCursor": rest["pageInfo"]["endCursor"],
    }
    assert rest["totalCount"] == 4
    oldest = graphql(NEWS_OF, {**variables, "order": "OLDEST"}).data["conference"]["newsItems"]
    assert titles(oldest) == [NEWS_TITLES[1], "Report 0"]


def test_each_conference_in_a_list_gets_its_own_news(graphql, programme):
    data = graphql(
        """{ conferences(filter: {partnership: "eu4culture-network"}) { edges { node {
          slug newsItems(first: 5) { totalCount edges { node { title } } } } } } }"""
    ).data["conferences"]
    news = {edge["node"]["slug"]: edge["node"]["newsItems"] for edge in data["edges"]}
    assert titles(news["regional-network-conference"]) == [NEWS_TITLES[1]]
    assert titles(news["second-network-conference"]) == [NEWS_TITLES[5]]
    assert news["regional-network-conference"]["totalCount"] == news["second-network-conference"]["totalCount"] == 1
