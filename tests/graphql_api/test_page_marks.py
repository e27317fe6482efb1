"""Numbered pages read from a list's marks (``graphql_api.page_marks``) are the pages skipping gives.

The marks' spacing is lowered so that the programme's few items reach them; "by skipping" is the
same request with a spacing no list reaches. Items sharing a date make the primary key decide
their order, so a mark between two of them must keep it.
"""

import datetime
import time

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from graphql_api import page_marks
from graphql_api.statements import forget_statements
from news.models import NewsPage
from tests import factories

from .fixtures_lists import titles, translate

QUERY = """query($first: Int, $offset: Int, $order: NewsOrder! = NEWEST, $filter: NewsFilter, $locale: String) {
  newsItems(first: $first, offset: $offset, order: $order, filter: $filter, locale: $locale) {
    totalCount
    edges { node { title } }
    pageInfo { hasNextPage hasPreviousPage }
  }
}"""
SAME_DAY = datetime.date(2022, 10, 3)  # news-3's date


@pytest.fixture
def spacing(monkeypatch):
    """Sets the marks' spacing (statements are compiled afresh for it)."""

    def set_spacing(value: int) -> None:
        monkeypatch.setattr(page_marks, "SPACING", value)
        forget_statements()

    yield set_spacing
    forget_statements()


@pytest.fixture
def crowded(programme):
    """Four more items on news-3's day (two on culture, two on mobility), and news-3 in French."""
    for number in range(4):
        factories.NewsPageFactory(
            parent=programme["news"],
            title=f"Same day {number}",
            slug=f"same-day-{number}",
            date=SAME_DAY,
            tags=["culture" if number < 2 else "mobility"],
        )
    translate(programme["news_items"][2], title="Gyumri rejoint le réseau")
    return programme


def read(graphql, **variables):
    response = graphql(QUERY, variables)
    assert not response.errors, response.errors
    return response.data["newsItems"]


@pytest.mark.parametrize("order", ["NEWEST", "OLDEST", "TITLE"])
@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("narrowed", [False, True])
def test_every_page_from_marks_is_the_page_skipping_gives(graphql, crowded, spacing, order, locale, narrowed):
    variables = {"order": order, "locale": locale, "filter": {"topic": "culture"} if narrowed else None}
    spacing(10**6)
    whole = read(graphql, first=100, **variables)
    expected = titles(whole)
    assert len(expected) >= 3
    for marks_every in (2, 3):
        spacing(marks_every)
        for offset in range(len(expected) + 2):
            page = read(graphql, first=2, offset=offset, **variables)
            assert titles(page) == expected[offset : offset + 2], (marks_every, offset)
            assert page["pageInfo"] == {"hasNextPage": offset + 2 < len(expected), "hasPreviousPage": offset > 0}
            assert page["totalCount"] == whole["totalCount"]


def _queries(graphql, **variables):
    with CaptureQueriesContext(connections["default"]) as queries:
        read(graphql, **variables)
    return [query["sql"] for query in queries]


def test_marks_are_read_once_then_a_deep_page_costs_what_the_first_costs(graphql, crowded, spacing):
    spacing(2)
    read(graphql, first=2)
    first_page = _queries(graphql, first=2)
    first_deep = _queries(graphql, first=2, offset=5)
    again = _queries(graphql, first=2, offset=7)
    assert [sql for sql in first_deep if "ROW_NUMBER()" in sql]
    assert len(first_deep) == len(first_page) + 1
    assert not [sql for sql in again if "ROW_NUMBER()" in sql]
    assert len(again) == len(first_page)


def test_a_publish_moves_the_pages_read_from_marks(graphql, crowded, spacing):
    spacing(2)
    before = titles(read(graphql, first=2, offset=4))
    newest = factories.NewsPageFactory(parent=crowded["news"], title="Newest of all", date=datetime.date(2022, 11, 1))
    after_publish = titles(read(graphql, first=2, offset=4))
    assert after_publish[1] == before[0]
    NewsPage.objects.get(pk=newest.pk).unpublish()
    assert titles(read(graphql, first=2, offset=4)) == before


def test_a_page_that_expires_moves_the_pages_read_from_marks(graphql, crowded, spacing):
    """Expiry is no save: the content version ends at the expiry, and the marks with it."""
    spacing(2)
    newest = NewsPage.objects.get(pk=crowded["news_items"][-1].pk)
    expire_at = timezone.now() + datetime.timedelta(seconds=2)
    newest.expire_at = expire_at
    newest.save_revision().publish()
    before = titles(read(graphql, first=2, offset=4))
    time.sleep(max(0.0, (expire_at - timezone.now()).total_seconds()) + 0.1)
    assert titles(read(graphql, first=2, offset=3)) == before


def test_a_page_below_the_first_mark_or_past_the_end_is_read_as_before(graphql, crowded, spacing):
    spacing(3)
    whole = titles(read(graphql, first=100))
    assert titles(read(graphql, first=2, offset=2)) == whole[2:4]
    assert titles(read(graphql, first=2, offset=len(whole) + 50)) == []


def test_marks_of_one_filter_value_are_not_those_of_another(graphql, crowded, spacing):
    spacing(2)
    for topic in ("culture", "mobility", "culture"):
        narrowed = {"filter": {"topic": topic}}
        whole = titles(read(graphql, first=100, **narrowed))
        assert [titles(read(graphql, first=1, offset=offset, **narrowed)) for offset in (2, 3)] == [
            whole[2:3],
            whole[3:4],
        ], topic


def test_french_marks_are_not_english_marks(graphql, crowded, spacing):
    spacing(2)
    english = titles(read(graphql, first=100))
    in_french = titles(read(graphql, first=100, locale="fr"))
    assert titles(read(graphql, first=1, offset=4)) == english[4:5]
    assert titles(read(graphql, first=1, offset=4, locale="fr")) == in_french[4:5]
    assert english != in_french


def test_start_of_takes_the_deepest_mark_passed():
    marks = [(2, "b", 20), (4, "d", 40), (6, "f", 60)]
    assert page_marks.start_of(marks, 1) is None
    assert page_marks.start_of(marks, 2) == page_marks.Start(after=("b", 20), remaining=0)
    assert page_marks.start_of(marks, 5) == page_marks.Start(after=("d", 40), remaining=1)
    assert page_marks.start_of(marks, 90) == page_marks.Start(after=("f", 60), remaining=84)


def test_a_process_keeps_the_marks_of_its_last_lists(monkeypatch):
    monkeypatch.setattr(page_marks, "KEPT_LISTS", 2)
    kept = page_marks._KeptMarks()
    for name in ("a", "b"):
        kept.put(name, [(1, name)])
    assert kept.get("a") == [(1, "a")]  # now the most recently used
    kept.put("c", [(1, "c")])
    assert kept.get("b") is None
    assert kept.get("a") == [(1, "a")]
    assert kept.get("c") == [(1, "c")]
