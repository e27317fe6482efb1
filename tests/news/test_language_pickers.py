"""Partnership and organisation pickers in the page editor offer the page's own language only."""

from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from conferences.models import ConferencePage
from news.models import NewsPage
from tests.conferences.test_conference_pages import conference_form
from tests.factories import NewsPageFactory, OrganisationFactory, PartnershipFactory, make_site_tree
from tests.news.test_news_pages import news_form


class LanguagePickerTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        french = Locale.objects.get(language_code="fr")
        cls.partnership = PartnershipFactory(name="EU4Culture")
        cls.partnership_fr = cls.partnership.copy_for_translation(french)
        cls.partnership_fr.name = "EU4Culture (FR)"
        cls.partnership_fr.save()
        cls.organisation = OrganisationFactory(name="European Commission")
        cls.organisation_fr = cls.organisation.copy_for_translation(french)
        cls.organisation_fr.name = "Commission européenne"
        cls.organisation_fr.save()

    def setUp(self):
        self.client.force_login(self.user)

    def add_url(self, model, parent):
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    def assert_english_only(self, form, *names):
        for name in names:
            choices = set(form.fields[name].queryset)
            assert choices & {self.partnership, self.organisation}, name
            assert not choices & {self.partnership_fr, self.organisation_fr}, name

    def test_news_editor_lists_english_partnerships_and_organisations_only(self):
        response = self.client.get(self.add_url(NewsPage, self.tree["news"]))
        assert response.status_code == 200
        self.assert_english_only(response.context["form"], "partnerships", "organisations")
        self.assertContains(response, "European Commission")
        self.assertNotContains(response, "Commission européenne")

    def test_news_edit_form_keeps_the_page_language(self):
        page = NewsPageFactory(parent=self.tree["news"])
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assert_english_only(response.context["form"], "partnerships", "organisations")

    def test_a_french_organisation_on_an_english_news_item_is_refused(self):
        data = {**news_form(), "organisations": [self.organisation_fr.pk], "partnerships": [self.partnership.pk]}
        response = self.client.post(self.add_url(NewsPage, self.tree["news"]), data)
        assert response.status_code == 200
        assert "organisations" in response.context["form"].errors
        assert not NewsPage.objects.exists()

    def test_english_choices_are_saved(self):
        data = {**news_form(), "organisations": [self.organisation.pk], "partnerships": [self.partnership.pk]}
        self.client.post(self.add_url(NewsPage, self.tree["news"]), data)
        page = NewsPage.objects.get()
        assert list(page.organisations.all()) == [self.organisation]
        assert list(page.partnerships.all()) == [self.partnership]

    def test_conference_editor_lists_english_partnership_and_organisers_only(self):
        response = self.client.get(self.add_url(ConferencePage, self.tree["conferences"]))
        self.assert_english_only(response.context["form"], "partnership", "organisers")
        data = {**conference_form(partnership=self.partnership_fr.pk), "organisers": [self.organisation_fr.pk]}
        response = self.client.post(self.add_url(ConferencePage, self.tree["conferences"]), data)
        assert {"partnership", "organisers"} <= set(response.context["form"].errors)
        assert not ConferencePage.objects.exists()
