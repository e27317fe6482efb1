"""End-to-end: a field failing inside the conference editor's Programme tab shows on the tab itself.

The Programme tab holds only StreamFields, whose errors the admin's JavaScript renders; the tab's
error badge must count them too, or an editor on the Content tab sees "could not be saved" and no
hint where.
"""

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.factories import ConferencePageFactory

from .conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_programme_tab_shows_an_error_badge(
    live_server: LiveServer, browser_page: Page, site_tree: dict, editor: AbstractBaseUser
) -> None:
    page = browser_page
    conference = ConferencePageFactory(parent=site_tree["conferences"], title="Second partnership meeting")

    sign_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{conference.pk}/edit/")
    page.get_by_role("tab", name="Programme").click()
    page.locator("#tab-programme [data-contentpath='objectives']").get_by_title("Insert a block").first.click()
    objective_option = page.get_by_role("option", name="Objective")
    if objective_option.count():
        objective_option.click()
    keyword = page.locator("#objectives-0-value-keyword")
    # Over the block's 60 characters: the server refuses it (the browser's own limit is lifted, as a
    # paste through an older browser or an import would).
    keyword.evaluate("input => input.removeAttribute('maxlength')")
    keyword.fill("Sustainability " * 5)
    page.fill("#objectives-0-value-text", "Cities share what lasts after the project.")
    page.get_by_role("tab", name="Content").click()
    page.locator("footer").get_by_role("button", name="Save draft").click()

    expect(page.locator(".messages .error")).to_contain_text("could not be saved")
    badge = page.locator("#tab-label-programme .w-tabs__errors")
    expect(badge).to_be_visible()
    expect(badge.locator("[data-w-count-target=total]")).to_have_text("1")
    expect(page.locator("#tab-label-content .w-tabs__errors")).to_be_hidden()
