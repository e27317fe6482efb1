"""Browser fixtures for the end-to-end tests: Debian's chromium driven by Playwright's sync API.

A failing test leaves a screenshot and the page's HTML in its ``tmp_path``; the path is printed in
the report's teardown output.
"""

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous for a loaded two-core CI machine; a passing run waits far less.
TIMEOUT_MS = 20_000

_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.fixture
def chromium(monkeypatch: pytest.MonkeyPatch) -> Iterator[Browser]:
    # Playwright's sync API keeps an event loop running in this thread; Django would then refuse
    # the test's own ORM calls as "async-unsafe". They stay synchronous, so that is safe here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright's loop runs, Django keeps this thread's connections apart from the
        # usual ones, out of reach of its own teardown: close them here, or the open session
        # stops the test database from being dropped at the end.
        connections.close_all()


@pytest.fixture
def browser_page(chromium: Browser, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Page]:
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    if request.node.stash.get(_CALL_FAILED, False):
        screenshot = tmp_path / "failure.png"
        page.screenshot(path=screenshot, full_page=True)
        (tmp_path / "failure.html").write_text(page.content())
        print(f"Browser state at failure: {screenshot} and failure.html beside it (URL {page.url})")
    context.close()


EDITOR_PASSWORD = "e2e-editor-password-1"


@pytest.fixture(autouse=True)
def _no_autosave(settings: Settings) -> None:
    # Off in our settings (see the README), unless the environment turns it on. Wagtail 8.0's
    # autosave creates a new page in the background half a second after each edit; a Publish
    # clicked while that request is in flight posts to the "add" view as well and fails with a 500
    # (slug already in use), so the outcome of a browser test would depend on timing.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0


@pytest.fixture
def editor() -> AbstractBaseUser:
    return get_user_model().objects.create_superuser("editor", "editor@example.org", EDITOR_PASSWORD)


def sign_in(page: Page, live_server: LiveServer) -> None:
    """Signs ``editor`` in to the admin and waits for its dashboard."""
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
