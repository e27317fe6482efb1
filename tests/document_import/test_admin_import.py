"""The admin's "Import a document" action: from the news or conference section to a draft to review."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conferences.models import ConferencePage
from news.models import NewsPage
from tests.documents import SEED_001

from .messy_documents import MESSY_CONCEPT_NOTE_HTML, messy_news_docx

ARTEFACTS = re.compile(r"\[bookmark|_Hlk|\*|\]\(|\(#\)|<p>\s*</p>|&nbsp;&nbsp;|\xa0\xa0|javascript")


def import_url(parent):
    return reverse("document_import:import", args=[parent.pk])


def shown(response):
    return "\n".join(str(message) for message in response.context["messages"])


@pytest.mark.django_db
def test_a_messy_word_document_becomes_a_clean_draft_news_item(programme, admin_client):
    upload = SimpleUploadedFile("kutaisi.docx", messy_news_docx())

    response = admin_client.post(import_url(programme["news"]), {"file": upload, "text": ""}, follow=True)

    page = NewsPage.objects.get()
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.title == "EU4Culture network cities meet in Kutaisi"
    assert (page.date, page.end_date) == (datetime.date(2022, 10, 6), datetime.date(2022, 10, 7))
    assert page.standfirst.startswith("On 6\u20137 October 2022, in Kutaisi, Georgia, 14 non-capital cities met")
    assert [b.value["text"] for b in page.body if b.block_type == "heading"] == ["Funding"]
    quote = next(b.value for b in page.body if b.block_type == "quote")
    assert (quote["text"], quote["attribution"], quote["role"]) == (
        "The EU supports cultural exchanges",
        "Christophe Masson",
        "Team Leader Inclusive Societies, DG NEAR",
    )
    assert next(b.value for b in page.body if b.block_type == "key_figure")["value"] == "up to \u20ac300,000"
    stored = str(NewsPage.objects.get(pk=page.pk).body.raw_data)
    assert "<b><i>EU4Culture</i></b>" in stored
    assert "<ul><li>Armenia</li><li>Georgia</li></ul>" in stored
    assert not ARTEFACTS.search(stored)
    assert [link.city for link in page.city_links.all()] == [programme["kutaisi"]]
    messages = shown(response)
    assert "Dates: 2022-10-06 to 2022-10-07; place: Kutaisi, Georgia." in messages
    assert "Link without an address (#): \u201cproject page\u201d" in messages
    assert "Draft created" in response.content.decode()


@pytest.mark.django_db
def test_a_word_html_export_becomes_a_draft_conference(programme, admin_client):
    upload = SimpleUploadedFile("note.html", MESSY_CONCEPT_NOTE_HTML.encode())

    admin_client.post(import_url(programme["conferences"]), {"file": upload, "text": ""})

    page = ConferencePage.objects.get()
    assert page.title == "Second Global Meeting of City-to-city Partnerships"
    assert (page.start_date, page.end_date, page.host_city.pk) == (
        datetime.date(2024, 3, 12),
        datetime.date(2024, 3, 14),
        programme["barcelona"].pk,
    )
    assert (page.document_kind, page.document_status) == ("draft_agenda", "draft")
    assert [(o.value["keyword"], o.value["text"]) for o in page.objectives] == [
        ("Results", "To showcase the results of the partnerships."),
        ("Recommendations", "To formulate recommendations for the EU."),
    ]
    assert [d.value["title"] for d in page.agenda] == ["Day 1: results", "Day 2: sustainability strategies"]
    assert [(v.value["title"], v.value["status"]) for v in page.site_visits] == [
        ("Housing", "proposed"),
        ("Sustainable mobility", "proposed"),
    ]
    assert [o.value for o in page.expected_outcomes] == [
        "Evidence of the added value of decentralised cooperation.",
        "A concrete advocacy agenda.",
    ]
    links = page.documents[0].value["links"]
    assert [(link["title"], link["url"]) for link in links] == [
        ("Strategic & Monitoring Report", "https://example.org/monitoring-report.pdf")
    ]
    assert set(page.organisers.all()) == {programme["amb"]}
    assert not ARTEFACTS.search(str(ConferencePage.objects.get(pk=page.pk).body.raw_data))


@pytest.mark.django_db
def test_pasted_text_is_imported_too(programme, admin_client):
    admin_client.post(import_url(programme["news"]), {"text": SEED_001.read_text()})

    assert NewsPage.objects.get().title.startswith("Kutaisi hosted the 2nd regional conference")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "  "}, "Choose a file or paste the text"),
        ({"file": SimpleUploadedFile("note.pdf", b"%PDF-1.4")}, "Unsupported file type .pdf"),
        ({"file": SimpleUploadedFile("note.docx", b"plain bytes")}, "could not be read"),
    ],
)
def test_bad_input_is_answered_with_the_form_and_a_reason(programme, admin_client, data, error):
    response = admin_client.post(import_url(programme["news"]), data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not NewsPage.objects.exists()


@pytest.mark.django_db
def test_only_news_and_conference_sections_take_imports_and_only_from_their_editors(
    programme, admin_client, client, django_user_model
):
    assert admin_client.get(import_url(programme["cities"])).status_code == 404
    assert admin_client.get(reverse("document_import:import", args=[999999])).status_code == 404
    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(import_url(programme["news"]))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))  # with a message


@pytest.mark.django_db
def test_the_action_is_offered_on_the_news_and_conference_sections(programme, admin_client):
    news_explorer = admin_client.get(reverse("wagtailadmin_explore", args=[programme["news"].pk])).content.decode()
    cities_explorer = admin_client.get(reverse("wagtailadmin_explore", args=[programme["cities"].pk])).content.decode()
    home_explorer = admin_client.get(reverse("wagtailadmin_explore", args=[programme["home"].pk])).content.decode()

    assert import_url(programme["news"]) in news_explorer
    assert import_url(programme["conferences"]) in home_explorer
    assert "Import a document" not in cities_explorer
