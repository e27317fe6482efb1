"""The site root: created under Wagtail's root page, with the three section listings below it."""

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cities.models import CityIndexPage
from conferences.models import ConferenceIndexPage
from home.models import HomePage
from news.models import NewsIndexPage
from tests.factories import HomePageFactory


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = cls.create_superuser("editor")

    def setUp(self):
        self.client.force_login(self.user)

    def test_home_page_is_created_under_the_root(self):
        root = Page.get_first_root_node()
        self.assertCanCreate(
            root,
            HomePage,
            nested_form_data({"title": "Citynews East", "locale": "en", "intro": rich_text("<p>Partner cities.</p>")}),
        )
        home = HomePage.objects.child_of(root).get(slug="citynews-east")
        assert home.live
        assert ">Partner cities.</p>" in home.intro
        assert home.locale.language_code == "en"

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, ConferenceIndexPage, CityIndexPage})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_a_new_home_offers_each_section_listing_once(self):
        home = HomePageFactory()
        response = self.client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
        offered = {model_name for _, _, model_name, _ in response.context["page_types"]}
        assert offered == {"newsindexpage", "conferenceindexpage", "cityindexpage"}
