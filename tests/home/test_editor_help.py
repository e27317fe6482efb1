"""The admin helps editors: alt text is required and explained; a standfirst over its limit is
counted and refused, never cut; autosave is off so it cannot leave a half-created page behind."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from home.models import CitynewsImage
from news.models import STANDFIRST_MAX_LENGTH, NewsPage


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 120, 60)).save(buffer, "PNG")
    return SimpleUploadedFile("kutaisi-theatre.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_an_image_without_alt_text_is_refused_with_an_explanation(admin_client):
    add = reverse("wagtailimages:add")

    refused = admin_client.post(add, {"title": "Kutaisi theatre", "file": png(), "description": ""})
    form = refused.context["form"]

    assert refused.status_code == 200
    assert form.errors["description"] == ["This field is required."]
    assert form.fields["description"].label == "Alt text"
    assert "screen readers" in str(form.fields["description"].help_text)
    assert not CitynewsImage.objects.exists()

    admin_client.post(add, {"title": "Kutaisi theatre", "file": png(), "description": "The Kutaisi theatre at dusk"})
    assert CitynewsImage.objects.get().description == "The Kutaisi theatre at dusk"


@pytest.mark.django_db
def test_a_dropped_image_is_stored_then_its_details_ask_for_alt_text(admin_client):
    dropped = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": png()}, headers={"X-Requested-With": "XMLHttpRequest"}
    )
    image = CitynewsImage.objects.get()
    details = reverse("wagtailimages:edit_multiple", args=(image.pk,))
    prefix = f"image-{image.pk}-"

    assert dropped.json()["success"] is True
    assert f'name="{prefix}description"' in dropped.json()["form"]
    assert "screen readers" in dropped.json()["form"]

    refused = admin_client.post(details, {f"{prefix}title": "Kutaisi theatre", f"{prefix}description": ""})
    assert refused.json()["success"] is False
    assert "This field is required." in refused.json()["form"]
    image.refresh_from_db()
    assert image.description == ""

    saved = admin_client.post(
        details, {f"{prefix}title": "Kutaisi theatre", f"{prefix}description": "The Kutaisi theatre at dusk"}
    )
    assert saved.json()["success"] is True
    image.refresh_from_db()
    assert image.description == "The Kutaisi theatre at dusk"


@pytest.mark.django_db
def test_the_standfirst_is_counted_not_cut_and_an_overlong_one_is_refused(site_tree, admin_client):
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", site_tree["news"].pk])

    form_html = admin_client.get(add).content.decode()
    response = admin_client.post(
        add,
        {
            "title": "Too long",
            "slug": "too-long",
            "date": "2022-10-06",
            "standfirst": "x" * (STANDFIRST_MAX_LENGTH + 1),
            "body-count": "0",
            "city_links-TOTAL_FORMS": "0",
            "city_links-INITIAL_FORMS": "0",
        },
    )

    assert f'data-max-characters="{STANDFIRST_MAX_LENGTH}"' in form_html
    assert 'maxlength="300"' not in form_html
    assert "home/js/character_count.js" in form_html
    assert "at most 300 characters (it has 301)" in response.content.decode()
    assert not NewsPage.objects.exists()


def test_autosave_is_off_by_default():
    assert settings.WAGTAIL_AUTOSAVE_INTERVAL == 0
