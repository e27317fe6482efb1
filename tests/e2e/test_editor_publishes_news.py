"""End-to-end: an editor publishes a news item through Wagtail's admin, as editors really do.

It covers what unit tests cannot: the admin's JavaScript (StreamField, choosers, tabs, the save
menu) working with our models' panels, and the form reaching the database as typed.
"""

import io
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.images import ImageFile
from PIL import Image
from playwright.sync_api import Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from cities.models import CityProfilePage
from home.models import CitynewsImage
from news.models import NewsPage

from .conftest import sign_in

pytestmark = [
    pytest.mark.e2e,
    # A live server needs committed data; serialized rollback restores what the migrations made
    # (root page, default locale and collection) for the transactional tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Kutaisi adopts its culture strategy"
STANDFIRST = "The city council voted for a ten-year plan drafted with the network's help."
QUOTE = "Culture is how a city talks to itself."


@pytest.fixture
def city(site_tree: dict) -> CityProfilePage:
    city = site_tree["cities"].add_child(
        instance=CityProfilePage(title="Kutaisi", country="GE", summary="Georgia's third city.")
    )
    city.save_revision().publish()
    return city


@pytest.fixture
def image(settings: Settings, tmp_path: Path) -> CitynewsImage:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (180, 40, 40)).save(buffer, "JPEG")
    return CitynewsImage.objects.create(title="Kutaisi theatre", file=ImageFile(buffer, name="kutaisi-theatre.jpg"))


def test_editor_publishes_news_item(
    live_server: LiveServer,
    browser_page: Page,
    site_tree: dict,
    editor: AbstractBaseUser,
    city: CityProfilePage,
    image: CitynewsImage,
) -> None:
    page = browser_page
    news_index = site_tree["news"]

    sign_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/add/news/newspage/{news_index.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_date", "2026-05-04")
    page.keyboard.press("Escape")  # closes the date picker
    page.fill("#id_standfirst", STANDFIRST)

    page.get_by_title("Insert a block").first.click()
    page.get_by_role("option", name="Quote").click()
    page.fill("#body-0-value-text", QUOTE)
    page.fill("#body-0-value-attribution", "Nino Beridze")
    page.fill("#body-0-value-role", "Deputy Mayor of Kutaisi")

    modal = page.locator(".modal-dialog")
    page.locator("#id_hero_image-chooser").get_by_role("button", name="Choose an image").click()
    modal.get_by_role("link", name=image.title).click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_hero_image")).to_have_value(str(image.pk))

    page.get_by_role("tab", name="Context").click()
    page.get_by_role("button", name="Add city").click()
    modal.get_by_label(city.title).check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_city_links-0-city")).to_have_value(str(city.pk))

    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    footer.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages .success")).to_contain_text(f"'{TITLE}'")
    expect(page.locator(".messages .success")).to_contain_text("published")

    news_item = NewsPage.objects.child_of(news_index).get()
    assert news_item.title == TITLE
    assert news_item.live
    assert not news_item.has_unpublished_changes
    assert news_item.standfirst == STANDFIRST
    assert news_item.date == date(2026, 5, 4)
    assert news_item.hero_image == image
    assert [(block.block_type, dict(block.value)) for block in news_item.body] == [
        ("quote", {"text": QUOTE, "attribution": "Nino Beridze", "role": "Deputy Mayor of Kutaisi"})
    ]
    assert [link.city for link in news_item.city_links.all()] == [city]
