"""The partnerships snippet admin: listing filters and search, validation, French translations."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils

from partnerships.models import Partnership
from tests.factories import PartnershipFactory

LIST_URL = "wagtailsnippets_partnerships_partnership:list"
ADD_URL = "wagtailsnippets_partnerships_partnership:add"


def partnership_form(**fields):
    data = {"name": "New programme", "slug": "new-programme", "acronym": "", "kind": "programme", "description": ""}
    data.update(fields)
    return data


class PartnershipAdminTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.en = Locale.get_default()
        cls.fr = Locale.objects.create(language_code="fr")
        cls.user = cls.create_superuser("editor")
        cls.eu4culture = PartnershipFactory(
            name="EU4Culture", slug="eu4culture", acronym="E4C", description="Culture in secondary cities"
        )
        cls.m4eg = PartnershipFactory(name="Mayors for Economic Growth", acronym="M4EG")
        cls.creative = PartnershipFactory(name="Creative Cities", kind="network", description="Culture and creativity")
        cls.twinning = PartnershipFactory(name="Kutaisi-Gyumri twinning", kind="city_to_city")

    def setUp(self):
        self.client.force_login(self.user)

    def listed(self, **params):
        response = self.client.get(reverse(LIST_URL), params)
        assert response.status_code == 200
        return {partnership.name for partnership in response.context["object_list"]}

    def translate_to_french(self, partnership, name):
        french = partnership.copy_for_translation(self.fr)
        french.name = name
        french.save()
        return french

    # Listing

    def test_listing_filters_by_kind(self):
        assert self.listed(kind="network") == {"Creative Cities"}
        assert self.listed(kind="programme") == {"EU4Culture", "Mayors for Economic Growth"}
        assert self.listed(kind="project") == set()

    def test_listing_search_matches_name_acronym_and_description(self):
        assert self.listed(q="culture") == {"EU4Culture", "Creative Cities"}
        assert self.listed(q="M4EG") == {"Mayors for Economic Growth"}
        assert self.listed(q="culture", kind="network") == {"Creative Cities"}

    # Validation

    def test_end_year_before_start_year_is_refused(self):
        response = self.client.post(reverse(ADD_URL), partnership_form(start_year="2024", end_year="2021"))
        assert response.status_code == 200
        self.assertFormError(response.context["form"], "end_year", "The end year cannot be before the start year.")
        self.assertContains(response, "The end year cannot be before the start year.")
        assert not Partnership.objects.filter(slug="new-programme").exists()

    def test_duplicate_slug_in_the_same_language_is_a_form_error_not_a_server_error(self):
        response = self.client.post(reverse(ADD_URL), partnership_form(name="EU4Culture again", slug="eu4culture"))
        assert response.status_code == 200
        self.assertFormError(
            response.context["form"], "slug", "Another partnership in this language already uses this slug."
        )
        assert Partnership.objects.filter(slug="eu4culture").count() == 1

    def test_editing_a_partnership_keeps_its_own_slug(self):
        edit_url = reverse("wagtailsnippets_partnerships_partnership:edit", args=[self.eu4culture.pk])
        response = self.client.post(edit_url, partnership_form(name="EU4Culture 2", slug="eu4culture"))
        self.assertRedirects(response, reverse(LIST_URL))
        assert Partnership.objects.get(pk=self.eu4culture.pk).name == "EU4Culture 2"

    def test_the_same_slug_in_another_language_is_allowed(self):
        response = self.client.post(
            reverse(ADD_URL) + "?locale=fr", partnership_form(name="EU4Culture", slug="eu4culture")
        )
        assert response.status_code == 302
        assert set(Partnership.objects.filter(slug="eu4culture").values_list("locale__language_code", flat=True)) == {
            "en",
            "fr",
        }

    # Translations

    def test_french_translation_is_created_and_listed_under_fr(self):
        french = self.translate_to_french(self.eu4culture, "EU4Culture (FR)")

        assert french.locale == self.fr
        assert french.translation_key == self.eu4culture.translation_key
        assert french.pk != self.eu4culture.pk
        assert self.eu4culture.get_translation(self.fr) == french
        assert french.get_translation(self.en) == self.eu4culture
        assert "EU4Culture (FR)" in self.listed(locale="fr")
        edit_url = reverse("wagtailsnippets_partnerships_partnership:edit", args=[french.pk])
        self.assertContains(self.client.get(edit_url), "EU4Culture (FR)")

    def test_listing_under_fr_shows_only_french_partnerships(self):
        self.translate_to_french(self.eu4culture, "EU4Culture (FR)")
        assert self.listed(locale="fr") == {"EU4Culture (FR)"}
