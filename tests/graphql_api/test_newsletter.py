"""The newsletter path of the API: ``recentItems``, ``summary``, ``emailHtml`` and feed links.

Everything over real HTTP; e-mail HTML is parsed back with the standard library's HTML parser
and its images fetched and opened with Pillow, so a width attribute that lies fails.
"""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from wagtail.embeds.models import Embed
from wagtail.models import Page

from graphql_api.page_text import cut_at_word
from news.models import NewsPage
from tests import factories

from .conftest import assert_num_queries
from .fixtures_lists import translate
from .fixtures_safety import (
    HIDDEN_KINDS,
    fetch_image,
    hidden_page,
    make_image,
    other_site,
    private_collection,
    restricted_section,
)

FRONTEND = "https://www.example.org"
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
UNKNOWN_VIDEO = "https://vimeo.com/1"


def at(day: int, month: int = 1, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2024, month, day, hour, tzinfo=datetime.UTC)


@pytest.fixture
def dated(content: dict[str, Any]) -> dict[str, Any]:
    """News n first published on 2024-01-n, the conference on the 10th, the cities in 2023."""
    for n, item in enumerate(content["news_items"], start=1):
        NewsPage.objects.filter(pk=item.pk).update(first_published_at=at(n), last_published_at=at(n))
    Page.objects.filter(pk=content["conference"].pk).update(first_published_at=at(10), last_published_at=at(10))
    # In December 2024, after every news item: Kutaisi last.
    for hour, city in enumerate(("barcelona", "gyumri", "kutaisi"), start=12):
        Page.objects.filter(pk=content[city].pk).update(
            first_published_at=at(1, 12, hour), last_published_at=at(1, 12, hour)
        )
    return content


RECENT = """query ($since: DateTime!, $until: DateTime, $types: [SearchType!], $partnership: ID, $city: ID,
  $topic: String, $includeUpdated: Boolean, $locale: String, $first: Int, $after: String) {
  recentItems(since: $since, until: $until, types: $types, partnership: $partnership, city: $city, topic: $topic,
    includeUpdated: $includeUpdated, locale: $locale, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { __typename title url } }
  }
}"""


def recent(graphql, **variables: Any) -> list[str]:
    variables.setdefault("since", "2024-01-01T00:00:00Z")
    return [edge["node"]["title"] for edge in graphql(RECENT, variables).data["recentItems"]["edges"]]


def test_recent_items_are_those_first_published_in_the_window_newest_first(graphql, dated):
    assert recent(graphql, since="2024-01-02T00:00:00Z", until="2024-01-05T00:00:00Z") == [
        "News 4",
        "News 3",
        "News 2",
    ]
    assert recent(graphql) == ["Kutaisi", "Gyumri", "Barcelona", "Regional Network Conference", *NEWS_NEWEST]


NEWS_NEWEST = [f"News {n}" for n in range(5, 0, -1)]


def test_a_window_without_a_zone_is_read_in_the_site_time_zone(graphql, dated):
    # News 2 was published at 12:00 UTC, 13:00 in Brussels: a window ending 12:30 Brussels time misses it.
    assert "News 2" not in recent(graphql, since="2024-01-02T00:00:00", until="2024-01-02T12:30:00")
    assert recent(graphql, since="2024-01-02T00:00:00", until="2024-01-02T13:30:00") == ["News 2"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"types": ["CONFERENCE"]}, ["Regional Network Conference"]),
        ({"types": ["NEWS_ITEM", "CITY"], "first": 2}, ["Kutaisi", "Gyumri"]),
        ({"topic": "mobility"}, ["News 4", "News 2"]),
        ({"topic": "culture", "types": ["CONFERENCE"]}, ["Regional Network Conference"]),
        ({"topic": "culture", "types": ["CITY"]}, []),
    ],
)
def test_recent_items_filter_by_type_and_topic(graphql, dated, filters, expected):
    assert recent(graphql, **filters) == expected


def test_recent_items_filter_by_partnership_and_city_ids(graphql, dated):
    network = str(dated["network"].pk)
    assert recent(graphql, partnership=network) == ["Kutaisi", "Gyumri", "Regional Network Conference", *NEWS_NEWEST]
    assert recent(graphql, partnership=str(dated["programme"].pk)) == []
    assert recent(graphql, city=str(dated["kutaisi"].pk)) == [
        "Kutaisi",
        "Regional Network Conference",
        "News 5",
        "News 3",
        "News 1",
    ]
    assert recent(graphql, city=str(dated["barcelona"].pk), types=["NEWS_ITEM"]) == ["News 4", "News 2"]
    assert recent(graphql, partnership="999999") == []


def test_include_updated_windows_on_the_last_publication(graphql, dated):
    NewsPage.objects.filter(pk=dated["news_items"][0].pk).update(last_published_at=at(20))
    assert recent(graphql, since="2024-01-15T00:00:00Z", until="2024-02-01T00:00:00Z") == []
    assert recent(graphql, since="2024-01-15T00:00:00Z", until="2024-02-01T00:00:00Z", includeUpdated=True) == [
        "News 1"
    ]


def test_recent_items_page_with_cursors(graphql, dated):
    variables = {"since": "2024-01-01T00:00:00Z", "types": ["NEWS_ITEM"], "first": 2}
    first_page = graphql(RECENT, variables).data["recentItems"]
    assert first_page["totalCount"] == 5
    assert first_page["pageInfo"]["hasNextPage"]
    after = graphql(RECENT, {**variables, "after": first_page["pageInfo"]["endCursor"]}).data["recentItems"]
    assert [edge["node"]["title"] for edge in after["edges"]] == ["News 3", "News 2"]


def test_recent_items_in_french_fall_back_to_english(graphql, dated):
    french = translate(dated["news_items"][4], title="Actualité 5")
    Page.objects.filter(pk=french.pk).update(first_published_at=at(5), last_published_at=at(5))
    response = graphql(RECENT, {"since": "2024-01-01T00:00:00Z", "types": ["NEWS_ITEM"], "locale": "fr"})
    nodes = [edge["node"] for edge in response.data["recentItems"]["edges"]]
    assert [node["title"] for node in nodes] == ["Actualité 5", *NEWS_NEWEST[1:]]
    assert nodes[0]["url"] == f"{FRONTEND}/fr/news/news-5/"
    assert nodes[1]["url"] == f"{FRONTEND}/news/news-4/"


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_recent_items_never_show_a_hidden_page(graphql, dated, kind):
    parents = {
        "public": dated["news"],
        "restricted-section": restricted_section(dated, "news"),
        "other-site": other_site()["news"],
    }
    hidden = hidden_page(factories.NewsPageFactory, kind, parents, title="Hidden news")
    Page.objects.filter(pk=hidden.pk).update(first_published_at=at(3), last_published_at=at(3))
    assert "Hidden news" not in recent(graphql, includeUpdated=True)
    assert "Hidden news" not in recent(graphql)


@pytest.mark.parametrize(
    "variables",
    [
        {"since": "2024-02-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"},
        {"since": "2024-01-01T00:00:00Z", "partnership": "abc"},
        {"since": "2024-01-01T00:00:00Z", "city": "99999999999999999999999"},
        {"since": "2024-01-01T00:00:00Z", "first": 101},
        {"since": "2024-01-01T00:00:00Z", "after": "bm9wZQ=="},
        {"since": "2024-01-01T00:00:00Z", "locale": "xx"},
    ],
)
def test_bad_recent_items_arguments_are_bad_user_input(graphql, dated, variables):
    assert graphql(RECENT, variables).codes == ["BAD_USER_INPUT"]


def test_a_hidden_city_id_matches_nothing(graphql, dated):
    hidden = hidden_page(factories.CityProfilePageFactory, "login", {"public": dated["cities"]}, title="Secret")
    for item in dated["news_items"]:
        item.city_links.create(city=hidden)
    assert recent(graphql, city=str(hidden.pk)) == []


# --- summary ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "length", "expected"),
    [
        ("Short enough.", 300, "Short enough."),
        ("Partners met in Kutaisi and Gyumri.", 20, "Partners met in…"),
        ("Partners met in Kutaisi, and Gyumri.", 25, "Partners met in Kutaisi…"),
        ("Unbreakablewordthatgoeson", 10, "Unbreakab…"),
        ("Exactly ten", 11, "Exactly ten"),
    ],
)
def test_cut_at_word(text, length, expected):
    cut = cut_at_word(text, length)
    assert cut == expected
    assert len(cut) <= length


SUMMARIES = """{ recentItems(since: "2020-01-01T00:00:00Z", first: 100) { edges { node {
  __typename title summary short: summary(maxLength: 40) } } } }"""


def test_every_page_type_has_a_summary_cut_at_a_word(graphql, dated):
    NewsPage.objects.filter(pk=dated["news_items"][0].pk).update(
        standfirst="Partners of the EU4Culture network met in Kutaisi to compare their cultural strategies."
    )
    dated["conference"].summary = "A two-day meeting of the network's fourteen member cities in Kutaisi, Georgia."
    dated["conference"].save_revision().publish()
    gyumri = dated["gyumri"]
    gyumri.summary = ""
    gyumri.search_description = ""
    gyumri.body = [
        ("heading", {"text": "A city of crafts"}),
        ("paragraph", "<p>Gyumri is <b>Armenia</b>'s second city.</p>"),
    ]
    gyumri.save_revision().publish()
    nodes = {edge["node"]["title"]: edge["node"] for edge in graphql(SUMMARIES).data["recentItems"]["edges"]}
    assert nodes["News 1"]["summary"].startswith("Partners of the EU4Culture network")
    assert nodes["News 1"]["short"] == "Partners of the EU4Culture network met…"
    assert nodes["Regional Network Conference"]["short"] == "A two-day meeting of the network's…"
    # No summary written: the words of the body, block tags as spaces, inline tags as nothing.
    assert nodes["Gyumri"]["summary"] == "A city of crafts Gyumri is Armenia's second city."
    assert all(len(node["short"]) <= 40 for node in nodes.values())


@pytest.mark.parametrize("length", [0, -1, 2001])
def test_a_summary_length_out_of_bounds_is_bad_user_input(graphql, dated, length):
    response = graphql(f'{{ newsItem(slug: "news-1") {{ summary(maxLength: {length}) }} }}')
    assert response.codes == ["BAD_USER_INPUT"]


# --- emailHtml ----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


EMAIL = '{ newsItem(slug: "email") { emailHtml } }'


@pytest.fixture
def email_item(dated: dict[str, Any]) -> dict[str, Any]:
    big = make_image(1600, 900, "JPEG", title="The square", description="Kutaisi's central square")
    small = make_image(300, 200, title="Logo")
    private = make_image(800, 600, title="Private", collection=private_collection())
    draft = factories.NewsPageFactory(parent=dated["news"], title="Draft", slug="draft", live=False)
    Embed.objects.create(
        url=VIDEO,
        hash="video",
        type="video",
        title="The network in 2 minutes",
        thumbnail_url="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg",
        width=480,
        height=270,
    )
    kutaisi = dated["kutaisi"]
    body = [
        ("heading", {"text": "Results", "level": "h3"}),
        (
            "paragraph",
            f'<p data-block-key="a1">See <a linktype="page" id="{kutaisi.pk}">Kutaisi</a>, '
            f'<a linktype="page" id="{draft.pk}">a draft</a>, <a href="javascript:alert(1)">this</a> and '
            '<a href="/about/">us</a>.<script>alert(1)</script></p>',
        ),
        ("paragraph", '<p data-block-key="b2"><iframe src="https://evil.example/x"></iframe>After</p>'),
        ("quote", {"text": "Culture connects.", "attribution": "C. Masson", "role": "DG NEAR"}),
        ("image", {"image": big, "caption": "The square", "credit": "© City Hall"}),
        ("image", {"image": small, "caption": "", "credit": ""}),
        ("image", {"image": private, "caption": "Private caption", "credit": ""}),
        ("embed", VIDEO),
        ("embed", UNKNOWN_VIDEO),
        ("key_figure", {"value": "EUR 300,000", "label": "per winner city"}),
        ("links", {"heading": "Read more", "links": [{"title": "Kutaisi", "page": kutaisi}]}),
    ]
    # With a hero image like the other items, so that every page of news has every kind of reference.
    factories.NewsPageFactory(parent=dated["news"], title="E-mail", slug="email", body=body, hero_image=big)
    return dated


def test_email_html_is_safe_for_e_mail_clients(graphql, email_item):
    html = graphql(EMAIL).data["newsItem"]["emailHtml"]
    for forbidden in ("data-block-key", "<script", "alert(1)", "<iframe", "javascript:", "class=", "linktype"):
        assert forbidden not in html
    tags = tags_of(html)
    hrefs = [attrs["href"] for tag, attrs in tags if tag == "a" and "href" in attrs]
    assert f"{FRONTEND}/cities/kutaisi/" in hrefs
    assert f"{FRONTEND}/about/" in hrefs  # a relative link becomes absolute on the front end
    assert "https://evil.example/x" in hrefs  # an iframe becomes a link to what it showed
    assert all(href.startswith("https://") for href in hrefs)
    assert "a draft" in html  # the text of a link to a hidden page stays, its address does not
    assert "<h3>Results</h3>" in html
    assert "Private caption" not in html  # an image in a private collection is left out


def test_email_images_are_renditions_at_most_600_px_wide_with_true_sizes_and_alt(api_url, graphql, email_item):
    html = graphql(EMAIL).data["newsItem"]["emailHtml"]
    images = [attrs for tag, attrs in tags_of(html) if tag == "img"]
    # Served by the CMS: a file under /media/ once rendered, else the signed view that renders it on first fetch.
    renditions = [attrs for attrs in images if (attrs["src"] or "").startswith(f"{api_url}/")]
    assert [attrs["alt"] for attrs in renditions] == ["Kutaisi's central square", "Logo"]
    for attrs in renditions:
        picture = fetch_image(attrs["src"])
        assert picture.format == "JPEG"
        assert (picture.width, picture.height) == (int(attrs["width"]), int(attrs["height"]))
        assert picture.width <= 600
    assert (int(renditions[0]["width"]), int(renditions[0]["height"])) == (560, 315)
    assert (int(renditions[1]["width"]), int(renditions[1]["height"])) == (300, 200)  # never enlarged


def test_embeds_become_a_linked_thumbnail_or_a_link(graphql, email_item):
    html = graphql(EMAIL).data["newsItem"]["emailHtml"]
    tags = tags_of(html)
    thumbnail = next(attrs for tag, attrs in tags if tag == "img" and "ytimg" in (attrs["src"] or ""))
    assert thumbnail["alt"] == "The network in 2 minutes"
    assert (thumbnail["width"], thumbnail["height"]) == ("560", "315")
    position = tags.index(("img", thumbnail))
    assert tags[position - 1] == ("a", {"href": VIDEO})
    assert f'<a href="{UNKNOWN_VIDEO}">{UNKNOWN_VIDEO}</a>' in html


def test_every_page_type_has_email_html(graphql, dated):
    kutaisi = dated["kutaisi"].pk
    dated[
        "conference"
    ].background = f'<p data-block-key="c">Background with <a linktype="page" id="{kutaisi}">Kutaisi</a>.</p>'
    dated["conference"].save_revision().publish()
    data = graphql(
        """{ conference(slug: "regional-network-conference") { emailHtml }
             city(slug: "kutaisi") { emailHtml }
             page(urlPath: "/news/") { emailHtml } }"""
    ).data
    assert (
        data["conference"]["emailHtml"] == f'<p>Background with <a href="{FRONTEND}/cities/kutaisi/">Kutaisi</a>.</p>'
    )
    assert data["city"]["emailHtml"] == ""
    assert data["page"]["emailHtml"] == "<p>What the partnerships did.</p>"  # the section's introduction


# --- feeds -------------------------------------------------------------------------------------


def test_partnerships_and_cities_list_their_feeds(graphql, api_url, dated):
    data = graphql(
        """{ partnership(slug: "eu4culture-network") { feeds { title url mediaType } }
             city(slug: "kutaisi") { feeds { url mediaType } } }"""
    ).data
    feeds = data["partnership"]["feeds"]
    assert [feed["mediaType"] for feed in feeds] == [
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "text/calendar",
    ]
    assert feeds[0] == {
        "title": "News (RSS)",
        "url": f"{api_url}/feeds/news.rss?partnership=eu4culture-network",
        "mediaType": "application/rss+xml",
    }
    assert data["city"]["feeds"][3]["url"] == f"{api_url}/feeds/conferences.ics?city=kutaisi"
    french = translate(dated["kutaisi"], slug="koutaissi")
    french_feeds = graphql('{ city(slug: "koutaissi", locale: "fr") { feeds { url } } }').data["city"]["feeds"]
    assert french_feeds[0]["url"] == f"{api_url}/feeds/news.rss?city=koutaissi&locale=fr"
    assert french.slug == "koutaissi"


# --- cost ----------------------------------------------------------------------------------------

NEWSLETTER_NODE = """__typename title url summary(maxLength: 120) emailHtml firstPublishedAt
  ... on NewsItem { date heroImage { alt rendition(fit: WIDTH, width: 560) { url width height } } topics { slug } }
  ... on Conference { startDate endDate hostCity { title } }
  ... on City { countryName }"""


# Page type -> queries for a page of that type with everything above selected, whatever its size.
COSTS = {"NEWS_ITEM": 11, "CONFERENCE": 5, "CITY": 3}
# A page mixing the three types runs each type's loaders once: the count grows with the types, not the items.
ALL_TYPES_COST = 15


def _recent_query(size: int, types: str) -> str:
    return (
        f'{{ recentItems(since: "2020-01-01T00:00:00Z", first: {size}, types: [{types}]) '
        f"{{ totalCount edges {{ node {{ {NEWSLETTER_NODE} }} }} }} }}"
    )


@pytest.fixture
def many_types(email_item: dict[str, Any]) -> dict[str, Any]:
    for number in range(2):
        factories.ConferencePageFactory(
            parent=email_item["conferences"], title=f"Meeting {number}", host_city=email_item["gyumri"]
        )
    return email_item


@pytest.mark.parametrize("page_type", COSTS)
def test_recent_items_cost_the_same_for_one_item_or_a_hundred(graphql, many_types, page_type):
    results = {}
    for size in (1, 100):
        graphql(_recent_query(size, page_type))  # renders the renditions
        with assert_num_queries(COSTS[page_type]):
            results[size] = graphql(_recent_query(size, page_type)).data["recentItems"]
    assert len(results[1]["edges"]) == 1
    assert len(results[100]["edges"]) == results[100]["totalCount"] > 1


def test_recent_items_of_every_type_cost_a_fixed_number_of_queries(graphql, many_types):
    query = _recent_query(100, "NEWS_ITEM, CONFERENCE, CITY")
    graphql(query)
    with assert_num_queries(ALL_TYPES_COST):
        data = graphql(query).data["recentItems"]
    assert {edge["node"]["__typename"] for edge in data["edges"]} == {"NewsItem", "Conference", "City"}
