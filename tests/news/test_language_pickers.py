"""Partnership and organisation pickers in the page editor offer the page's own language only, through
Wagtail's searchable snippet chooser opened at that language."""

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from conferences.models import ConferencePage
from home.widgets import MultipleSnippetChooser
from news.models import NewsPage
from partnerships.models import Organisation, Partnership
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

    def french_news_item(self):
        english = NewsPageFactory(parent=self.tree["news"], title="Kutaisi opens its cultural hub")
        french = english.copy_for_translation(self.partnership_fr.locale, copy_parents=True)
        french.partnerships = [self.partnership_fr]
        french.save_revision()
        return french

    def chooser(self, response, name):
        """The rendered picker of field ``name``: its chooser URL, offered options and listed items."""
        soup = BeautifulSoup(response.content, "html.parser")
        widget = soup.find("select", attrs={"name": name}).find_parent(attrs={"data-multiple-snippet-chooser": True})
        url = urlsplit(widget["data-chooser-url"])
        return {
            "path": url.path,
            "query": parse_qs(url.query),
            "options": [option.get_text() for option in widget.select("select option")],
            "chosen": [
                (item["data-value"], item.find(attrs={"data-label": True}).get_text())
                for item in widget.select("[data-chosen] li")
            ],
            "add": widget.find(attrs={"data-add": True}).get_text(strip=True),
        }

    def test_french_news_item_opens_the_chooser_in_french_with_its_chosen_items_listed(self):
        page = self.french_news_item()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

        partnerships = self.chooser(response, "partnerships")
        assert partnerships["path"] == reverse(Partnership.snippet_viewset.chooser_viewset.get_url_name("choose"))
        assert partnerships["query"] == {"locale": ["fr"]}
        assert partnerships["chosen"] == [(str(self.partnership_fr.pk), "EU4Culture (FR)")]
        assert partnerships["options"] == ["EU4Culture (FR)"]
        assert partnerships["add"] == "Add partnership"
        organisations = self.chooser(response, "organisations")
        assert organisations["path"] == reverse(Organisation.snippet_viewset.chooser_viewset.get_url_name("choose"))
        assert organisations["query"] == {"locale": ["fr"]}
        assert organisations["chosen"] == []
        assert organisations["options"] == ["Commission européenne"]
        self.assertContains(response, "home/js/multiple_snippet_chooser.js")

    def test_an_english_partnership_picked_in_the_chooser_is_refused_on_a_french_item(self):
        page = self.french_news_item()
        data = {**news_form(title=page.title, slug=page.slug), "partnerships": [self.partnership.pk]}
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 200
        assert "partnerships" in response.context["form"].errors
        page.refresh_from_db()
        assert list(page.get_latest_revision_as_object().partnerships.all()) == [self.partnership_fr]

    def test_conference_organisers_use_the_chooser_and_its_partnership_keeps_the_single_one(self):
        response = self.client.get(self.add_url(ConferencePage, self.tree["conferences"]))
        form = response.context["form"]
        assert isinstance(form.fields["organisers"].widget, MultipleSnippetChooser)
        assert not isinstance(form.fields["partnership"].widget, MultipleSnippetChooser)
        organisers = self.chooser(response, "organisers")
        assert organisers["query"] == {"locale": ["en"]}
        assert organisers["options"] == ["European Commission"]
