"""Rich text as clients get it: ``html`` with public addresses in place of the editor's references,
and ``text`` as plain text, wherever rich text appears (body paragraphs, rich-text fields,
agenda days, home and section introductions)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from wagtail.models import Locale

from home.models import FrontendSettings
from tests import factories

from .fixtures_safety import (
    FRONTEND,
    IN_PLACE_KINDS,
    hidden_page,
    other_site,
    private_collection,
    shared_data,
    site_tree,
)

HIDDEN = (*IN_PLACE_KINDS, "other-site", "deleted")
KUTAISI_URL = f"{FRONTEND}/cities/kutaisi/"

FORMATTED = (
    '<h3 data-block-key="k3x9a">Results &amp; outcomes</h3>'
    "<p>Kutaisi&nbsp;&amp; Gyumri said &quot;yes&quot;, not &lt;b&gt;bold&lt;/b&gt; &#x27;quoted&#x27;</p>"
    "<ul><li>One</li><li>Two</li></ul>"
    "<p><b>Kutaisi</b>, Georgia: un<i>believ</i>able <a href='https://example.com/'>results</a>.</p>"
    "<p>Line<br/>break\n\n   and   spaces</p>"
)
FORMATTED_TEXT = (
    "Results & outcomes\n\nKutaisi & Gyumri said \"yes\", not <b>bold</b> 'quoted'\n\nOne\nTwo\n\n"
    "Kutaisi, Georgia: unbelievable results.\n\nLine\nbreak and spaces"
)


def _link(page_id: int, text: str) -> str:
    return f'<a linktype="page" id="{page_id}">{text}</a>'


def build() -> dict[str, Any]:
    tree = site_tree()
    other = other_site()
    french = Locale.objects.get(language_code="fr")
    kutaisi = factories.CityProfilePageFactory(parent=tree["cities"], title="Kutaisi", slug="kutaisi")
    translation = kutaisi.copy_for_translation(french, copy_parents=True)
    translation.title = "Koutaïssi"
    translation.save_revision().publish()
    gyumri = factories.CityProfilePageFactory(parent=tree["cities"], title="Gyumri", slug="gyumri")
    gyumri.copy_for_translation(french, copy_parents=True)  # a French draft, never published

    parents = {"public": tree["cities"], "other-site": other["cities"]}
    hidden = {
        kind: hidden_page(factories.CityProfilePageFactory, kind, parents, title=f"City {kind}", slug=f"city-{kind}")
        for kind in HIDDEN
        if kind != "deleted"
    }
    hidden["deleted"] = factories.CityProfilePageFactory(parent=tree["cities"], title="Deleted", slug="deleted")
    public_doc = factories.DocumentFactory(title="Report", file__filename="report.pdf")
    private_doc = factories.DocumentFactory(title="Private", collection=private_collection())

    link_to_kutaisi = f"<p>See {_link(kutaisi.pk, 'Kutaisi')} and {_link(gyumri.pk, 'Gyumri')}.</p>"
    body = [
        ("paragraph", link_to_kutaisi),
        *[("paragraph", f"<p>Go to {_link(page.pk, f'the {kind} page')}.</p>") for kind, page in hidden.items()],
        (
            "paragraph",
            f'<p><a linktype="document" id="{public_doc.pk}">the report</a> and '
            f'<a linktype="document" id="{private_doc.pk}">the private one</a></p>',
        ),
        ("paragraph", FORMATTED),
    ]
    factories.NewsPageFactory(parent=tree["news"], title="Rich", slug="rich", body=body)
    factories.ConferencePageFactory(
        parent=tree["conferences"],
        title="Meeting",
        slug="meeting",
        start_date=datetime.date(2022, 10, 6),
        background=link_to_kutaisi,
        target_audience=FORMATTED,
        agenda=[
            (
                "day",
                {"date": datetime.date(2022, 10, 6), "title": "Day 1", "description": link_to_kutaisi, "sessions": []},
            )
        ],
    )
    for page in (tree["home"], tree["news"]):
        page.intro = link_to_kutaisi
        page.save()
    hidden["deleted"].delete()
    return {"hidden": hidden, "public_doc": public_doc, "site": tree["site"]}


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Any:
    with shared_data(django_db_blocker, build) as data:
        yield data


PARAGRAPHS = "body { ... on ParagraphBlock { richText { html text } } }"


def paragraphs(graphql: Any, locale: str = "en") -> list[dict[str, str]]:
    data = graphql(f'{{ newsItem(slug: "rich", locale: "{locale}") {{ {PARAGRAPHS} }} }}').data
    return [block["richText"] for block in data["newsItem"]["body"]]


def test_links_to_pages_point_at_the_front_end_wherever_rich_text_appears(graphql, world):
    data = graphql(
        """{
          newsItem(slug: "rich") { body { ... on ParagraphBlock { richText { html } } } }
          conference(slug: "meeting") { background { html text } agenda { description { html } } }
          home: page(urlPath: "/") { ... on HomePage { intro { html } } }
          section: page(urlPath: "/news/") { ... on SectionPage { intro { html } } }
        }"""
    ).data

    expected = f'<p>See <a href="{KUTAISI_URL}">Kutaisi</a> and <a href="{FRONTEND}/cities/gyumri/">Gyumri</a>.</p>'
    assert data["newsItem"]["body"][0]["richText"]["html"] == expected
    assert data["conference"]["background"] == {"html": expected, "text": "See Kutaisi and Gyumri."}
    assert data["conference"]["agenda"][0]["description"]["html"] == expected
    assert data["home"]["intro"]["html"] == expected
    assert data["section"]["intro"]["html"] == expected


def test_links_follow_the_requested_language_where_the_page_is_translated_and_public(graphql, world):
    first = paragraphs(graphql, locale="fr")[0]

    # Kutaisi has a published French version; Gyumri only a French draft, so its link stays English.
    assert first["html"] == (
        f'<p>See <a href="{FRONTEND}/fr/cities/kutaisi/">Kutaisi</a> and '
        f'<a href="{FRONTEND}/cities/gyumri/">Gyumri</a>.</p>'
    )


@pytest.mark.parametrize("kind", HIDDEN)
def test_a_link_to_a_page_that_may_not_be_shown_keeps_its_text_but_loses_its_address(graphql, world, kind):
    rich_text = next(p for p in paragraphs(graphql) if f"the {kind} page" in p["text"])

    assert rich_text == {"html": f"<p>Go to <a>the {kind} page</a>.</p>", "text": f"Go to the {kind} page."}


def test_page_links_lose_their_address_while_the_site_has_no_front_end_url(graphql, world):
    FrontendSettings.objects.filter(site=world["site"]).update(base_url="")

    assert paragraphs(graphql)[0]["html"] == "<p>See <a>Kutaisi</a> and <a>Gyumri</a>.</p>"


def test_document_links_point_at_the_file_and_private_documents_lose_their_address(graphql, world, api_url):
    rich_text = next(p for p in paragraphs(graphql) if "the report" in p["text"])

    url = f"{api_url}{world['public_doc'].url}"
    assert url.startswith(f"{api_url}/documents/{world['public_doc'].pk}/")
    assert rich_text == {
        "html": f'<p><a href="{url}">the report</a> and <a>the private one</a></p>',
        "text": "the report and the private one",
    }


def test_text_is_plain_text_with_entities_decoded_and_whitespace_collapsed(graphql, world):
    rich_text = paragraphs(graphql)[-1]
    target_audience = graphql('{ conference(slug: "meeting") { targetAudience { html text } } }').data

    assert rich_text["text"] == FORMATTED_TEXT
    assert target_audience["conference"]["targetAudience"]["text"] == FORMATTED_TEXT
    # The HTML keeps the editor's formatting and outside links as they were written.
    assert "<b>Kutaisi</b>, Georgia: un<i>believ</i>able" in rich_text["html"]
    assert "<a href='https://example.com/'>results</a>" in rich_text["html"]


def test_no_editor_reference_is_left_in_the_html(graphql, world):
    html = "".join(p["html"] for p in paragraphs(graphql))

    assert "linktype" not in html
    assert "data-block-key" not in html
    assert " id=" not in html
