"""End-to-end: on a French news item, the partnerships picker is Wagtail's searchable snippet chooser
showing French partnerships only, and what the editor picks there is what the page links to; an
English one picked after switching the chooser's language filter is refused on save.
"""

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from playwright.sync_api import Locator, Page, expect
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale

from news.models import NewsPage
from partnerships.models import Partnership
from tests.factories import NewsPageFactory, PartnershipFactory

from .conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# English name -> French name; each partnership exists in both languages.
NAMES = {
    "Creative Cities Network": "Réseau des villes créatives",
    "Cities for Culture": "Villes pour la culture",
    "Sustainable Urban Mobility": "Mobilité urbaine durable",
}


@pytest.fixture
def french_partnerships(site_tree: dict) -> dict[str, Partnership]:
    french = Locale.objects.get(language_code="fr")
    partnerships = {}
    for english_name, french_name in NAMES.items():
        translation = PartnershipFactory(name=english_name).copy_for_translation(french)
        translation.name = french_name
        translation.save()
        partnerships[french_name] = translation
    return partnerships


@pytest.fixture
def french_news_item(site_tree: dict, french_partnerships: dict[str, Partnership]) -> NewsPage:
    english = NewsPageFactory(parent=site_tree["news"], title="Kutaisi opens its cultural hub")
    french = english.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
    french.title = "Koutaïssi ouvre son pôle culturel"
    french.partnerships = [french_partnerships["Mobilité urbaine durable"]]
    french.save_revision()
    return french


def open_partnerships_picker(page: Page, live_server: LiveServer, news_item: NewsPage) -> Locator:
    """Logs the editor in and opens ``news_item``'s Context tab; returns the partnerships picker."""
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{news_item.pk}/edit/")
    page.get_by_role("tab", name="Context").click()
    return page.locator("[data-multiple-snippet-chooser]").filter(has=page.locator("select[name=partnerships]"))


def test_editor_searches_and_picks_french_partnerships(
    live_server: LiveServer,
    browser_page: Page,
    editor: AbstractBaseUser,
    french_partnerships: dict[str, Partnership],
    french_news_item: NewsPage,
) -> None:
    page = browser_page
    picker = open_partnerships_picker(page, live_server, french_news_item)
    expect(picker.locator("select")).to_be_hidden()  # the script took over the plain list
    chosen = picker.locator("[data-chosen] li")
    expect(chosen).to_have_count(1)
    chosen.get_by_role("button", name="Remove Mobilité urbaine durable").click()
    expect(chosen).to_have_count(0)

    picker.get_by_role("button", name="Add partnership").click()
    modal = page.locator(".modal-dialog")
    expect(modal.locator("#id_locale")).to_have_value("fr")
    results = modal.locator("#search-results")
    for french_name in NAMES.values():
        expect(results.get_by_label(french_name)).to_be_visible()
    for english_name in NAMES:
        expect(results.get_by_text(english_name)).to_have_count(0)

    modal.locator("#id_q").fill("villes")
    expect(results.get_by_text("Mobilité urbaine durable")).to_have_count(0)
    results.get_by_label("Réseau des villes créatives").check()
    results.get_by_label("Villes pour la culture").check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    expect(chosen.locator("> [data-label]")).to_have_text(["Réseau des villes créatives", "Villes pour la culture"])

    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    footer.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages .success")).to_contain_text("published")

    published = NewsPage.objects.get(pk=french_news_item.pk)  # refresh_from_db keeps the relations held in memory
    assert published.live
    assert set(published.partnerships.all()) == {
        french_partnerships["Réseau des villes créatives"],
        french_partnerships["Villes pour la culture"],
    }


def test_an_english_partnership_picked_through_the_language_filter_is_refused(
    live_server: LiveServer,
    browser_page: Page,
    editor: AbstractBaseUser,
    french_partnerships: dict[str, Partnership],
    french_news_item: NewsPage,
) -> None:
    page = browser_page
    picker = open_partnerships_picker(page, live_server, french_news_item)
    picker.get_by_role("button", name="Add partnership").click()
    modal = page.locator(".modal-dialog")
    modal.locator("#id_locale").select_option("en")
    results = modal.locator("#search-results")
    results.get_by_label("Cities for Culture").check()
    modal.get_by_role("button", name="Confirm selection").click()
    expect(modal).to_be_hidden()
    # Listed, not silently dropped: the editor sees what the server then refuses.
    expect(picker.locator("[data-chosen] li > [data-label]")).to_have_text(
        ["Mobilité urbaine durable", "Cities for Culture"]
    )

    page.locator("footer").get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages .error")).to_contain_text("could not be saved")
    expect(page.locator("[data-contentpath='partnerships'] .error-message")).to_contain_text("valid choice")
    saved = NewsPage.objects.get(pk=french_news_item.pk).get_latest_revision_as_object()
    assert list(saved.partnerships.all()) == [french_partnerships["Mobilité urbaine durable"]]
