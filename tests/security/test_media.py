"""Restricted media stays restricted off the API: no file of a restricted collection is public.

The README's deployment serves ``/static/`` directly and passes everything else, ``/media/``
included, to the CMS; these tests fetch files the way that deployment does.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from wagtail.models import Collection, CollectionViewRestriction

from cms.image_serving import image_url
from tests import factories
from tests.graphql_api.conftest import assert_num_queries


@pytest.fixture
def media(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def private_collection(db: None) -> Collection:
    collection = factories.root_collection().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def private_image(media, private_collection) -> Any:
    # A sub-collection: the restriction on its parent applies to it too.
    return factories.ImageFactory(collection=private_collection.add_child(name="Photos"))


@pytest.fixture
def public_image(media, db) -> Any:
    return factories.ImageFactory()


def get(url: str, session: requests.Session | None = None) -> requests.Response:
    return (session or requests).get(url, allow_redirects=False, timeout=30)


def test_a_public_image_and_its_renditions_are_served_and_may_be_cached(api_url, public_image):
    rendition = public_image.get_rendition("fill-32x24")

    original = get(api_url + public_image.file.url)
    rendered = get(api_url + rendition.url)

    assert original.status_code == rendered.status_code == 200
    assert original.content == public_image.file.open("rb").read()
    assert rendered.headers["Content-Type"].startswith("image/")
    assert "public" in rendered.headers["Cache-Control"]


def test_a_restricted_image_s_original_and_renditions_are_404_to_strangers(api_url, private_image):
    rendition = private_image.get_rendition("fill-32x24")

    for url in (private_image.file.url, rendition.url):
        response = get(api_url + url)
        assert response.status_code == 404, url
        assert response.content[:4] != b"\x89PNG"


def test_the_signed_rendering_view_applies_the_same_restrictions(api_url, public_image, private_image, logged_in):
    """Renditions not made yet are linked through Wagtail's signed view: it checks the collection too."""
    public = get(api_url + image_url(public_image, "width-40|format-png"))
    refused = get(api_url + image_url(private_image, "width-40|format-png"))
    for_an_editor = get(api_url + image_url(private_image, "width-40|format-png"), logged_in())

    assert public.status_code == 200
    assert "public" in public.headers["Cache-Control"]
    assert refused.status_code == 404
    assert refused.content[:4] != b"\x89PNG"
    assert for_an_editor.status_code == 200
    assert for_an_editor.content[:4] == b"\x89PNG"
    assert "no-store" in for_an_editor.headers["Cache-Control"]
    assert "public" not in for_an_editor.headers["Cache-Control"]


def test_an_editor_sees_restricted_images_and_no_one_caches_them(api_url, private_image, logged_in):
    response = get(api_url + private_image.file.url, logged_in())

    assert response.status_code == 200
    assert response.content == private_image.file.open("rb").read()
    assert {"private", "no-store"} <= {part.strip() for part in response.headers["Cache-Control"].split(",")}


@pytest.mark.parametrize("collection", ["public", "restricted"])
def test_document_files_are_never_served_from_media(api_url, media, private_collection, collection):
    document = factories.DocumentFactory(
        collection=private_collection if collection == "restricted" else factories.root_collection()
    )

    response = get(api_url + document.file.url)

    assert document.file.url.startswith("/media/documents/")
    assert response.status_code == 404


def test_documents_go_through_wagtail_s_view_and_its_checks(api_url, media, private_collection):
    public = factories.DocumentFactory()
    private = factories.DocumentFactory(collection=private_collection)

    served = get(api_url + public.url)
    refused = get(api_url + private.url)

    assert served.status_code == 200
    assert served.content.startswith(b"%PDF")
    assert refused.status_code == 302
    assert refused.headers["Location"].startswith("/_util/login/?next=")  # then on to the admin's login


@pytest.mark.parametrize(
    "path", ["/media/", "/media/original_images/", "/media/original_images/../../cms/settings/base.py", "/media/x.png"]
)
def test_nothing_else_under_media_answers(api_url, public_image, path):
    assert get(api_url + path).status_code == 404


def test_serving_an_image_file_costs_two_queries(api_url, public_image, private_image):
    """The file's row with its image and collection, then the collection's restrictions.

    A refusal costs two more: Wagtail's redirects middleware looks for a redirect on every 404.
    """
    with assert_num_queries(2):
        assert get(api_url + public_image.file.url).status_code == 200
    with assert_num_queries(4):
        assert get(api_url + private_image.file.url).status_code == 404
