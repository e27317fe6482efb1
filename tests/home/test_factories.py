"""The shared factories do what their docstrings promise (other test areas rely on them)."""

from PIL import Image as PILImage
from wagtail.models import Locale, Page

from cities.models import CityIndexPage
from home.models import CitynewsImage, HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import (
    CityProfilePageFactory,
    ConferencePageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    OrganisationFactory,
    PartnershipFactory,
)


def test_image_is_a_real_image_with_a_credit(db):
    image = ImageFactory(credit="© City of Kutaisi")
    assert isinstance(image, CitynewsImage)
    with image.open_file() as f, PILImage.open(f) as pil:
        assert pil.size == (64, 48)
    assert (image.width, image.height) == (64, 48)
    assert image.file_size > 0
    assert image.file_hash
    assert image.credit == "© City of Kutaisi"
    assert image.get_rendition("fill-32x32").width == 32


def test_document_has_a_file_with_size_and_hash(db):
    document = DocumentFactory()
    assert document.file_extension == "pdf"
    assert document.file_size > 0
    assert document.file_hash
    with document.open_file() as f:
        assert f.read().startswith(b"%PDF")


def test_snippets_default_to_the_default_locale(db):
    assert OrganisationFactory().locale == Locale.get_default()
    partnership = PartnershipFactory(name="EU4Culture")
    assert (partnership.slug, partnership.locale) == ("eu4culture", Locale.get_default())


def test_pages_are_published_with_a_revision_by_default(site_tree):
    page = NewsPageFactory(parent=site_tree["news"])
    assert page.live
    assert page.first_published_at is not None
    assert page.live_revision == page.latest_revision
    assert not page.has_unpublished_changes


def test_live_false_makes_a_draft_with_a_revision(site_tree):
    page = NewsPageFactory(parent=site_tree["news"], live=False)
    assert not page.live
    assert page.live_revision is None
    assert page.latest_revision is not None
    assert page.has_unpublished_changes


def test_pages_without_parent_go_under_the_existing_listing(site_tree):
    assert NewsPageFactory().get_parent().specific == site_tree["news"]
    assert CityProfilePageFactory().get_parent().specific == site_tree["cities"]
    assert ConferencePageFactory().get_parent().specific == site_tree["conferences"]


def test_pages_without_any_site_tree_build_their_ancestors(db):
    page = NewsPageFactory()
    index = page.get_parent().specific
    assert isinstance(index, NewsIndexPage)
    assert isinstance(index.get_parent().specific, HomePage)
    assert index.get_parent().get_parent() == Page.get_first_root_node()
    CityProfilePageFactory()
    assert CityIndexPage.objects.child_of(index.get_parent()).count() == 1


def test_news_page_relations_and_body(site_tree):
    city = CityProfilePageFactory(parent=site_tree["cities"])
    partnership = PartnershipFactory()
    organisation = OrganisationFactory()
    page = NewsPageFactory(
        parent=site_tree["news"],
        cities=[city],
        partnerships=[partnership],
        organisations=[organisation],
        tags=["culture", "mobility"],
        body=[
            ("quote", {"text": "Words", "attribution": "Someone"}),
            ("key_figure", {"value": "14", "label": "cities"}),
        ],
    )
    page = NewsPage.objects.get(pk=page.pk)
    assert [link.city for link in page.city_links.all()] == [city]
    assert list(page.partnerships.all()) == [partnership]
    assert list(page.organisations.all()) == [organisation]
    assert set(page.tags.names()) == {"culture", "mobility"}
    assert page.body[0].value["text"] == "Words"
    assert page.live_revision.as_object().body[1].value["value"] == "14"


def test_wagtail_factories_stream_declarations(site_tree):
    page = NewsPageFactory(
        parent=site_tree["news"], body__0__quote__text="Hello", body__1="key_figure", body__2="image"
    )
    page = NewsPage.objects.get(pk=page.pk)
    assert [block.block_type for block in page.body] == ["quote", "key_figure", "image"]
    assert page.body[0].value["text"] == "Hello"
    assert page.body[1].value["value"] == "EUR 300,000"
    assert isinstance(page.body[2].value["image"], CitynewsImage)


def test_city_inline_rows(site_tree):
    partnership = PartnershipFactory()
    city = CityProfilePageFactory(
        parent=site_tree["cities"],
        memberships=[partnership, {"partnership": PartnershipFactory(), "role": "Lead city"}],
        strategies=[{"title": "Culture strategy", "year": 2022}],
        funding=[{"amount": 1000, "programme": partnership}],
    )
    assert [m.role for m in city.memberships.all()] == ["", "Lead city"]
    assert city.memberships.first().partnership == partnership
    assert city.strategies.get().title == "Culture strategy"
    assert (city.funding.get().currency, city.funding.get().programme) == ("EUR", partnership)
