"""Conference pages in the admin (creation, page-type rules, date validation, preview) and the
status derived from their dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from conferences.models import ConferenceIndexPage, ConferencePage, ConferenceStatus
from home.models import HomePage
from tests.factories import (
    CityProfilePageFactory,
    ConferenceIndexPageFactory,
    ConferencePageFactory,
    HomePageFactory,
    OrganisationFactory,
    PartnershipFactory,
    list_block,
    make_site_tree,
)


def conference_form(**fields):
    """The admin's POST data for a valid two-day conference; ``fields`` replace top-level fields."""
    data = {
        "title": "Second partnership meeting",
        "slug": "second-partnership-meeting",
        "start_date": "2026-05-12",
        "end_date": "2026-05-13",
        "format": "hybrid",
        "venue": "City Hall",
        "summary": "Partners review the first year.",
        "background": rich_text("<p>The partnership started in 2025.</p>"),
        "target_audience": rich_text("<p>City officials.</p>"),
        "objectives": streamfield([]),
        "agenda": streamfield([]),
        "site_visits": streamfield([]),
        "expected_outcomes": streamfield([]),
        "documents": streamfield([]),
        "body": streamfield([]),
    }
    data.update(fields)
    return nested_form_data(data)


def agenda_day(date, title, sessions=()):
    return ("day", {"date": date, "title": title, "description": rich_text(""), "sessions": list_block(sessions)})


class ConferenceAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        cls.city = CityProfilePageFactory(parent=cls.tree["cities"], title="Gyumri")
        cls.partnership = PartnershipFactory(name="Mayors for Economic Growth")
        cls.organiser = OrganisationFactory(name="City of Gyumri")

    def setUp(self):
        self.client.force_login(self.user)

    def add_url(self, model=ConferencePage, parent=None):
        parent = parent or self.tree["conferences"]
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    def assert_not_created(self, data, field, message):
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, message)
        assert field in response.context["form"].errors
        assert not ConferencePage.objects.exists()

    def test_conference_index_is_created_under_a_home_page(self):
        home = HomePageFactory(title="Second site")
        self.assertCanCreate(
            home, ConferenceIndexPage, nested_form_data({"title": "Conferences", "intro": rich_text("")})
        )
        assert ConferenceIndexPage.objects.child_of(home).get().live

    def test_conference_is_created_with_objectives_agenda_and_site_visits(self):
        data = conference_form(
            host_city=self.city.pk,
            partnership=self.partnership.pk,
            edition="2",
            objectives=streamfield(
                [
                    ("objective", {"keyword": "Results", "text": "Share what the partnerships achieved."}),
                    ("objective", {"keyword": "Sustainability", "text": "Plan the next steps."}),
                ]
            ),
            agenda=streamfield(
                [
                    agenda_day(
                        "2026-05-12",
                        "Day 1: results",
                        [
                            {
                                "start_time": "09:00",
                                "end_time": "10:30",
                                "title": "Opening",
                                "kind": "plenary",
                                "description": "",
                            },
                            {
                                "start_time": "11:00",
                                "end_time": "",
                                "title": "Working groups",
                                "kind": "working_group",
                                "description": "",
                            },
                        ],
                    ),
                    agenda_day("2026-05-13", "Day 2: visits"),
                ]
            ),
            site_visits=streamfield(
                [("visit", {"title": "Old town", "theme": "Heritage", "description": "", "status": "proposed"})]
            ),
            expected_outcomes=streamfield([("outcome", "A joint declaration.")]),
        )
        data["organisers"] = [self.organiser.pk]

        self.assertCanCreate(self.tree["conferences"], ConferencePage, data)

        page = ConferencePage.objects.get(slug="second-partnership-meeting")
        assert page.live
        assert (page.start_date, page.end_date) == (datetime.date(2026, 5, 12), datetime.date(2026, 5, 13))
        assert (page.host_city.specific, page.partnership, page.edition) == (self.city, self.partnership, 2)
        assert list(page.organisers.all()) == [self.organiser]
        assert [o.value["keyword"] for o in page.objectives] == ["Results", "Sustainability"]
        first_day = page.agenda[0].value
        assert first_day["date"] == datetime.date(2026, 5, 12)
        assert [s["title"] for s in first_day["sessions"]] == ["Opening", "Working groups"]
        assert first_day["sessions"][0]["start_time"] == datetime.time(9, 0)
        assert page.site_visits[0].value["theme"] == "Heritage"
        assert page.site_visits[0].value["status"] == "proposed"
        assert page.expected_outcomes[0].value == "A joint declaration."

    def test_two_language_versions_of_one_organiser_are_refused(self):
        translation = self.organiser.copy_for_translation(Locale.objects.get(language_code="fr"))
        translation.save()
        data = conference_form()
        data["organisers"] = [self.organiser.pk, translation.pk]
        # Only the page's own language is offered, so the other language's version is not a valid choice.
        self.assert_not_created(
            data, "organisers", f"Select a valid choice. {translation.pk} is not one of the available choices."
        )

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(ConferenceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConferenceIndexPage, {ConferencePage})
        self.assertAllowedParentPageTypes(ConferencePage, {ConferenceIndexPage})
        self.assertAllowedSubpageTypes(ConferencePage, set())
        self.assertCanNotCreateAt(HomePage, ConferencePage)

    def test_only_one_conference_index_per_home(self):
        home = HomePageFactory(title="Second site")
        assert ConferenceIndexPage.can_create_at(home)
        ConferenceIndexPageFactory(parent=home)
        assert not ConferenceIndexPage.can_create_at(home)
        response = self.client.post(self.add_url(ConferenceIndexPage, home), {"title": "Again", "slug": "again"})
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        assert ConferenceIndexPage.objects.child_of(home).count() == 1

    def test_end_before_start_is_refused(self):
        self.assert_not_created(
            conference_form(start_date="2026-05-12", end_date="2026-05-11"),
            "end_date",
            "The conference cannot end before it starts.",
        )

    def test_agenda_day_outside_the_dates_is_refused(self):
        agenda = streamfield([agenda_day("2026-05-12", "Day 1"), agenda_day("2026-05-14", "Day 3")])
        self.assert_not_created(
            conference_form(agenda=agenda),
            "agenda",
            "Agenda days must fall between the start and end dates (2026-05-14)",
        )

    def test_preview_of_a_conference_renders_it(self):
        page = ConferencePageFactory(
            parent=self.tree["conferences"], title="Annual conference", start_date=datetime.date(2026, 5, 12)
        )
        self.assertPageIsPreviewable(page, post_data=conference_form(title=page.title, slug=page.slug))
        self.client.force_login(self.user)  # the assertion logs its own user out

        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        data = conference_form(
            title="Annual conference (draft)",
            slug=page.slug,
            agenda=streamfield(
                [
                    agenda_day(
                        "2026-05-12",
                        "Opening day",
                        [
                            {
                                "start_time": "09:00",
                                "end_time": "",
                                "title": "Welcome",
                                "kind": "plenary",
                                "description": "",
                            }
                        ],
                    )
                ]
            ),
        )
        response = self.client.post(preview_url, data)
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})

        response = self.client.get(preview_url)
        assert response.status_code == 200
        self.assertTemplateUsed(response, "conferences/conference_page.html")
        self.assertContains(response, "<h1>Annual conference (draft)</h1>", html=True)
        self.assertContains(response, "Opening day")
        self.assertContains(response, "Welcome")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2026, 5, 11), ConferenceStatus.UPCOMING),
        (datetime.date(2026, 5, 12), ConferenceStatus.ONGOING),
        (datetime.date(2026, 5, 13), ConferenceStatus.ONGOING),
        (datetime.date(2026, 5, 14), ConferenceStatus.ONGOING),
        (datetime.date(2026, 5, 15), ConferenceStatus.PAST),
    ],
)
def test_status_on_a_given_day(day, expected):
    conference = ConferencePage(start_date=datetime.date(2026, 5, 12), end_date=datetime.date(2026, 5, 14))
    assert conference.status_on(day) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 5, 1), "upcoming"),
        (datetime.date(2026, 5, 12), "ongoing"),
        (datetime.date(2026, 6, 1), "past"),
    ],
)
def test_status_follows_today_in_the_site_time_zone(monkeypatch, today, expected):
    conference = ConferencePage(start_date=datetime.date(2026, 5, 12), end_date=datetime.date(2026, 5, 12))
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    assert conference.status == expected


def test_status_of_a_saved_conference_moves_with_the_calendar(site_tree, monkeypatch):
    conference = ConferencePageFactory(
        parent=site_tree["conferences"], start_date=datetime.date(2026, 5, 12), end_date=datetime.date(2026, 5, 13)
    )
    statuses = []
    for today in (datetime.date(2026, 5, 11), datetime.date(2026, 5, 13), datetime.date(2026, 5, 14)):
        monkeypatch.setattr(timezone, "localdate", lambda *args, _today=today, **kwargs: _today)
        statuses.append(ConferencePage.objects.get(pk=conference.pk).status)
    assert statuses == [ConferenceStatus.UPCOMING, ConferenceStatus.ONGOING, ConferenceStatus.PAST]


class HostCityChooserTests(WagtailPageTestCase):
    """The host-city chooser opens at the cities index of the page's language, not at the root."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        cls.city = CityProfilePageFactory(parent=cls.tree["cities"], title="Gyumri")
        cls.city.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)

    def setUp(self):
        self.client.force_login(self.user)

    def chooser_url(self, response):
        chooser = response.context["form"]["host_city"].field.widget
        return chooser.get_chooser_modal_url()

    def test_new_conference_chooser_opens_at_the_cities_index(self):
        url = reverse("wagtailadmin_pages:add", args=["conferences", "conferencepage", self.tree["conferences"].pk])
        response = self.client.get(url)
        start = reverse("wagtailadmin_choose_page_child", args=[self.tree["cities"].pk])
        assert self.chooser_url(response) == start
        self.assertContains(response, f'data-chooser-url="{start}"')
        modal = self.client.get(start, {"page_type": "cities.cityprofilepage"})
        assert modal.status_code == 200
        self.assertContains(modal, "Gyumri")

    def test_edited_conference_with_a_host_city_opens_at_the_cities_index_too(self):
        page = ConferencePageFactory(parent=self.tree["conferences"], host_city=self.city)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        start = reverse("wagtailadmin_choose_page_child", args=[self.tree["cities"].pk])
        assert self.chooser_url(response) == start
        self.assertContains(response, f'data-chooser-url="{start}"')
        chooser = response.context["form"]["host_city"].field.widget
        options = chooser.get_js_init_options("id_host_city", "host_city", chooser.get_value_data(self.city.pk))
        assert "parentId" not in options  # else the script appends the city's parent to the start URL
