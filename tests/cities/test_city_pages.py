"""City profiles in the admin: creation with their inline rows, page-type rules, validation."""

from decimal import Decimal

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cities.models import CityIndexPage, CityProfilePage
from home.models import HomePage
from tests.factories import (
    CityIndexPageFactory,
    DocumentFactory,
    HomePageFactory,
    ImageFactory,
    PartnershipFactory,
    make_site_tree,
)


def city_form(**fields):
    """The admin's POST data for a valid city profile; ``fields`` replace top-level fields."""
    data = {
        "title": "Kutaisi",
        "slug": "kutaisi",
        "country": "GE",
        "region": "Imereti",
        "population": "",
        "population_year": "",
        "latitude": "",
        "longitude": "",
        "website": "",
        "summary": "Georgia's third city.",
        "image": "",
        "body": streamfield([]),
        "memberships": inline_formset([]),
        "strategies": inline_formset([]),
        "funding": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def funding_row(**fields):
    return {"amount": "300000.00", "currency": "EUR", "year": "2024", "programme": "", "purpose": "", **fields}


class CityAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        cls.eu4culture = PartnershipFactory(name="EU4Culture")
        cls.network = PartnershipFactory(name="Creative Cities", kind="network")
        cls.strategy_document = DocumentFactory(title="Cultural Development Strategy")
        cls.image = ImageFactory(credit="© City of Kutaisi")

    def setUp(self):
        self.client.force_login(self.user)

    def add_url(self, model=CityProfilePage, parent=None):
        parent = parent or self.tree["cities"]
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    def assert_not_created(self, data, field, message):
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, message)
        assert field in response.context["form"].errors
        assert not CityProfilePage.objects.exists()
        return response

    def test_city_index_is_created_under_a_home_page(self):
        home = HomePageFactory(title="Second site")
        self.assertCanCreate(
            home, CityIndexPage, nested_form_data({"title": "Cities", "intro": rich_text("<p>Partners</p>")})
        )
        assert CityIndexPage.objects.child_of(home).get().live

    def test_city_profile_is_created_with_memberships_strategies_and_funding(self):
        data = city_form(
            is_capital="",
            population="147635",
            population_year="2024",
            latitude="42.271100",
            longitude="42.705900",
            image=self.image.pk,
            memberships=inline_formset(
                [
                    {"partnership": self.eu4culture.pk, "role": "Winner city", "since_year": "2023"},
                    {"partnership": self.network.pk, "role": "Member", "since_year": ""},
                ]
            ),
            strategies=inline_formset(
                [
                    {
                        "title": "Cultural Development Strategy",
                        "year": "2022",
                        "summary": "Culture as a driver of growth.",
                        "document": self.strategy_document.pk,
                    }
                ]
            ),
            funding=inline_formset([funding_row(programme=self.eu4culture.pk, purpose="A cultural hub")]),
        )

        self.assertCanCreate(self.tree["cities"], CityProfilePage, data)

        city = CityProfilePage.objects.get(slug="kutaisi")
        assert city.live
        assert (city.country.code, city.region) == ("GE", "Imereti")
        assert (city.population, city.population_year) == (147635, 2024)
        assert (city.latitude, city.longitude) == (Decimal("42.271100"), Decimal("42.705900"))
        assert city.image == self.image
        assert [(m.partnership, m.role, m.since_year) for m in city.memberships.all()] == [
            (self.eu4culture, "Winner city", 2023),
            (self.network, "Member", None),
        ]
        strategy = city.strategies.get()
        assert (strategy.title, strategy.year, strategy.document) == (
            "Cultural Development Strategy",
            2022,
            self.strategy_document,
        )
        funding = city.funding.get()
        assert (funding.amount, funding.currency, funding.programme, funding.purpose) == (
            Decimal("300000.00"),
            "EUR",
            self.eu4culture,
            "A cultural hub",
        )

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(CityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CityIndexPage, {CityProfilePage})
        self.assertAllowedParentPageTypes(CityProfilePage, {CityIndexPage})
        self.assertAllowedSubpageTypes(CityProfilePage, set())
        self.assertCanNotCreateAt(HomePage, CityProfilePage)

    def test_only_one_city_index_per_home(self):
        home = HomePageFactory(title="Second site")
        assert CityIndexPage.can_create_at(home)
        CityIndexPageFactory(parent=home)
        assert not CityIndexPage.can_create_at(home)
        response = self.client.post(self.add_url(CityIndexPage, home), {"title": "Again", "slug": "again"})
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        assert CityIndexPage.objects.child_of(home).count() == 1

    def test_latitude_out_of_range_is_refused(self):
        self.assert_not_created(
            city_form(latitude="91", longitude="42.7"), "latitude", "Ensure this value is less than or equal to 90"
        )

    def test_latitude_without_longitude_is_refused(self):
        self.assert_not_created(
            city_form(latitude="42.2711"), "longitude", "Give both latitude and longitude, or neither."
        )

    def test_population_without_year_is_refused(self):
        self.assert_not_created(
            city_form(population="147635"), "population_year", "Say which year the population figure is from."
        )

    def test_currency_that_is_not_a_three_letter_code_is_refused(self):
        code_error = "Use a three-letter ISO 4217 code, e.g. EUR."
        for currency, message in [
            ("eur", code_error),
            ("EU", code_error),
            ("E1R", code_error),
            ("EURO", "Ensure this value has at most 3 characters"),
        ]:
            with self.subTest(currency=currency):
                response = self.client.post(
                    self.add_url(), city_form(funding=inline_formset([funding_row(currency=currency)]))
                )
                assert response.status_code == 200
                funding_errors = response.context["form"].formsets["funding"].errors
                assert message in " ".join(funding_errors[0]["currency"])
                self.assertContains(response, message)
                assert not CityProfilePage.objects.exists()

    def test_same_partnership_twice_is_a_form_error(self):
        memberships = inline_formset([{"partnership": self.eu4culture.pk}, {"partnership": self.eu4culture.pk}])
        response = self.client.post(self.add_url(), city_form(memberships=memberships))
        assert response.status_code == 200
        self.assertContains(response, "Please correct the duplicate data for page and partnership")
        assert not CityProfilePage.objects.exists()
