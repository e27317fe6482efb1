"""Documents: their fields, and an absolute URL that really serves the file, wherever they are
referenced (city strategies, links blocks, conference documents); private ones are left out."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories

from .conftest import http
from .fixtures_safety import private_collection, shared_data, site_tree

PDF = b"%PDF-1.4\n% cultural development strategy\n%%EOF\n"
DOCX = b"PK\x03\x04 not really a word file"
DOCUMENT = "document { id title url fileSize fileType }"


def build() -> dict[str, Any]:
    tree = site_tree()
    private = private_collection()
    documents = {
        "pdf": factories.DocumentFactory(title="Strategy", file__data=PDF, file__filename="Strategy.PDF"),
        "docx": factories.DocumentFactory(title="Minutes", file__data=DOCX, file__filename="minutes.docx"),
        "unsized": factories.DocumentFactory(title="Old upload"),
        "private": factories.DocumentFactory(title="Private", collection=private),
        "inner": factories.DocumentFactory(title="Inner", collection=private.add_child(name="Inner")),
    }
    type(documents["unsized"]).objects.filter(pk=documents["unsized"].pk).update(file_size=None)
    factories.CityProfilePageFactory(
        parent=tree["cities"],
        title="Kutaisi",
        slug="kutaisi",
        strategies=[
            {"title": name.title(), "year": 2020 + n, "summary": f"About {name}", "document": document}
            for n, (name, document) in enumerate(documents.items())
        ],
    )
    links = {"links": [{"title": name, "document": document} for name, document in documents.items()]}
    factories.NewsPageFactory(parent=tree["news"], title="Docs", slug="docs", body=[("links", links)])
    factories.ConferencePageFactory(
        parent=tree["conferences"], title="Meeting", slug="meeting", documents=[("links", links)]
    )
    return documents


@pytest.fixture(scope="module")
def documents(django_db_setup: None, django_db_blocker: Any) -> Any:
    with shared_data(django_db_blocker, build) as data:
        yield data


def expected(documents: dict[str, Any], api_url: str, name: str, size: int | None, file_type: str) -> dict[str, Any]:
    document = documents[name]
    return {
        "id": str(document.pk),
        "title": document.title,
        "url": f"{api_url}{document.url}",
        "fileSize": size,
        "fileType": file_type,
    }


def test_city_strategies_carry_their_public_documents(graphql, documents, api_url):
    strategies = graphql(f'{{ city(slug: "kutaisi") {{ strategies {{ title year summary {DOCUMENT} }} }} }}').data

    assert strategies["city"]["strategies"] == [
        {
            "title": "Pdf",
            "year": 2020,
            "summary": "About pdf",
            "document": expected(documents, api_url, "pdf", len(PDF), "pdf"),
        },
        {
            "title": "Docx",
            "year": 2021,
            "summary": "About docx",
            "document": expected(documents, api_url, "docx", len(DOCX), "docx"),
        },
        {
            "title": "Unsized",
            "year": 2022,
            "summary": "About unsized",
            "document": expected(documents, api_url, "unsized", None, "pdf"),
        },
        {"title": "Private", "year": 2023, "summary": "About private", "document": None},
        {"title": "Inner", "year": 2024, "summary": "About inner", "document": None},
    ]


@pytest.mark.parametrize(("name", "content"), [("pdf", PDF), ("docx", DOCX)])
def test_the_document_url_serves_the_file(graphql, documents, name, content):
    strategies = graphql(f'{{ city(slug: "kutaisi") {{ strategies {{ {DOCUMENT} }} }} }}').data["city"]["strategies"]
    document = next(
        s["document"] for s in strategies if s["document"] and s["document"]["id"] == str(documents[name].pk)
    )

    status, _headers, body = http("GET", document["url"])

    assert status == 200
    assert body == content
    assert document["fileSize"] == len(body)


def test_links_to_documents_in_bodies_and_conferences_are_public_ones_with_absolute_urls(graphql, documents, api_url):
    data = graphql(
        f"""{{
          newsItem(slug: "docs") {{ body {{ ... on LinksBlock {{ links {{ title url {DOCUMENT} }} }} }} }}
          conference(slug: "meeting") {{ documents {{ title url {DOCUMENT} }} }}
        }}"""
    ).data

    links = [
        {"title": "pdf", **_link(expected(documents, api_url, "pdf", len(PDF), "pdf"))},
        {"title": "docx", **_link(expected(documents, api_url, "docx", len(DOCX), "docx"))},
        {"title": "unsized", **_link(expected(documents, api_url, "unsized", None, "pdf"))},
    ]
    assert data["newsItem"]["body"] == [{"links": links}]
    assert data["conference"]["documents"] == links


def _link(document: dict[str, Any]) -> dict[str, Any]:
    return {"url": document["url"], "document": document}
