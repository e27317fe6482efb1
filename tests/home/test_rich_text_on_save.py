"""Every path that saves rich text stores it cleaned: a page saved in code, a draft revision, the
admin form (which also warns about removed links) and, for older content, ``clean_rich_text``."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from conferences.models import ConferencePage
from news.models import NewsPage
from tests.documents import SEED_001, SEED_002, pasted_html
from tests.factories import ConferencePageFactory, NewsPageFactory

ARTEFACTS = ("[bookmark:", "_Hlk", "**", "](#)", "<p></p>", "&nbsp;&nbsp;")


def assert_clean(html: str) -> None:
    for artefact in ARTEFACTS:
        assert artefact not in html


def stored_body(page: NewsPage) -> str:
    return "".join(block["value"] for block in NewsPage.objects.get(pk=page.pk).body.raw_data)


@pytest.mark.django_db
def test_a_pasted_seed_is_stored_clean_in_the_page_and_its_revision(site_tree):
    page = NewsPageFactory(parent=site_tree["news"], body=[("paragraph", pasted_html(SEED_001))])
    revision = page.save_revision()

    assert_clean(stored_body(page))
    assert "[bookmark" not in str(revision.content["body"])
    assert "<p>The event focused on the facilitation" in stored_body(page)


@pytest.mark.django_db
def test_rich_text_fields_and_agenda_descriptions_are_stored_clean(site_tree):
    conference = ConferencePageFactory(
        parent=site_tree["conferences"],
        start_date=datetime.date(2024, 3, 12),
        end_date=datetime.date(2024, 3, 14),
        background=pasted_html(SEED_002),
        agenda=[("day", {"date": datetime.date(2024, 3, 12), "title": "Day 1", "description": "<p>**Results**</p>"})],
    )
    stored = ConferencePage.objects.get(pk=conference.pk)

    assert_clean(stored.background)
    assert "<b><i>the programme also seeks to promote joint learning</i></b>" in stored.background
    assert "proceedings of this first global meeting can be found here." in stored.background
    assert stored.agenda.raw_data[0]["value"]["description"] == "<p><b>Results</b></p>"


@pytest.mark.django_db
def test_the_admin_warns_about_each_link_it_removed(site_tree, admin_client):
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", site_tree["news"].pk])
    data = nested_form_data(
        {
            "title": "Global meeting",
            "slug": "global-meeting",
            "date": "2024-03-12",
            "standfirst": "The second global meeting.",
            "body": streamfield([("paragraph", rich_text('<p>See the <a href="#">proceedings</a>.</p>'))]),
            "city_links-TOTAL_FORMS": "0",
            "city_links-INITIAL_FORMS": "0",
            "tags": "",
        }
    )

    response = admin_client.post(add, data, follow=True)

    page = NewsPage.objects.get(slug="global-meeting")
    assert re.sub(r' data-block-key="\w+"', "", stored_body(page)) == "<p>See the proceedings.</p>"
    shown = [str(message) for message in response.context["messages"]]
    assert any("removed" in message and "“proceedings”" in message for message in shown), shown


@pytest.mark.django_db
def test_the_command_cleans_content_stored_before_cleaning_existed(site_tree):
    page = NewsPageFactory(parent=site_tree["news"], body=[("paragraph", "<p>x</p>")])
    messy = [{"type": "paragraph", "value": pasted_html(SEED_001), "id": "a"}]
    NewsPage.objects.filter(pk=page.pk).update(body=messy)  # as an old release stored it
    site_tree["news"].__class__.objects.filter(pk=site_tree["news"].pk).update(intro="<p>[a](#)</p><p></p>")
    out = io.StringIO()

    call_command("clean_rich_text", stdout=out)

    assert_clean(stored_body(page))
    assert site_tree["news"].__class__.objects.get(pk=site_tree["news"].pk).intro == "<p>a</p>"
    assert "link without an address removed: a" in out.getvalue()
    assert "2 object(s) cleaned." in out.getvalue()
