"""End-to-end: the digest built from the demo content, opened in a real browser, as readers see it.

The screenshot it takes is the one the README shows (``docs/newsletter.png``).
"""

from __future__ import annotations

import re
import urllib.request
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.newsletter.conftest import api_url, build_digest, demo  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("demo")]

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "newsletter.png"


@pytest.fixture
def digest_file(api_url: str, db: None, tmp_path: Path) -> Path:  # noqa: F811
    """The digest, built over HTTP before the browser starts (the browser's loop hides the test's database)."""
    out = tmp_path / "digest.html"
    html = build_digest(api_url, out, since="2024-01-01")
    # The test server answers every thread from the test's one database connection, so renditions
    # rendered by concurrent image requests would race to insert the same row and abort the test's
    # transaction. Render each once, in turn, as a CDN's first fetch would; the browser then loads them.
    sources = sorted(set(re.findall(r'<img[^>]* src="([^"]+)"', html)))
    assert sources
    for src in sources:
        with urllib.request.urlopen(unescape(src), timeout=60) as response:  # noqa: S310 (the test server)
            assert response.status == 200
    return out


def test_the_digest_shows_its_items_and_images_in_a_browser(digest_file: Path, browser_page: Page) -> None:
    browser_page.set_viewport_size({"width": 680, "height": 1500})
    browser_page.goto(digest_file.as_uri())
    expect(browser_page.locator("h1")).to_contain_text("What was published since 1 January 2024")
    expect(browser_page.locator("h2").first).to_have_text("News")
    items = browser_page.locator("td.item")
    expect(items.first).to_be_visible()
    assert items.count() > 10
    first_image = browser_page.locator("td.item img").first
    expect(first_image).to_be_visible()
    browser_page.wait_for_load_state("networkidle")
    # Every image came from the API's renditions and loaded at the size the HTML gives it.
    sizes = browser_page.eval_on_selector_all(
        "td.item img", "images => images.map(i => [i.complete, i.naturalWidth, i.naturalHeight])"
    )
    assert sizes
    assert all(size == [True, 560, 320] for size in sizes)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    browser_page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
