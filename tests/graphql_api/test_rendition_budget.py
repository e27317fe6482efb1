"""An API request never encodes images: the ~300-byte query asking every image of the demo site in
AVIF at the largest widths answers in under 2 s with nothing pre-rendered; each rendition is made
when its signed URL is first fetched."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model

from .conftest import http
from .fixtures_safety import fetch_image

QUERY = (
    "{cities(first:100){edges{node{image{...I}}}}"
    "newsItems(first:100){edges{node{heroImage{...I} body{...on ImageBlock{image{...I}}}}}}}"
    "fragment I on Image{srcset(widths:[1600,1920,2048,2400],format:AVIF,quality:55)}"
)


@pytest.fixture(scope="module")
def demo_site(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """The demo content, built once for the module with no rendition at all, and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        transaction.atomic(),
    ):
        call_command("load_demo_content", stdout=io.StringIO())
        get_image_model().get_rendition_model().objects.all().delete()
        yield
        transaction.set_rollback(True)


def renditions() -> int:
    return get_image_model().get_rendition_model().objects.count()


def srcset_urls(data: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for edge in data["cities"]["edges"]:
        found += [(edge["node"]["image"] or {}).get("srcset", "")]
    for edge in data["newsItems"]["edges"]:
        node = edge["node"]
        found += [(node["heroImage"] or {}).get("srcset", "")]
        found += [block["image"]["srcset"] for block in node["body"] if block.get("image")]
    return [entry.split(" ")[0] for srcset in found if srcset for entry in srcset.split(", ")]


def test_the_query_is_about_300_bytes():
    assert 200 <= len(QUERY.encode()) <= 300


def test_every_image_in_avif_at_the_largest_widths_answers_fast_and_renders_nothing(demo_site, graphql, api_url):
    graphql("{ __typename }")  # a running server: its URLconf and schema are loaded
    started = time.monotonic()
    response = graphql(QUERY)
    elapsed = time.monotonic() - started

    assert response.status == 200
    urls = srcset_urls(response.data)
    assert len(urls) >= 40  # cities, heroes and body images, four widths each
    assert elapsed < 2
    assert renditions() == 0
    assert all(url.startswith(f"{api_url}/images/") for url in urls)


def test_a_linked_rendition_is_rendered_on_first_fetch_and_linked_directly_afterwards(demo_site, graphql, api_url):
    query = "{ cities(first: 1) { edges { node { image { rendition(fit: WIDTH, width: 320, format: AVIF, quality: 55) { url width height format } } } } } }"
    before = graphql(query).data["cities"]["edges"][0]["node"]["image"]["rendition"]
    assert before["url"].startswith(f"{api_url}/images/")

    picture = fetch_image(before["url"])

    assert picture.format == "AVIF"
    assert picture.size == (before["width"], before["height"])
    assert renditions() == 1
    after = graphql(query).data["cities"]["edges"][0]["node"]["image"]["rendition"]
    assert after["url"].startswith(f"{api_url}/media/")
    assert {key: after[key] for key in ("width", "height", "format")} == {
        key: before[key] for key in ("width", "height", "format")
    }


def test_a_tampered_signature_renders_nothing(demo_site, graphql, api_url):
    url = srcset_urls(graphql(QUERY).data)[0]
    signature = url.split("/images/")[1].split("/")[0]
    status, _headers, _body = http("GET", url.replace(signature, "x" * len(signature)))

    assert status == 403
    assert renditions() == 0
