"""An image records its file's format (and whether a GIF moves) when the file is stored, read from
the file's header: the API answers which format a rendition comes in without opening the original."""

from __future__ import annotations

import io

import pytest
from django.core.files.images import ImageFile

from home.models import CitynewsImage
from tests import factories
from tests.graphql_api.fixtures_safety import image_file, make_image

pytestmark = pytest.mark.django_db


def _recorded(image: CitynewsImage) -> tuple[str, bool]:
    stored = CitynewsImage.objects.get(pk=image.pk)
    return stored.file_format, stored.animated


@pytest.mark.parametrize(("fmt", "recorded"), [("JPEG", "jpeg"), ("PNG", "png"), ("WEBP", "webp"), ("GIF", "gif")])
def test_the_format_is_read_from_the_file_when_the_image_is_stored(fmt, recorded):
    assert _recorded(make_image(40, 30, fmt)) == (recorded, False)


def test_the_header_decides_not_the_name():
    image = factories.ImageFactory(file=ImageFile(io.BytesIO(image_file(40, 30, "WEBP")), name="named-like-a.jpg"))
    assert _recorded(image) == ("webp", False)


def test_a_replaced_file_is_read_again_as_the_admin_replaces_it():
    image = make_image(40, 30, "PNG")
    image.file = ImageFile(io.BytesIO(image_file(40, 30, "JPEG")), name="replacement.jpg")
    image._set_image_file_metadata()  # what Wagtail's image forms do with a new file
    image.save()
    assert _recorded(image) == ("jpeg", False)


def test_an_image_whose_file_is_gone_can_still_be_saved():
    image = make_image(40, 30, "PNG")
    image.file.storage.delete(image.file.name)
    CitynewsImage.objects.filter(pk=image.pk).update(file_format="")  # as if stored before formats were recorded
    stored = CitynewsImage.objects.get(pk=image.pk)
    stored.title = "Renamed"
    stored.save()
    assert CitynewsImage.objects.filter(pk=image.pk).values_list("title", "file_format").get() == ("Renamed", "")
