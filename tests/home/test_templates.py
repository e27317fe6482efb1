"""Every page type renders for editors: "view live" on the page's URL and the admin preview."""

import datetime

from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import (
    CityProfilePageFactory,
    ConferencePageFactory,
    DocumentFactory,
    ImageFactory,
    NewsPageFactory,
    PartnershipFactory,
    make_site_tree,
)

START = datetime.date(2026, 5, 12)


class PageTemplateTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        partnership = PartnershipFactory(name="EU4Culture")
        cls.city = CityProfilePageFactory(
            parent=cls.tree["cities"],
            title="Kutaisi",
            region="Imereti",
            population=147635,
            population_year=2024,
            latitude="42.271100",
            longitude="42.705900",
            image=ImageFactory(credit="© City of Kutaisi"),
            memberships=[{"partnership": partnership, "role": "Winner city"}],
            strategies=[{"title": "Cultural Development Strategy", "year": 2022, "document": DocumentFactory()}],
            funding=[{"amount": 300000, "currency": "EUR", "programme": partnership}],
        )
        cls.conference = ConferencePageFactory(
            parent=cls.tree["conferences"],
            title="Partnership meeting",
            start_date=START,
            end_date=START + datetime.timedelta(days=1),
            host_city=cls.city,
            venue="City Hall",
            objectives=[("objective", {"keyword": "Results", "text": "Share results."})],
            agenda=[("day", {"date": START, "title": "Opening day", "sessions": [{"title": "Welcome address"}]})],
            site_visits=[("visit", {"title": "Old town walk", "theme": "Heritage"})],
            expected_outcomes=[("outcome", "A joint declaration.")],
            documents=[
                (
                    "links",
                    {"heading": "Documents", "links": [{"title": "Concept note", "url": "https://example.org/note"}]},
                )
            ],
        )
        cls.news = NewsPageFactory(
            parent=cls.tree["news"],
            title="Kutaisi opens its cultural hub",
            standfirst="The hub opened with its partners.",
            hero_image=ImageFactory(credit="© Photographer"),
            cities=[cls.city],
            partnerships=[partnership],
            tags=["culture"],
            conference=cls.conference,
            body=[
                ("heading", {"text": "What happened", "level": "h2"}),
                ("paragraph", "<p>The hub opened on Monday.</p>"),
                ("quote", {"text": "Culture connects us.", "attribution": "Ana Example", "role": "Mayor"}),
                ("image", {"image": ImageFactory(), "caption": "The new hub"}),
                ("key_figure", {"value": "EUR 300,000", "label": "per winner city"}),
                (
                    "links",
                    {
                        "heading": "Read more",
                        "links": [
                            {"title": "The city", "page": cls.city},
                            {"title": "The call", "document": DocumentFactory()},
                            {"title": "The programme", "url": "https://example.org/"},
                        ],
                    },
                ),
            ],
        )

    def pages(self):
        return [
            (self.tree["home"], "home/home_page.html", ["News", "Conferences", "Cities"]),
            (
                self.tree["news"],
                "news/news_index_page.html",
                ["Kutaisi opens its cultural hub", "The hub opened with its partners."],
            ),
            (self.tree["conferences"], "conferences/conference_index_page.html", ["Partnership meeting", "2026-05-12"]),
            (self.tree["cities"], "cities/city_index_page.html", ["Kutaisi", "Georgia"]),
            (
                self.news,
                "news/news_page.html",
                [
                    "<h2>What happened</h2>",
                    "<blockquote><p>Culture connects us.</p></blockquote>",
                    "<cite>Mayor</cite>",
                    "<strong>EUR 300,000</strong>",
                    "The hub opened on Monday.",
                    "© Photographer",
                    '<a href="/cities/kutaisi/">The city</a>',
                    '<a href="https://example.org/" rel="external">The programme</a>',
                    "Topics: culture",
                ],
            ),
            (
                self.conference,
                "conferences/conference_page.html",
                [
                    "Results",
                    "Opening day",
                    "Welcome address",
                    "Old town walk",
                    "A joint declaration.",
                    "Concept note",
                    "City Hall",
                ],
            ),
            (
                self.city,
                "cities/city_profile_page.html",
                [
                    "Imereti, Georgia",
                    "147635 (2024)",
                    "Winner city",
                    "Cultural Development Strategy",
                    "EUR 300000",
                    "© City of Kutaisi",
                ],
            ),
        ]

    @override_settings(CITYNEWS_HEADLESS=False)  # the templates, as `make run` serves them
    def test_every_page_type_renders_live(self):
        for page, template, snippets in self.pages():
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)
                response = self.client.get(page.url)
                self.assertTemplateUsed(response, template)
                self.assertTemplateUsed(response, "base.html")
                self.assertContains(response, f"<h1>{page.title}</h1>", html=True)
                for snippet in snippets:
                    self.assertContains(response, snippet)

    @override_settings(CITYNEWS_HEADLESS=False)  # the templates, as `make run` serves them
    def test_index_listings_show_only_live_children(self):
        NewsPageFactory(parent=self.tree["news"], title="Draft item", live=False)
        response = self.client.get(self.tree["news"].url)
        self.assertContains(response, "Kutaisi opens its cultural hub")
        self.assertNotContains(response, "Draft item")

    def test_every_page_type_can_be_previewed(self):
        intro = {"intro": rich_text("<p>Intro</p>")}
        forms = {
            self.tree["home"]: intro,
            self.tree["news"]: intro,
            self.tree["conferences"]: intro,
            self.tree["cities"]: intro,
            self.news: {
                "date": "2026-03-12",
                "standfirst": "Standfirst.",
                "body": streamfield([]),
                "city_links": inline_formset([]),
                "tags": "",
            },
            self.conference: {
                "start_date": "2026-05-12",
                "end_date": "2026-05-13",
                "format": "in_person",
                **{
                    name: streamfield([])
                    for name in ("objectives", "agenda", "site_visits", "expected_outcomes", "documents", "body")
                },
                "background": rich_text(""),
                "target_audience": rich_text(""),
            },
            self.city: {
                "country": "GE",
                "body": streamfield([]),
                **{name: inline_formset([]) for name in ("memberships", "strategies", "funding")},
            },
        }
        self.client.force_login(self.user)
        for page, fields in forms.items():
            with self.subTest(page=type(page).__name__):
                preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
                data = nested_form_data({"title": f"{page.title} (draft)", "slug": page.slug, **fields})
                response = self.client.post(preview_url, data)
                self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
                response = self.client.get(preview_url)
                assert response.status_code == 200
                self.assertTemplateUsed(response, page.get_template(response.wsgi_request))
                self.assertContains(response, f"<h1>{page.title} (draft)</h1>", html=True)
