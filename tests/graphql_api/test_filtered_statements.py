"""Filtered lists are statements too: a filter's texts and dates are bound on each run, its
choices and the moment's date shape or feed the SQL, and every request gets its own answer."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from graphql_api.conditions import Conditions
from graphql_api.conferences.filters import ConferenceFilter, ConferenceStatus
from graphql_api.lists import _count_statement, _page_statement
from graphql_api.news.filters import NewsFilter
from graphql_api.statements import DATE, TEXT, forget_statements
from tests import factories

DAY = datetime.timedelta(days=1)


def test_texts_and_dates_are_values_choices_and_empty_texts_are_the_shape():
    where = NewsFilter(city="kutaisi", country="", date_from=datetime.date(2020, 6, 1))
    conditions, values = Conditions.of(where)
    assert conditions.slots == {"where_city": TEXT, "where_date_from": DATE}
    assert values == {"where_city": "kutaisi", "where_date_from": datetime.date(2020, 6, 1)}
    assert Conditions.of(NewsFilter(city="batumi", date_from=datetime.date(2021, 1, 1)))[0] == conditions

    upcoming, values = Conditions.of(ConferenceFilter(status=ConferenceStatus.UPCOMING))
    past, _ = Conditions.of(ConferenceFilter(status=ConferenceStatus.PAST))
    assert values == {}
    assert upcoming != past
    assert upcoming.filter_with({}) == ConferenceFilter(status=ConferenceStatus.UPCOMING)
    assert Conditions.of(None) == (Conditions(), {})


def test_a_filter_value_of_another_kind_is_refused():
    with pytest.raises(TypeError, match="neither a value nor a choice"):
        Conditions.of(NewsFilter(city=["kutaisi"]))  # type: ignore[arg-type]


def _ask(client: Any, query: str) -> Any:
    answer = client.post("/graphql/", {"query": query}, content_type="application/json").json()
    assert "errors" not in answer, answer
    return answer["data"]


def _compiled() -> int:
    """How many list statements (pages and counts) this process has compiled."""
    return _page_statement.cache_info().misses + _count_statement.cache_info().misses


@pytest.fixture
def week_of_news(site_tree):
    kutaisi = factories.CityProfilePageFactory(parent=site_tree["cities"], title="Kutaisi", country="GE")
    gyumri = factories.CityProfilePageFactory(parent=site_tree["cities"], title="Gyumri", country="AM")
    start = datetime.date(2020, 6, 1)
    for day in range(7):
        factories.NewsPageFactory(
            parent=site_tree["news"], title=f"Day {day}", date=start + day * DAY, cities=[(kutaisi, gyumri)[day % 2]]
        )
    return start


def test_one_statement_answers_every_range_and_city_with_its_own_items(client, week_of_news):
    forget_statements()
    start = week_of_news

    def titles(where: str) -> list[str]:
        query = f"{{ newsItems(first: 50, order: OLDEST, filter: {{ {where} }}) {{ totalCount edges {{ node {{ title }} }} }} }}"
        connection = _ask(client, query)["newsItems"]
        assert connection["totalCount"] == len(connection["edges"])
        return [edge["node"]["title"] for edge in connection["edges"]]

    def days(first: int, last: int) -> str:
        return f'dateFrom: "{start + first * DAY}", dateTo: "{start + last * DAY}"'

    assert titles(days(0, 2)) == ["Day 0", "Day 1", "Day 2"]
    compiled = _compiled()
    assert titles(days(3, 4)) == ["Day 3", "Day 4"]
    assert titles(days(6, 9)) == ["Day 6"]
    assert titles(days(8, 9)) == []
    assert _compiled() == compiled  # one shape, four answers and their totals

    assert titles('country: "am"') == ["Day 1", "Day 3", "Day 5"]  # upper-cased by the database
    compiled = _compiled()
    assert titles('country: "GE"') == ["Day 0", "Day 2", "Day 4", "Day 6"]
    assert titles('country: "FR"') == []
    assert _compiled() == compiled


def test_a_status_filter_reads_the_date_each_request_runs_on(client, site_tree, monkeypatch):
    forget_statements()
    today = timezone.localdate()
    factories.ConferencePageFactory(parent=site_tree["conferences"], title="Soon", start_date=today + 2 * DAY)
    query = "{ conferences(filter: { status: UPCOMING }) { edges { node { title status } } } }"
    assert _ask(client, query)["conferences"]["edges"] == [{"node": {"title": "Soon", "status": "UPCOMING"}}]
    compiled = _compiled()

    later = timezone.now() + 3 * DAY  # the conference's second day
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert _ask(client, query)["conferences"]["edges"] == []
    ongoing = query.replace("UPCOMING", "ONGOING")
    assert _ask(client, ongoing)["conferences"]["edges"] == [{"node": {"title": "Soon", "status": "ONGOING"}}]
    assert _compiled() == compiled + 1  # the same statement for UPCOMING on both days; ONGOING is another


def test_every_page_after_a_cursor_is_one_statement_with_the_cursor_s_values(client, week_of_news):
    forget_statements()
    query = """query($after: String) { newsItems(first: 2, order: OLDEST, after: $after, filter: { country: "GE" }) {
      edges { node { title } } pageInfo { endCursor hasNextPage } } }"""

    def page(after: str | None) -> Any:
        answer = client.post(
            "/graphql/", {"query": query, "variables": {"after": after}}, content_type="application/json"
        ).json()
        assert "errors" not in answer, answer
        return answer["data"]["newsItems"]

    first = page(None)
    second = page(first["pageInfo"]["endCursor"])
    compiled = _compiled()
    third = page(second["pageInfo"]["endCursor"])
    assert _compiled() == compiled  # the second and third pages: one statement, two cursors
    titles = [edge["node"]["title"] for result in (first, second, third) for edge in result["edges"]]
    assert titles == ["Day 0", "Day 2", "Day 4", "Day 6"]
    assert [result["pageInfo"]["hasNextPage"] for result in (first, second)] == [True, False]
    assert third["edges"] == []  # after the last item
