"""End-to-end: Wagtail's admin works under the Content-Security-Policy, with no violation reported.

The policy allows scripts from the CMS's own origin only; this drives the admin's JavaScript
(dashboard, page editor with StreamField, live preview) in a real browser and
collects every violation the browser reports, as console errors and as DOM events.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from news.models import NewsPage
from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "e2e-csp-password-1"
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def editor() -> AbstractBaseUser:
    return get_user_model().objects.create_superuser("csp-editor", "csp@example.org", PASSWORD)


@pytest.fixture
def news_item(site_tree: dict) -> NewsPage:
    return factories.NewsPageFactory(
        parent=site_tree["news"], title="Under policy", hero_image=factories.ImageFactory()
    )


def assert_no_violations(page: Page, console_errors: list[str]) -> None:
    found = [*page.evaluate("window.__cspViolations"), *console_errors]
    assert not found, "\n".join(found)


def test_dashboard_and_page_editor_run_without_csp_violations(
    live_server: LiveServer, browser_page: Page, editor: AbstractBaseUser, news_item: NewsPage
) -> None:
    page = browser_page
    console_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            console_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    response = page.goto(f"{live_server.url}/admin/login/")
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", "csp-editor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("button", name="Toggle sidebar")).to_be_visible()  # the sidebar is drawn by script
    assert_no_violations(page, console_errors)

    page.goto(f"{live_server.url}/admin/pages/{news_item.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Under policy")
    # The admin's scripts run: the StreamField menu opens.
    page.get_by_title("Insert a block").first.click()
    expect(page.get_by_role("option", name="Quote")).to_be_visible()
    page.keyboard.press("Escape")
    # Live preview renders the page in a same-origin frame.
    page.get_by_role("button", name="Toggle preview").click()
    expect(page.frame_locator("iframe#w-preview-iframe").locator("h1")).to_have_text("Under policy")
    assert_no_violations(page, console_errors)
