"""Relay pagination of every list: pages forwards and backwards, offsets, limits, bad cursors, stable cursors."""

import base64
import datetime
import json
import re

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from graphql_api import page_marks, pagination
from graphql_api.statements import forget_statements
from news.models import NewsPage
from tests import factories

from .fixtures_lists import BY_TITLE, NEWEST, NEWS_TITLES, OLDEST, titles

NEWS = """query($first: Int, $after: String, $last: Int, $before: String, $offset: Int, $order: NewsOrder! = NEWEST,
               $filter: NewsFilter) {
  newsItems(first: $first, after: $after, last: $last, before: $before, offset: $offset, order: $order, filter: $filter) {
    totalCount
    edges { cursor node { title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""


def news_page(graphql, **variables):
    return graphql(NEWS, variables).data["newsItems"]


def page_info(connection):
    info = connection["pageInfo"]
    return info["hasPreviousPage"], info["hasNextPage"]


def test_first_page_then_following_pages_until_the_end(graphql, programme):
    first = news_page(graphql, first=2)
    assert titles(first) == NEWEST[:2]
    assert page_info(first) == (False, True)
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]

    second = news_page(graphql, first=2, after=first["pageInfo"]["endCursor"])
    assert titles(second) == NEWEST[2:4]
    assert page_info(second) == (True, True)

    last = news_page(graphql, first=2, after=second["pageInfo"]["endCursor"])
    assert titles(last) == NEWEST[4:]
    assert page_info(last) == (True, False)
    assert first["totalCount"] == second["totalCount"] == last["totalCount"] == 5


def test_a_page_that_ends_exactly_at_the_end_has_no_next_page(graphql, programme):
    whole = news_page(graphql, first=5)
    assert titles(whole) == NEWEST
    assert page_info(whole) == (False, False)
    after_the_end = news_page(graphql, first=5, after=whole["pageInfo"]["endCursor"])
    assert after_the_end["edges"] == []
    assert after_the_end["pageInfo"]["hasNextPage"] is False
    assert after_the_end["totalCount"] == 5


def test_cursors_point_at_their_own_item(graphql, programme):
    """Continuing after any edge's cursor gives the items that follow that edge."""
    edges = news_page(graphql)["edges"]
    for index, edge in enumerate(edges):
        assert titles(news_page(graphql, after=edge["cursor"])) == NEWEST[index + 1 :]


@pytest.mark.parametrize(("order", "expected"), [("NEWEST", NEWEST), ("OLDEST", OLDEST), ("TITLE", BY_TITLE)])
def test_walking_every_order_page_by_page_gives_the_whole_list_once(graphql, programme, order, expected):
    seen, after = [], None
    for _ in range(5):
        connection = news_page(graphql, first=2, after=after, order=order)
        seen += titles(connection)
        after = connection["pageInfo"]["endCursor"]
        if not connection["pageInfo"]["hasNextPage"]:
            break
    assert seen == expected


def test_last_and_before_go_backwards(graphql, programme):
    tail = news_page(graphql, last=2)
    assert titles(tail) == NEWEST[3:]
    assert page_info(tail) == (True, False)

    middle = news_page(graphql, last=2, before=tail["pageInfo"]["startCursor"])
    assert titles(middle) == NEWEST[1:3]
    assert page_info(middle) == (True, True)

    head = news_page(graphql, last=2, before=middle["pageInfo"]["startCursor"])
    assert titles(head) == NEWEST[:1]
    assert page_info(head) == (False, True)
    assert tail["totalCount"] == middle["totalCount"] == head["totalCount"] == 5


def test_last_larger_than_the_list_gives_the_whole_list(graphql, programme):
    connection = news_page(graphql, last=10, order="TITLE")
    assert titles(connection) == BY_TITLE
    assert page_info(connection) == (False, False)


def test_after_and_before_together_give_the_items_between(graphql, programme):
    edges = news_page(graphql)["edges"]
    between = news_page(graphql, after=edges[0]["cursor"], before=edges[4]["cursor"])
    assert titles(between) == NEWEST[1:4]


@pytest.fixture(params=["rows sorted whole", "keys first", "from a mark"])
def offset_strategy(request, monkeypatch):
    """The ways a numbered page is read: below ``LATE_ROW_LOOKUP_OFFSET`` the full rows are
    sorted; from it on, the page's keys are found first and its rows read after; from the first
    of the list's marks (``page_marks.SPACING``) on, the page is read after the mark it passes.
    The thresholds are lowered here so that the small data set reaches them (statements are
    compiled afresh for them)."""
    monkeypatch.setattr(page_marks, "SPACING", 2 if request.param == "from a mark" else 10**6)
    if request.param == "keys first":
        monkeypatch.setattr(pagination, "LATE_ROW_LOOKUP_OFFSET", 1)
    forget_statements()  # those compiled with the other thresholds
    yield request.param
    forget_statements()


def news_page_at(graphql, strategy, **variables):
    """``news_page``, checking that the page was read the way ``strategy`` says."""
    with CaptureQueriesContext(connections["default"]) as queries:
        connection = news_page(graphql, **variables)
    offset = variables.get("offset", 0)
    keys_first = [query["sql"] for query in queries if re.search(r"IN \(SELECT .* OFFSET \d+\)", query["sql"])]
    assert bool(keys_first) is (strategy == "keys first" and offset > 0)
    skipping_all = [query["sql"] for query in queries if re.search(rf"OFFSET {offset}\b", query["sql"])]
    assert bool(skipping_all) is (offset > 0 and not (strategy == "from a mark" and offset >= 2))
    return connection


@pytest.mark.parametrize(
    ("offset", "first", "expected", "has_next"),
    [
        (0, 2, NEWEST[0:2], True),
        (2, 2, NEWEST[2:4], True),
        (4, 2, NEWEST[4:], False),
        (5, 2, [], False),
        (50, 2, [], False),
    ],
)
def test_offset_serves_numbered_archive_pages(graphql, programme, offset_strategy, offset, first, expected, has_next):
    connection = news_page_at(graphql, offset_strategy, offset=offset, first=first)
    assert titles(connection) == expected
    assert connection["pageInfo"]["hasNextPage"] is has_next
    assert connection["pageInfo"]["hasPreviousPage"] is (offset > 0)
    assert connection["totalCount"] == 5


def test_offset_applies_to_the_chosen_order_and_filter(graphql, programme, offset_strategy):
    assert titles(news_page_at(graphql, offset_strategy, offset=1, first=2, order="TITLE")) == BY_TITLE[1:3]
    assert titles(news_page_at(graphql, offset_strategy, offset=3, first=2, order="TITLE")) == BY_TITLE[3:5]
    assert titles(news_page_at(graphql, offset_strategy, offset=3, first=2, order="OLDEST")) == OLDEST[3:5]
    culture = {"topic": "culture"}
    assert titles(news_page_at(graphql, offset_strategy, offset=1, first=5, filter=culture)) == [
        NEWS_TITLES[3],
        NEWS_TITLES[1],
    ]
    assert titles(news_page_at(graphql, offset_strategy, offset=2, first=5, filter=culture)) == [NEWS_TITLES[1]]


def test_empty_result(graphql, programme):
    connection = news_page(graphql, filter={"city": "nowhere"})
    assert connection == {
        "totalCount": 0,
        "edges": [],
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None, "endCursor": None},
    }


def test_first_zero_gives_no_items_but_the_count(graphql, programme):
    connection = news_page(graphql, first=0)
    assert connection["edges"] == []
    assert connection["totalCount"] == 5
    assert connection["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": None,
        "endCursor": None,
    }


def test_first_100_is_allowed(graphql, programme):
    connection = news_page(graphql, first=100)
    assert titles(connection) == NEWEST
    assert connection["pageInfo"]["hasNextPage"] is False


def test_default_page_size_is_20(graphql, programme):
    for n in range(16):
        factories.NewsPageFactory(parent=programme["news"], title=f"Extra {n:02}", date=datetime.date(2021, 1, n + 1))
    connection = news_page(graphql)
    assert connection["totalCount"] == 21
    assert len(connection["edges"]) == 20
    assert connection["pageInfo"]["hasNextPage"] is True
    rest = news_page(graphql, after=connection["pageInfo"]["endCursor"])
    assert titles(rest) == ["Extra 00"]


ROOT_LISTS = ["newsItems", "conferences", "cities", "partnerships"]


def _list_query(field: str, arguments: str) -> str:
    node = "name" if field == "partnerships" else "title"
    return f"{{ {field}({arguments}) {{ edges {{ node {{ {node} }} }} }} }}"


@pytest.mark.parametrize("field", ROOT_LISTS)
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ("first: 101", "between 0 and 100"),
        ("last: 101", "between 0 and 100"),
        ("first: -1", "between 0 and 100"),
        ("last: -5", "between 0 and 100"),
        ("first: 2, last: 2", "not both"),
        ("offset: -1", "offset"),
        ('after: "garbage"', "Invalid cursor"),
        ('before: "garbage"', "Invalid cursor"),
    ],
)
def test_bad_page_arguments_are_refused_not_corrected(graphql, programme, field, arguments, message):
    response = graphql(_list_query(field, arguments))
    assert response.codes == ["BAD_USER_INPUT"]
    assert message in response.errors[0]["message"]
    assert response.errors[0]["path"] == [field]
    assert response.body["data"] is None


def test_too_large_page_names_the_maximum(graphql, programme):
    response = graphql("{ newsItems(first: 101) { totalCount } }")
    assert response.codes == ["BAD_USER_INPUT"]
    assert "100" in response.errors[0]["message"]
    assert "101" in response.errors[0]["message"]


@pytest.mark.parametrize(
    ("parent", "field"),
    [("cities", "newsItems"), ("cities", "conferences"), ("partnerships", "cities"), ("conferences", "newsItems")],
)
@pytest.mark.parametrize("arguments", ["first: 101", "first: -1", "first: 1, last: 1", 'after: "garbage"'])
def test_bad_page_arguments_on_reverse_references_are_refused(graphql, programme, parent, field, arguments):
    response = graphql(f"{{ {parent} {{ edges {{ node {{ {field}({arguments}) {{ totalCount }} }} }} }} }}")
    assert set(response.codes) == {"BAD_USER_INPUT"}
    assert {tuple(error["path"]) for error in response.errors} == {(parent, "edges", 0, "node", field)}


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!",
        _cursor({"date": "2022-10-01"}),
        _cursor(["2022-10-01"]),
        _cursor(["2022-10-01", 1, 2]),
        _cursor(["not a date", 1]),
        _cursor(["2022-10-01", "not a number"]),
        _cursor([None, 1]),
        _cursor(["2022-10-01", None]),
        _cursor(["2022-10-01", [1]]),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
        base64.urlsafe_b64encode(b"not json").decode(),
    ],
)
def test_a_cursor_this_api_did_not_make_is_bad_user_input(graphql, programme, cursor):
    response = graphql(NEWS, {"first": 2, "after": cursor})
    assert response.codes == ["BAD_USER_INPUT"]
    assert "Invalid cursor" in response.errors[0]["message"]


def test_a_title_cursor_postgresql_cannot_compare_is_bad_user_input(graphql, programme):
    for values in (["A\u0000B", 1], [None, 1]):
        response = graphql(NEWS, {"after": _cursor(values), "order": "TITLE"})
        assert response.codes == ["BAD_USER_INPUT"], values


def test_a_cursor_of_another_order_is_bad_user_input(graphql, programme):
    title_cursor = news_page(graphql, first=1, order="TITLE")["pageInfo"]["endCursor"]
    response = graphql(NEWS, {"first": 2, "after": title_cursor, "order": "NEWEST"})
    assert response.codes == ["BAD_USER_INPUT"]
    country_cursor = graphql("{ cities(order: COUNTRY, first: 1) { pageInfo { endCursor } } }").data["cities"]
    response = graphql(
        "query($after: String) { cities(order: NAME, after: $after) { totalCount } }",
        {"after": country_cursor["pageInfo"]["endCursor"]},
    )
    assert response.codes == ["BAD_USER_INPUT"]


def test_cursor_stays_on_its_item_when_newer_news_is_published(graphql, programme):
    first = news_page(graphql, first=2)
    assert titles(first) == NEWEST[:2]
    factories.NewsPageFactory(parent=programme["news"], title="Breaking", date=datetime.date(2022, 10, 9))
    factories.NewsPageFactory(parent=programme["news"], title="Same day as the cursor", date=datetime.date(2022, 10, 4))
    rest = news_page(graphql, first=10, after=first["pageInfo"]["endCursor"])
    assert titles(rest) == NEWEST[2:]
    assert rest["totalCount"] == 7
    assert titles(news_page(graphql, first=3))[0] == "Breaking"


def test_cursor_stays_on_its_item_in_title_order(graphql, programme):
    first = news_page(graphql, first=2, order="TITLE")
    factories.NewsPageFactory(parent=programme["news"], title="AAA first of all", date=datetime.date(2022, 10, 9))
    rest = news_page(graphql, first=10, after=first["pageInfo"]["endCursor"], order="TITLE")
    assert titles(rest) == BY_TITLE[2:]


def test_cursor_survives_its_item_being_unpublished(graphql, programme):
    first = news_page(graphql, first=2)
    NewsPage.objects.get(slug="news-4").unpublish()
    rest = news_page(graphql, first=10, after=first["pageInfo"]["endCursor"])
    assert titles(rest) == NEWEST[2:]
    assert rest["totalCount"] == 4


def test_backwards_cursor_stays_on_its_item(graphql, programme):
    tail = news_page(graphql, last=2)
    factories.NewsPageFactory(parent=programme["news"], title="Older still", date=datetime.date(2022, 9, 1))
    before = news_page(graphql, last=10, before=tail["pageInfo"]["startCursor"])
    assert titles(before) == NEWEST[:3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{ conferences(first: 1) { edges { cursor node { title } } pageInfo { endCursor } } }", "conferences"),
        ("{ cities(first: 1) { edges { cursor node { title } } pageInfo { endCursor } } }", "cities"),
        ("{ cities(first: 1, order: COUNTRY) { edges { cursor node { title } } pageInfo { endCursor } } }", "cities"),
        ("{ partnerships(first: 1) { edges { cursor node { name } } pageInfo { endCursor } } }", "partnerships"),
    ],
    ids=["conferences", "cities-by-name", "cities-by-country", "partnerships"],
)
def test_every_root_list_pages_forward_to_the_end(graphql, programme, query, expected):
    whole = graphql(query.replace("first: 1", "first: 100")).data[expected]["edges"]
    seen, after = [], None
    for _ in range(len(whole) + 1):
        paged = query.replace("first: 1", f'first: 1, after: "{after}"') if after else query
        connection = graphql(paged).data[expected]
        seen += [edge["node"] for edge in connection["edges"]]
        after = connection["pageInfo"]["endCursor"]
        if after is None:
            break
    assert seen == [edge["node"] for edge in whole]
    assert len(seen) >= 2
