"""StreamField content as typed blocks: every block type of a news item's and a city's body, in
the editor's order with their stored IDs, and the structured parts of a conference."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests import factories

from .fixtures_safety import FRONTEND, shared_data, site_tree

DOCUMENT_DATA = b"%PDF-1.4\n% a concept note\n%%EOF\n"
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def body(kutaisi: Any, image: Any, document: Any) -> list[tuple[str, Any]]:
    return [
        ("heading", {"text": "Results", "level": "h3"}),
        ("paragraph", f'<p>Partners met in <a linktype="page" id="{kutaisi.pk}">Kutaisi</a> &amp; Gyumri.</p>'),
        ("quote", {"text": "Culture connects.", "attribution": "C. Masson", "role": "DG NEAR"}),
        ("quote", {"text": "Cities learn.", "attribution": "A. Mayor"}),
        ("image", {"image": image, "caption": "The square", "credit": ""}),
        ("image", {"image": image, "caption": "", "credit": "© This use"}),
        ("embed", VIDEO),
        ("key_figure", {"value": "EUR 300,000", "label": "per winner city"}),
        (
            "links",
            {
                "heading": "Further reading",
                "links": [
                    {"title": "Kutaisi", "page": kutaisi},
                    {"title": "Concept note", "document": document},
                    {"title": "Programme site", "url": "https://example.org/programme"},
                ],
            },
        ),
        ("links", {"links": [{"title": "Only one", "url": "https://example.org/one"}]}),
        ("heading", {"text": "Last word"}),
    ]


def build() -> dict[str, Any]:
    tree = site_tree()
    image = factories.ImageFactory(title="Square", credit="© Kutaisi City Hall")
    document = factories.DocumentFactory(
        title="Concept note", file__data=DOCUMENT_DATA, file__filename="concept-note.PDF"
    )
    kutaisi = factories.CityProfilePageFactory(parent=tree["cities"], title="Kutaisi", slug="kutaisi")
    news = factories.NewsPageFactory(
        parent=tree["news"], title="Blocks", slug="blocks", body=body(kutaisi, image, document)
    )
    city = factories.CityProfilePageFactory(
        parent=tree["cities"], title="Gyumri", slug="gyumri", body=body(kutaisi, image, document)
    )
    factories.NewsPageFactory(parent=tree["news"], title="Empty", slug="empty", body=[])
    factories.ConferencePageFactory(
        parent=tree["conferences"],
        title="Meeting",
        slug="meeting",
        start_date=datetime.date(2022, 10, 6),
        objectives=[
            ("objective", {"keyword": "Results", "text": "Share what the partnerships achieved."}),
            ("objective", {"keyword": "Sustainability", "text": "Keep the partnerships going."}),
        ],
        agenda=[
            (
                "day",
                {
                    "date": datetime.date(2022, 10, 6),
                    "title": "Day 1: results",
                    "description": f'<p>Welcome to <a linktype="page" id="{kutaisi.pk}">Kutaisi</a>.</p>',
                    "sessions": [
                        {
                            "start_time": datetime.time(9, 0),
                            "end_time": datetime.time(10, 30),
                            "title": "Opening",
                            "kind": "plenary",
                            "description": "Speeches by the mayors.",
                        },
                        {"title": "Lunch", "kind": "break"},
                    ],
                },
            ),
            ("day", {"date": datetime.date(2022, 10, 7), "title": "Day 2: visits", "sessions": []}),
        ],
        site_visits=[
            ("visit", {"title": "Bus depot", "theme": "Sustainable mobility", "description": "Electric buses."}),
            ("visit", {"title": "Museum"}),
        ],
        expected_outcomes=[("outcome", "A joint declaration."), ("outcome", "New partnerships.")],
        documents=[
            (
                "links",
                {
                    "heading": "Reports",
                    "links": [
                        {"title": "Concept note", "document": document},
                        {"title": "Host city", "page": kutaisi},
                    ],
                },
            ),
            ("links", {"links": [{"title": "Photos", "url": "https://example.org/photos"}]}),
        ],
    )
    return {"news": news, "city": city, "image": image, "document": document}


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Any:
    with shared_data(django_db_blocker, build) as data:
        yield data


BODY = """body {
  __typename
  ... on HeadingBlock { id text level }
  ... on ParagraphBlock { id richText { html text } }
  ... on QuoteBlock { id text attribution role }
  ... on ImageBlock { id image { id title } caption credit }
  ... on EmbedBlock { id url }
  ... on KeyFigureBlock { id value label }
  ... on LinksBlock { id heading links { title url document { id title fileType fileSize } } }
}"""


@pytest.mark.parametrize(("field", "slug", "page"), [("newsItem", "blocks", "news"), ("city", "gyumri", "city")])
def test_every_body_block_type_in_order_with_its_id(graphql, world, api_url, field, slug, page):
    blocks = graphql(f'{{ item: {field}(slug: "{slug}") {{ {BODY} }} }}').data["item"]["body"]

    ids = [block["id"] for block in world[page].body.raw_data]
    assert [block.pop("id") for block in blocks] == ids
    assert len(set(ids)) == len(ids)
    assert all(ids)
    image = {"id": str(world["image"].pk), "title": "Square"}
    document = world["document"]
    assert blocks == [
        {"__typename": "HeadingBlock", "text": "Results", "level": "h3"},
        {
            "__typename": "ParagraphBlock",
            "richText": {
                "html": f'<p>Partners met in <a href="{FRONTEND}/cities/kutaisi/">Kutaisi</a> &amp; Gyumri.</p>',
                "text": "Partners met in Kutaisi & Gyumri.",
            },
        },
        {"__typename": "QuoteBlock", "text": "Culture connects.", "attribution": "C. Masson", "role": "DG NEAR"},
        {"__typename": "QuoteBlock", "text": "Cities learn.", "attribution": "A. Mayor", "role": ""},
        {"__typename": "ImageBlock", "image": image, "caption": "The square", "credit": "© Kutaisi City Hall"},
        {"__typename": "ImageBlock", "image": image, "caption": "", "credit": "© This use"},
        {"__typename": "EmbedBlock", "url": VIDEO},
        {"__typename": "KeyFigureBlock", "value": "EUR 300,000", "label": "per winner city"},
        {
            "__typename": "LinksBlock",
            "heading": "Further reading",
            "links": [
                {"title": "Kutaisi", "url": f"{FRONTEND}/cities/kutaisi/", "document": None},
                {
                    "title": "Concept note",
                    "url": f"{api_url}{document.url}",
                    "document": {
                        "id": str(document.pk),
                        "title": "Concept note",
                        "fileType": "pdf",
                        "fileSize": len(DOCUMENT_DATA),
                    },
                },
                {"title": "Programme site", "url": "https://example.org/programme", "document": None},
            ],
        },
        {
            "__typename": "LinksBlock",
            "heading": "",
            "links": [{"title": "Only one", "url": "https://example.org/one", "document": None}],
        },
        {"__typename": "HeadingBlock", "text": "Last word", "level": "h2"},
    ]


def test_block_ids_are_stable_between_requests(graphql, world):
    query = '{ newsItem(slug: "blocks") { body { ... on HeadingBlock { id } ... on QuoteBlock { id } } } }'

    first, second = graphql(query).data, graphql(query).data

    assert first == second
    assert len([block for block in first["newsItem"]["body"] if block]) == 4


def test_an_empty_body_is_an_empty_list(graphql, world):
    assert graphql('{ newsItem(slug: "empty") { body { __typename } } }').data == {"newsItem": {"body": []}}


def test_conference_programme_blocks(graphql, world, api_url):
    conference = graphql(
        """{ conference(slug: "meeting") {
          objectives { keyword text }
          agenda { date title description { html text } sessions { startTime endTime title kind description } }
          siteVisits { title theme description }
          expectedOutcomes
          documents { title url document { title fileType fileSize } }
        } }"""
    ).data["conference"]

    assert conference["objectives"] == [
        {"keyword": "Results", "text": "Share what the partnerships achieved."},
        {"keyword": "Sustainability", "text": "Keep the partnerships going."},
    ]
    assert conference["agenda"] == [
        {
            "date": "2022-10-06",
            "title": "Day 1: results",
            "description": {
                "html": f'<p>Welcome to <a href="{FRONTEND}/cities/kutaisi/">Kutaisi</a>.</p>',
                "text": "Welcome to Kutaisi.",
            },
            "sessions": [
                {
                    "startTime": "09:00:00",
                    "endTime": "10:30:00",
                    "title": "Opening",
                    "kind": "PLENARY",
                    "description": "Speeches by the mayors.",
                },
                {"startTime": None, "endTime": None, "title": "Lunch", "kind": "BREAK", "description": ""},
            ],
        },
        {"date": "2022-10-07", "title": "Day 2: visits", "description": {"html": "", "text": ""}, "sessions": []},
    ]
    assert conference["siteVisits"] == [
        {"title": "Bus depot", "theme": "Sustainable mobility", "description": "Electric buses."},
        {"title": "Museum", "theme": "", "description": ""},
    ]
    assert conference["expectedOutcomes"] == ["A joint declaration.", "New partnerships."]
    assert conference["documents"] == [
        {
            "title": "Concept note",
            "url": f"{api_url}{world['document'].url}",
            "document": {"title": "Concept note", "fileType": "pdf", "fileSize": len(DOCUMENT_DATA)},
        },
        {"title": "Host city", "url": f"{FRONTEND}/cities/kutaisi/", "document": None},
        {"title": "Photos", "url": "https://example.org/photos", "document": None},
    ]
