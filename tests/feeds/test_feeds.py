"""The news feeds and the conference calendar, read over real HTTP by real parsers.

RSS and Atom go through feedparser, JSON Feed through the JSON Feed 1.1 schema (a fixture file
written from the specification) and the calendar through icalendar, as subscribers' software would.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import jsonschema
import pytest
from PIL import Image as PillowImage

from home.models import FrontendSettings
from news.models import NewsPage
from tests import factories
from tests.graphql_api.conftest import assert_num_queries, http
from tests.graphql_api.fixtures_lists import translate
from tests.graphql_api.fixtures_safety import HIDDEN_KINDS, hidden_page, other_site, restricted_section

SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text())
FRONTEND = "https://www.example.org"


def get(api_url: str, path: str) -> tuple[int, dict[str, str], bytes]:
    return http("GET", f"{api_url}{path}")


def parsed(api_url: str, path: str) -> Any:
    status, _headers, body = get(api_url, path)
    assert status == 200, body
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.bozo_exception
    return feed


def json_feed(api_url: str, path: str = "/feeds/news.json") -> dict[str, Any]:
    status, headers, body = get(api_url, path)
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/feed+json")
    document = json.loads(body)
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.FormatChecker())
    return document


def calendar(api_url: str, path: str = "/feeds/conferences.ics") -> icalendar.Calendar:
    status, headers, body = get(api_url, path)
    assert status == 200, body
    assert headers["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(body)


def titles(feed: Any) -> list[str]:
    return [entry.title for entry in feed.entries]


NEWEST_FIRST = [f"News {n}" for n in range(5, 0, -1)]


def test_rss_lists_the_news_newest_first_with_links_dates_topics_and_hero_images(api_url, content):
    feed = parsed(api_url, "/feeds/news.rss")
    assert feed.version == "rss20"
    assert feed.feed.link == f"{FRONTEND}/"
    assert feed.feed.language == "en"
    assert titles(feed) == NEWEST_FIRST
    newest = feed.entries[0]
    assert newest.link == f"{FRONTEND}/news/news-5/"
    assert newest.id == newest.link
    assert newest.summary == content["news_items"][4].standfirst
    # Midnight of the item's date in the site's time zone (Europe/Brussels, UTC+2 in October).
    assert newest.published == "Wed, 05 Oct 2022 00:00:00 +0200"
    assert tuple(newest.published_parsed[:5]) == (2022, 10, 4, 22, 0)
    assert [tag.term for tag in newest.tags] == ["culture"]
    (enclosure,) = newest.enclosures
    assert enclosure.type == "image/jpeg"
    status, _headers, body = http("GET", enclosure.href)
    assert status == 200
    picture = PillowImage.open(io.BytesIO(body))
    assert picture.format == "JPEG"
    assert picture.width <= 1200


def test_atom_has_the_same_items_with_updated_dates(api_url, content):
    feed = parsed(api_url, "/feeds/news.atom")
    assert feed.version == "atom10"
    assert titles(feed) == NEWEST_FIRST
    entry = feed.entries[0]
    assert entry.link == f"{FRONTEND}/news/news-5/"
    assert entry.updated_parsed >= entry.published_parsed
    assert [link.type for link in entry.links if link.rel == "enclosure"] == ["image/jpeg"]


def test_json_feed_is_valid_json_feed_1_1(api_url, content):
    document = json_feed(api_url)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["home_page_url"] == f"{FRONTEND}/"
    assert document["feed_url"].endswith("/feeds/news.json")
    assert [item["title"] for item in document["items"]] == NEWEST_FIRST
    item = document["items"][0]
    assert item["id"] == item["url"] == f"{FRONTEND}/news/news-5/"
    assert datetime.datetime.fromisoformat(item["date_published"]) == datetime.datetime(
        2022, 10, 4, 22, tzinfo=datetime.UTC
    )
    assert item["image"] == item["attachments"][0]["url"]
    assert item["tags"] == ["culture"]


def test_json_feed_schema_refuses_what_the_specification_refuses():
    """The schema fixture is strict enough to catch a broken feed."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{}]}, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x", "items": []}, SCHEMA)


def test_calendar_has_one_all_day_event_per_conference(api_url, content):
    events = calendar(api_url).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Regional Network Conference"
    assert event.decoded("DTSTART") == datetime.date(2022, 10, 6)
    # The end of an all-day event is exclusive: the day after the last day.
    assert event.decoded("DTEND") == datetime.date(2022, 10, 8)
    assert "Kutaisi" in str(event["LOCATION"])
    assert str(event["URL"]) == f"{FRONTEND}/conferences/regional-network-conference/"
    assert str(event["UID"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("city=barcelona", ["News 4", "News 2"]),
        ("city=gyumri", ["News 5", "News 3", "News 1"]),
        ("topic=mobility", ["News 4", "News 2"]),
        ("partnership=eu4culture-network", NEWEST_FIRST),
        ("partnership=eu4culture", []),
        ("city=gyumri&topic=culture", ["News 5", "News 3", "News 1"]),
        ("topic=nothing-tagged", []),
    ],
)
def test_news_feeds_filter_by_partnership_city_and_topic(api_url, content, query, expected):
    assert titles(parsed(api_url, f"/feeds/news.rss?{query}")) == expected
    assert [item["title"] for item in json_feed(api_url, f"/feeds/news.json?{query}")["items"]] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("city=kutaisi", 1),
        ("city=barcelona", 0),
        ("partnership=eu4culture-network", 1),
        ("partnership=eu4culture", 0),
        ("topic=culture", 1),  # News 1, tagged culture, reports on it
        ("topic=mobility", 0),
    ],
)
def test_calendar_filters_by_partnership_host_city_and_topic_of_its_news(api_url, content, query, expected):
    assert len(calendar(api_url, f"/feeds/conferences.ics?{query}").walk("VEVENT")) == expected


def test_french_feeds_show_translations_and_fall_back_to_english(api_url, content):
    translate(content["news_items"][0], title="Actualité 1")
    translate(content["conference"], title="Conférence régionale")
    feed = parsed(api_url, "/feeds/news.rss?locale=fr")
    assert feed.feed.language == "fr"
    assert titles(feed) == [*NEWEST_FIRST[:4], "Actualité 1"]
    assert feed.entries[4].link == f"{FRONTEND}/fr/news/news-1/"
    (event,) = calendar(api_url, "/feeds/conferences.ics?locale=fr").walk("VEVENT")
    assert str(event["SUMMARY"]) == "Conférence régionale"
    assert str(event["URL"]) == f"{FRONTEND}/fr/conferences/regional-network-conference/"


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_feeds_never_show_a_page_that_may_not_be_public(api_url, content, kind):
    elsewhere = other_site()
    parents = {
        "public": content["news"],
        "restricted-section": restricted_section(content, "news"),
        "other-site": elsewhere["news"],
    }
    hidden_page(factories.NewsPageFactory, kind, parents, title="Hidden news", date=datetime.date(2030, 1, 1))
    city_parents = {
        "public": content["cities"],
        "restricted-section": restricted_section(content, "cities"),
        "other-site": elsewhere["cities"],
    }
    hidden_city = hidden_page(factories.CityProfilePageFactory, kind, city_parents, title="Secret city")
    content["conference"].host_city = hidden_city
    content["conference"].save_revision().publish()
    for path in ("/feeds/news.rss", "/feeds/news.atom", "/feeds/news.json", "/feeds/conferences.ics"):
        status, _headers, body = get(api_url, path)
        assert status == 200
        assert b"Hidden news" not in body
        assert b"Secret city" not in body
    assert titles(parsed(api_url, f"/feeds/news.rss?city={hidden_city.slug}")) == []


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("locale=xx", 400, b"Unknown locale"),
        ("city=%00", 400, b"must be a slug"),
        ("topic=a%20b", 400, b"must be a slug"),
        ("partnership=" + "x" * 300, 400, b"must be a slug"),
    ],
)
def test_bad_filters_are_a_clear_400_with_a_code(api_url, content, query, status, message):
    for path in ("/feeds/news.rss", "/feeds/news.json", "/feeds/conferences.ics"):
        got, headers, body = get(api_url, f"{path}?{query}")
        assert got == status
        assert headers["Content-Type"] == "application/json"
        error = json.loads(body)["error"]
        assert error["code"] == "BAD_USER_INPUT"
        assert message.decode() in error["message"]


def test_feeds_need_the_front_end_address(api_url, content):
    FrontendSettings.objects.update(base_url="")
    for path in ("/feeds/news.rss", "/feeds/conferences.ics"):
        status, _headers, body = get(api_url, path)
        assert status == 404
        error = json.loads(body)["error"]
        assert error["code"] == "NOT_FOUND"
        assert "front-end address" in error["message"]


@pytest.mark.parametrize(("path", "expected"), [("/feeds/news.rss", 5), ("/feeds/conferences.ics", 2)])
def test_a_feed_costs_the_same_queries_for_one_item_or_many(api_url, content, path, expected):
    for number in range(3):
        factories.ConferencePageFactory(parent=content["conferences"], host_city=content["gyumri"], title=f"C{number}")
    get(api_url, path)  # renders the hero renditions
    with assert_num_queries(expected):
        assert get(api_url, path)[0] == 200
    NewsPage.objects.exclude(pk=content["news_items"][0].pk).delete()
    get(api_url, path)  # the delete changed the content, so the shared site lookups are read again once
    with assert_num_queries(expected):
        assert get(api_url, path)[0] == 200
