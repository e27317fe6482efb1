"""The three seed documents imported as drafts, asserted field by field: nothing of the mess left,
dates, place, host city, quotes, objectives, outcomes and sections each in its field."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from conferences.models import ConferencePage
from document_import.drafts import import_as_draft
from document_import.structure import read_upload
from news.models import NewsPage
from tests.documents import SEED_000, SEED_001, SEED_002

ARTEFACTS = re.compile(r"\[bookmark|_Hlk|\*|\]\(|\(#\)|<p>\s*</p>|&nbsp;&nbsp;|\xa0\xa0")


def imported(path, **options):
    return import_as_draft(read_upload(path.name, path.read_bytes()), **options)


def blocks(stream, block_type):
    return [block.value for block in stream if block.block_type == block_type]


def stored(page):
    """Everything the draft holds as text, as saved: its table row and its latest revision."""
    fresh = type(page).objects.get(pk=page.pk)
    return str(fresh.latest_revision.content) + "".join(str(getattr(fresh, f.attname)) for f in fresh._meta.fields)


@pytest.mark.django_db
def test_seed_000_meeting_report_becomes_a_draft_news_item(programme):
    result = imported(SEED_000)
    page = NewsPage.objects.get(pk=result.page.pk)

    assert not page.live
    assert page.has_unpublished_changes
    assert page.get_parent().pk == programme["news"].pk
    assert page.title == "The 4th Partnership meeting of the Culture and Cultural Heritage Partnership took place"
    assert (page.date, page.end_date) == (datetime.date(2021, 2, 10), datetime.date(2021, 2, 11))
    assert page.standfirst.startswith("On 10 and 11 February 2021, the 4th Partnership meeting")
    assert len(page.standfirst) <= 300
    assert blocks(page.body, "heading")[0]["text"] == "Next steps"
    assert [b.block_type for b in page.body][-2:] == ["heading", "paragraph"]
    assert len(blocks(page.body, "paragraph")) == 9
    assert not ARTEFACTS.search(stored(page))
    assert any("title was made from its first sentence" in line for line in result.document.follow_up)


@pytest.mark.django_db
def test_seed_001_network_conference_news_keeps_its_quote_figure_and_relations(programme):
    result = imported(SEED_001)
    page = NewsPage.objects.get(pk=result.page.pk)

    assert (
        page.title
        == "Kutaisi hosted the 2nd regional conference to strengthen cooperation between EU4Culture network cities"
    )
    assert (page.date, page.end_date) == (datetime.date(2022, 10, 6), datetime.date(2022, 10, 7))
    assert page.standfirst.startswith("On 6-7 October 2022, in Kutaisi, Georgia, the EU-funded project EU4Culture")
    quote = blocks(page.body, "quote")[0]
    assert quote["text"].startswith("EU4Culture Cities Network is a unique cooperation platform")
    assert quote["text"].endswith("to invent our future.")
    assert quote["attribution"] == "Christophe Masson"
    assert quote["role"].startswith("Team Leader Inclusive Societies, Directorate-General for Neighbourhood")
    assert blocks(page.body, "key_figure")[0]["value"] == "up to \u20ac300,000"
    assert "EU funding" in blocks(page.body, "key_figure")[0]["label"]
    assert [link.city.pk for link in page.city_links.all()] == [programme["kutaisi"].pk]
    assert list(page.partnerships.all()) == [programme["eu4culture"]]
    assert set(page.organisations.all()) == {programme["commission"], programme["goethe"]}
    text = stored(page)
    assert not ARTEFACTS.search(text)
    assert "Christophe Masson" not in "".join(str(b) for b in blocks(page.body, "paragraph"))


@pytest.mark.django_db
def test_seed_002_concept_note_becomes_a_draft_conference_with_its_programme(programme):
    result = imported(SEED_002)
    page = ConferencePage.objects.get(pk=result.page.pk)

    assert not page.live
    assert page.title == "Second Global Meeting of the Partnerships for Sustainable Cities"
    assert (page.start_date, page.end_date) == (datetime.date(2024, 3, 12), datetime.date(2024, 3, 14))
    assert page.host_city.pk == programme["barcelona"].pk
    assert (page.document_kind, page.document_status) == ("concept_note", "")
    assert page.partnership == programme["sustainable_cities"]
    assert set(page.organisers.all()) == {programme["amb"]}
    assert page.background.startswith("<p>In the framework of its partnership with local authorities")
    assert "<b><i>the programme also seeks to promote joint learning</i></b>" in page.background
    assert "<i>Partnerships for Sustainable Cities</i>" in page.background
    assert page.summary.startswith("In the framework of its partnership with local authorities (LAs)")
    assert [(o.value["keyword"], o.value["text"][:40]) for o in page.objectives] == [
        ("Results", "To deepen collective learning and showca"),
        ("Evolving EU policies", "To inform participants about evolving EU"),
        ("Sustainability", "To have structured exchanges on how to f"),
        ("Recommendations", "To formulate a clear set of recommendati"),
    ]
    assert [o.value[:40] for o in page.expected_outcomes] == [
        "Evidence-based demonstration of the impa",
        "Better informed participating cities on ",
        "Elaboration of a concrete advocacy agend",
    ]
    assert [(d.value["date"], d.value["title"]) for d in page.agenda] == [
        (datetime.date(2024, 3, 12), "Day 1: exchange on concrete results achieved"),
        (datetime.date(2024, 3, 13), "Day 2: relevant sustainability strategies"),
        (datetime.date(2024, 3, 14), "Day 3"),
    ]
    assert [(v.value["title"], v.value["status"]) for v in page.site_visits] == [
        ("Public spaces", "proposed"),
        ("Sustainable mobility", "proposed"),
        ("Housing", "proposed"),
        ("Waste and water management", "proposed"),
    ]
    assert blocks(page.body, "heading")[0]["text"] == "Objectives of the second global meeting"
    assert not ARTEFACTS.search(stored(page))
    follow_up = "\n".join(result.document.follow_up)
    assert "\u201cproceedings of this first global meeting can be found here\u201d" in follow_up
    assert "\u201cfirst draft Strategic & Monitoring Report\u201d" in follow_up
    assert "EU Global Gateway\u201d" in follow_up


@pytest.mark.django_db
def test_the_type_can_be_forced_and_slugs_never_collide(programme):
    first = imported(SEED_001, kind="news")
    second = imported(SEED_001, kind="news")

    assert first.page.slug == "kutaisi-hosted-the-2nd-regional-conference-to-strengthen-cooperation"
    assert second.page.slug == first.page.slug + "-2"


@pytest.mark.django_db
def test_a_draft_cannot_be_put_below_the_wrong_section(programme):
    with pytest.raises(ValueError, match="cannot go below"):
        imported(SEED_002, kind="conference", parent=programme["news"])


@pytest.mark.django_db
def test_the_command_prints_the_draft_id_and_its_edit_address(programme):
    out = io.StringIO()

    call_command("import_document", str(SEED_002), "--parent", str(programme["conferences"].pk), stdout=out)

    page = ConferencePage.objects.get()
    assert f"Draft conference created: id {page.pk}" in out.getvalue()
    assert f"/admin/pages/{page.pk}/edit/" in out.getvalue()
    assert "follow up: Link without an address (#)" in out.getvalue()
    assert "recognised: Host city: Barcelona." in out.getvalue()
