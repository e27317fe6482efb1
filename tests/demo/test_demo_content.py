"""``manage.py load_demo_content`` on a fresh database: the tree, the media, translations, re-runs.

The command runs once for the whole module (see ``demo_output``); each test checks one side of
the result against the declarative content in ``demo``, and one runs the command again.
"""

import datetime
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from PIL import Image
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from cities.models import CityFunding, CityIndexPage, CityMembership, CityProfilePage
from conferences.models import ConferenceIndexPage, ConferencePage, ConferenceStatus
from demo.builder import NOTHING_CHANGED
from demo.content import cities, conferences, french, media, news, snippets
from home.models import FrontendSettings, HomePage
from news.models import NewsIndexPage, NewsPage
from partnerships.models import Organisation, Partnership

ENGLISH_PAGES = 1 + 3 + len(cities.CITIES) + len(conferences.CONFERENCES) + len(news.NEWS)


def load() -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site built once for this module on an empty database, then rolled back.

    Building takes several seconds, so the tests share one build: it runs inside a transaction
    that is rolled back when the module is done, and each test's own ``db`` transaction nests
    inside it. Media files go to a temporary folder.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        transaction.atomic(),
    ):
        yield load()
        transaction.set_rollback(True)
    cache.clear()  # nothing cached from the rolled-back content may outlive it (site root paths...)


@pytest.fixture
def demo(demo_output, db):
    """What the first run of the command printed; the database holds its result."""
    return demo_output


def english(model):
    return model.objects.filter(locale=Locale.get_default())


def french_locale() -> Locale:
    return Locale.objects.get(language_code=french.LANGUAGE)


def test_builds_the_tree_under_the_default_site(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert (home.title, home.slug) == ("Citynews", "citynews")
    sections = [(type(page), page.slug) for page in home.get_children().specific()]
    assert sections == [(NewsIndexPage, "news"), (ConferenceIndexPage, "conferences"), (CityIndexPage, "cities")]

    # Wagtail's welcome page is gone: every top-level page is a Citynews home page.
    assert {type(page) for page in Page.get_first_root_node().get_children().specific()} == {HomePage}

    assert english(CityProfilePage).child_of(home.get_children().get(slug="cities")).count() == 10
    assert english(ConferencePage).count() == len(conferences.CONFERENCES) == 6
    assert english(NewsPage).count() == len(news.NEWS) == 5
    assert english(Page).count() == ENGLISH_PAGES + 1  # + Wagtail's root
    assert FrontendSettings.for_site(site).base_url == "https://www.citynews.example"
    assert Locale.objects.filter(language_code="fr").exists()
    assert demo.startswith(f"Created {ENGLISH_PAGES} pages")


def test_every_page_is_published_through_a_revision(demo):
    pages = Page.objects.exclude(depth=1).specific()
    assert len(pages) == ENGLISH_PAGES + len(french.PAGES)
    for page in pages:
        assert page.live, page
        assert not page.has_unpublished_changes, page
        assert page.live_revision_id is not None, page
        assert page.live_revision.object_id == str(page.pk)


def test_stream_and_rich_text_content_is_valid_and_fully_linked(demo):
    for page in Page.objects.exclude(depth=1).specific():
        page.full_clean()  # includes the conference's own agenda-date check
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                field.stream_block.clean(getattr(page, field.name))  # e.g. exactly one link target

    stored = " ".join(str(page.specific.body.raw_data) for page in NewsPage.objects.all())
    assert "<a page=" not in stored
    assert "<a document=" not in stored
    link_ids = {int(pk) for pk in re.findall(r'linktype="page" id="(\d+)"', stored)}
    assert link_ids
    assert Page.objects.filter(pk__in=link_ids).count() == len(link_ids)
    assert all(len(page.standfirst) <= 300 for page in NewsPage.objects.all())


def test_images_are_real_jpegs_of_the_declared_sizes(demo):
    image_model = get_image_model()
    assert image_model.objects.count() == len(media.IMAGES) == 15
    for spec in media.IMAGES:
        image = image_model.objects.get(title=spec.title)
        with image.open_file() as file, Image.open(file) as picture:
            assert picture.format == "JPEG"
            assert picture.size == spec.size
        assert (image.width, image.height) == spec.size
        assert image.credit == "Citynews demo image"
        assert image.description
        assert image.file_size == Path(image.file.path).stat().st_size
        assert image.has_focal_point() == (spec.focal_point is not None)

    assert all(page.hero_image_id for page in NewsPage.objects.all())
    assert all(page.image_id for page in CityProfilePage.objects.all())


def test_documents_are_real_pdfs(demo):
    document_model = get_document_model()
    assert document_model.objects.count() == len(media.DOCUMENTS) == 3
    for spec in media.DOCUMENTS:
        document = document_model.objects.get(title=spec.title)
        data = Path(document.file.path).read_bytes()
        assert data.startswith(b"%PDF-")
        assert data.rstrip().endswith(b"%%EOF")
        assert re.search(rb"/Count (\d+)", data).group(1) == str(len(spec.pages)).encode()
        assert document.file_extension == "pdf"


def test_a_second_run_creates_nothing(demo):
    def counts() -> dict[str, int]:
        return {
            model.__name__: model.objects.count()
            for model in (
                Page,
                Revision,
                get_image_model(),
                get_document_model(),
                Organisation,
                Partnership,
                CityMembership,
                Tag,
                Locale,
                Site,
            )
        }

    before = counts()
    assert load().strip() == NOTHING_CHANGED
    assert counts() == before
    assert before["Organisation"] == 10 + 2
    assert before["Partnership"] == 5 + 3


def test_cities_are_flagged_demo_with_facts_and_networks(demo):
    profiles = {page.slug: page for page in english(CityProfilePage)}
    assert all(page.is_demo for page in profiles.values())
    assert {page.country.code for page in profiles.values()} >= {"GE", "ES", "BE", "AM", "AZ", "MD", "UA"}
    assert {slug for slug, page in profiles.items() if page.is_capital} == {"brussels"}

    kutaisi = profiles["kutaisi"]
    assert (kutaisi.latitude, kutaisi.longitude) == (Decimal("42.267900"), Decimal("42.694600"))
    assert kutaisi.population
    assert kutaisi.population_year

    network = english(Partnership).get(slug="eu4culture-cities-network")
    members = set(CityMembership.objects.filter(partnership=network).values_list("page__slug", flat=True))
    assert members == set(profiles) - {"barcelona", "brussels"}
    assert all(profiles[slug].strategies.count() == 1 for slug in members)

    winners = set(CityFunding.objects.filter(page__locale=Locale.get_default()).values_list("page__slug", flat=True))
    assert winners == set(cities.DEMO_WINNER_CITIES) == {"kutaisi", "gyumri", "balti"}
    grant = CityFunding.objects.filter(page=kutaisi).get()
    assert (grant.amount, grant.currency, grant.programme.slug) == (Decimal("300000.00"), "EUR", "eu4culture")


def test_conference_dates_and_editions(demo):
    by_slug = {page.slug: page for page in english(ConferencePage)}
    first = by_slug["first-global-meeting-partnerships-for-sustainable-cities"]
    second = by_slug["second-global-meeting-partnerships-for-sustainable-cities"]

    assert (first.start_date, first.end_date, first.edition) == (
        datetime.date(2023, 3, 7),
        datetime.date(2023, 3, 9),
        1,
    )
    assert (second.start_date, second.end_date, second.edition) == (
        datetime.date(2024, 3, 12),
        datetime.date(2024, 3, 14),
        2,
    )
    assert second.previous_edition.specific == first
    assert first.next_editions.get().specific == second
    assert (first.host_city.slug, second.host_city.slug) == ("brussels", "barcelona")
    assert {org.acronym for org in second.organisers.all()} == {"DG INTPA", "AMB"}
    assert second.partnership.slug == "partnerships-for-sustainable-cities"

    assert [block.value["keyword"] for block in second.objectives] == [
        "RESULTS",
        "EVOLVING EU POLICIES",
        "SUSTAINABILITY",
        "RECOMMENDATIONS",
    ]
    days = [block.value for block in second.agenda]
    assert [day["date"] for day in days] == [datetime.date(2024, 3, d) for d in (12, 13, 14)]
    assert {session["kind"] for session in days[2]["sessions"]} == {"visit"}
    assert [block.value["theme"] for block in second.site_visits] == [
        "Public spaces",
        "Sustainable mobility",
        "Housing",
        "Waste and water management",
    ]
    assert len(second.expected_outcomes) == 3
    linked = {link["document"].title for link in second.documents[0].value["links"]}
    assert linked == {spec.title for spec in media.DOCUMENTS}

    fifth = by_slug["culture-heritage-partnership-5th-meeting"]
    assert fifth.previous_edition.slug == "culture-heritage-partnership-4th-meeting"
    assert fifth.format == ConferencePage.Format.ONLINE

    # Fixed dates, so listings never drift: the fictitious forum is upcoming until September 2027.
    forum = by_slug["citynews-demo-forum-2027"]
    assert forum.start_date == datetime.date(2027, 9, 21)
    assert forum.status_on(datetime.date(2026, 1, 1)) == ConferenceStatus.UPCOMING
    assert first.status == ConferenceStatus.PAST


def test_news_report_on_the_seed_events(demo):
    item = english(NewsPage).get(slug="kutaisi-hosts-eu4culture-regional-network-conference")
    assert item.date == datetime.date(2022, 10, 7)
    assert item.conference.slug == "eu4culture-2nd-regional-network-conference"
    assert [link.city.slug for link in item.city_links.all()] == ["kutaisi"]
    assert set(item.tags.names()) >= {"culture", "eastern-partnership", "networking"}
    blocks = {block.block_type: block.value for block in item.body}
    assert blocks["quote"]["attribution"] == "Christophe Masson"
    assert "DG NEAR" in blocks["quote"]["role"]
    figures = {(block.value["value"], block.value["label"]) for block in item.body if block.block_type == "key_figure"}
    assert {value for value, _label in figures} == {"14", "EUR 300,000"}
    assert f'linktype="page" id="{english(CityProfilePage).get(slug="kutaisi").pk}"' in str(item.body.raw_data)

    meeting = english(NewsPage).get(slug="culture-heritage-partnership-4th-meeting")
    assert {p.slug for p in meeting.partnerships.all()} == {"culture-cultural-heritage", "new-european-bauhaus"}


def test_french_translations_share_keys_and_point_to_french_versions(demo):
    fr = french_locale()
    source = english(NewsPage).get(slug="kutaisi-hosts-eu4culture-regional-network-conference")
    translation = source.get_translation(fr)
    assert translation.live
    assert translation.translation_key == source.translation_key
    assert translation.title.startswith("Koutaïssi")
    assert translation.get_parent().locale == fr
    assert translation.get_parent().get_parent().specific_class is HomePage

    kutaisi_fr = english(CityProfilePage).get(slug="kutaisi").get_translation(fr)
    assert kutaisi_fr.title == "Koutaïssi"
    assert f'linktype="page" id="{kutaisi_fr.pk}"' in str(translation.body.raw_data)
    assert [link.city_id for link in translation.city_links.all()] == [kutaisi_fr.pk]
    assert {p.locale for p in translation.partnerships.all()} == {fr}
    assert {m.partnership.locale for m in kutaisi_fr.memberships.all()} == {fr}
    # The conference has no French version: the copy keeps the English one (the API falls back).
    assert translation.conference.locale == Locale.get_default()

    organisation_names = {spec.key: spec.name for spec in snippets.ORGANISATIONS}
    for spec in french.SNIPPETS:
        if spec.model == "organisation":
            original = english(Organisation).get(name=organisation_names[spec.key])
        else:
            original = english(Partnership).get(slug=spec.key)
        assert original.get_translation(fr).translation_key == original.translation_key

    assert Page.objects.filter(locale=fr).count() == len(french.PAGES)
