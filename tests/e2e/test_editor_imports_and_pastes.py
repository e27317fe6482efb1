"""End-to-end: an editor imports a seed document, reviews and publishes the draft, and the API
serves it with its fields filled; an editor pastes the seeds into a paragraph, as text and as
HTML, and what the API serves is clean. The import screenshot in the README is taken here
(written to docs/ when CITYNEWS_SCREENSHOTS=1, elsewhere to a temporary file, so that a test run
leaves the repository as it was)."""

import json
import os
import re
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage
from tests.documents import SEED_001, SEED_002, pasted_html

from .conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "import.png"
ARTEFACTS = ("[bookmark", "_Hlk", "**", "](#)", "data-block-key", "<p></p>", "javascript:")


def publish(page: Page) -> None:
    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    footer.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages .success")).to_contain_text("published")


def graphql(live_server: LiveServer, query: str) -> dict:
    request = urllib.request.Request(  # noqa: S310 (loopback only)
        f"{live_server.url}/graphql/",
        json.dumps({"query": query}).encode(),
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
        body = json.loads(response.read())
    assert "errors" not in body, body
    return body["data"]


def test_editor_imports_the_concept_note_reviews_and_publishes_it(
    live_server: LiveServer, browser_page: Page, site_tree: dict, editor: AbstractBaseUser, tmp_path: Path
) -> None:
    page = browser_page
    barcelona = site_tree["cities"].add_child(
        instance=CityProfilePage(title="Barcelona", country="ES", summary="Host.")
    )
    barcelona.save_revision().publish()
    sign_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{site_tree['home'].pk}/")
    action = page.locator(f'a[href="/admin/import-document/{site_tree["conferences"].pk}/"]').first
    page.goto(live_server.url + action.get_attribute("href"))
    page.set_input_files("#id_file", str(SEED_002))
    page.get_by_role("button", name="Import as a draft").click()

    expect(page.locator(".messages .success")).to_contain_text("Host city: Barcelona.")
    expect(page.locator(".messages .warning")).to_contain_text("first draft Strategic & Monitoring Report")
    page.screenshot(path=SCREENSHOT if os.environ.get("CITYNEWS_SCREENSHOTS") == "1" else tmp_path / "import.png")
    draft = ConferencePage.objects.get()
    assert not draft.live

    page.get_by_role("tab", name="Programme").click()
    expect(page.locator("[name='site_visits-1-value-title']")).to_have_value("Sustainable mobility")
    publish(page)

    data = graphql(
        live_server,
        f'{{ conference(slug: "{draft.slug}") {{ title startDate endDate documentKind hostCity {{ title }} '
        "objectives { keyword } expectedOutcomes siteVisits { title proposed } agenda { title } "
        "background { html text } } }",
    )["conference"]
    assert data["title"] == "Second Global Meeting of the Partnerships for Sustainable Cities"
    assert (data["startDate"], data["endDate"], data["documentKind"]) == ("2024-03-12", "2024-03-14", "CONCEPT_NOTE")
    assert data["hostCity"] == {"title": "Barcelona"}
    assert [o["keyword"] for o in data["objectives"]] == [
        "Results",
        "Evolving EU policies",
        "Sustainability",
        "Recommendations",
    ]
    assert len(data["expectedOutcomes"]) == 3
    assert data["siteVisits"][1] == {"title": "Sustainable mobility", "proposed": True}
    assert data["agenda"][0]["title"] == "Day 1: exchange on concrete results achieved"
    assert "\n\n" in data["background"]["text"]
    for artefact in ARTEFACTS:
        assert artefact not in data["background"]["html"]


def paste(page: Page, text: str, html: str | None) -> None:
    """Pastes into the focused editor as a browser does: a paste event carrying the clipboard."""
    page.evaluate(
        """([text, html]) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            if (html) data.setData("text/html", html);
            document.activeElement.dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})
            );
        }""",
        [text, html],
    )


def test_seeds_pasted_as_text_and_html_are_served_clean(
    live_server: LiveServer, browser_page: Page, site_tree: dict, editor: AbstractBaseUser
) -> None:
    page = browser_page
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/news/newspage/{site_tree['news'].pk}/")
    page.fill("#id_title", "Pasted seeds")
    page.fill("#id_standfirst", "x" * 310)  # pasted over the limit: kept whole and counted, not cut
    expect(page.locator("#id_standfirst")).to_have_value("x" * 310)
    expect(page.locator("#id_standfirst-character-count")).to_contain_text("310 / 300 characters: 10 too many")
    page.fill("#id_standfirst", "Seeds 001 and 002 pasted as text and as HTML.")
    expect(page.locator("#id_standfirst-character-count")).to_have_text("45 / 300 characters")
    pastes = [(seed.read_text(), html) for seed in (SEED_001, SEED_002) for html in (None, pasted_html(seed))]
    editors = page.locator("[contenteditable=true]")
    for number, (text, html) in enumerate(pastes, start=1):
        page.get_by_title("Insert a block").last.click()
        page.get_by_role("option", name="Paragraph").click()
        expect(editors).to_have_count(number)
        editor_box = editors.nth(number - 1)
        editor_box.click()
        paste(page, text, html)
        word = "EU4Culture" if text.startswith(" Kutaisi") else "Barcelona"
        expect(editor_box).to_contain_text(word)
        # Draftail writes the editor's content into the form's hidden input a moment later.
        expect(page.locator(f"input[name='body-{number - 1}-value']")).to_have_value(re.compile(word))
    publish(page)

    news = NewsPage.objects.get()
    paragraphs = graphql(
        live_server,
        f'{{ newsItem(slug: "{news.slug}") {{ body {{ ... on ParagraphBlock {{ richText {{ html text }} }} }} }} }}',
    )["newsItem"]["body"]
    assert len(paragraphs) == 4
    for paragraph in paragraphs:
        for artefact in ARTEFACTS:
            assert artefact not in paragraph["richText"]["html"]
            assert artefact not in paragraph["richText"]["text"]
        assert "\n\n" in paragraph["richText"]["text"], paragraph
    assert "The event focused on the facilitation of networking" in paragraphs[0]["richText"]["text"]
    assert "<b>primary target group</b>" in paragraphs[2]["richText"]["html"]
    assert "<b>primary target group</b>" in paragraphs[3]["richText"]["html"]
