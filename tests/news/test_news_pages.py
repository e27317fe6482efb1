"""News items as editors make them in the admin: creation, page-type rules, validation, preview."""

from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import STANDFIRST_MAX_LENGTH, NewsIndexPage, NewsPage
from tests.factories import (
    CityProfilePageFactory,
    DocumentFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationFactory,
    PartnershipFactory,
    list_block,
    make_site_tree,
)

LINK_ERROR = "Choose exactly one of a page, a document or an external URL."


def news_form(**fields):
    """The admin's POST data for a valid news item; ``fields`` replace or add top-level fields."""
    data = {
        "title": "Kutaisi opens its cultural hub",
        "slug": "kutaisi-cultural-hub",
        "date": "2026-03-12",
        "standfirst": "The city opened the hub with its EU4Culture partners.",
        "body": streamfield([]),
        "city_links": inline_formset([]),
        "tags": "",
    }
    data.update(fields)
    return nested_form_data(data)


def link(title, page="", document="", url=""):
    return {"title": title, "page": page, "document": document, "url": url}


class NewsAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        cls.kutaisi = CityProfilePageFactory(parent=cls.tree["cities"], title="Kutaisi")
        cls.gyumri = CityProfilePageFactory(parent=cls.tree["cities"], title="Gyumri")
        cls.partnership = PartnershipFactory(name="EU4Culture")
        cls.document = DocumentFactory(title="Call for proposals")

    def setUp(self):
        self.client.force_login(self.user)

    def add_url(self, model=NewsPage, parent=None):
        parent = parent or self.tree["news"]
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    def assert_not_created(self, data, field, message):
        """The add view answers with the form again, the error shown, and nothing saved."""
        count = NewsPage.objects.count()
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, message)
        assert field in response.context["form"].errors
        assert NewsPage.objects.count() == count
        return response

    # Creation

    def test_news_index_is_created_under_a_home_page(self):
        home = HomePageFactory(title="Second site")
        self.assertCanCreate(
            home, NewsIndexPage, nested_form_data({"title": "News", "intro": rich_text("<p>Latest</p>")})
        )
        index = NewsIndexPage.objects.child_of(home).get()
        assert ">Latest</p>" in index.intro
        assert index.live

    def test_news_item_is_created_with_quote_key_figure_and_links(self):
        data = news_form(
            body=streamfield(
                [
                    ("heading", {"text": "What happened", "level": "h2"}),
                    ("paragraph", rich_text("<p>The hub opened on <b>Monday</b>.</p>")),
                    ("quote", {"text": "Culture connects us.", "attribution": "Ana Example", "role": "Mayor"}),
                    ("key_figure", {"value": "EUR 300,000", "label": "per winner city"}),
                    (
                        "links",
                        {
                            "heading": "Read more",
                            "links": list_block(
                                [
                                    link("The call", document=self.document.pk),
                                    link("Kutaisi's profile", page=self.kutaisi.pk),
                                    link("Programme website", url="https://example.org/eu4culture"),
                                ]
                            ),
                        },
                    ),
                ]
            ),
            city_links=inline_formset([{"city": self.kutaisi.pk}, {"city": self.gyumri.pk}]),
            tags="culture, cultural hubs",
        )
        data["partnerships"] = [self.partnership.pk]

        self.assertCanCreate(self.tree["news"], NewsPage, data)

        page = NewsPage.objects.get(slug="kutaisi-cultural-hub")
        assert page.live
        assert page.live_revision is not None
        assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote", "key_figure", "links"]
        assert ">The hub opened on <b>Monday</b>.</p>" in page.body[1].value.source
        quote = page.body[2].value
        assert (quote["text"], quote["attribution"], quote["role"]) == ("Culture connects us.", "Ana Example", "Mayor")
        assert page.body[3].value["value"] == "EUR 300,000"
        links = page.body[4].value["links"]
        assert links[0]["document"] == self.document
        assert links[1]["page"].specific == self.kutaisi
        assert links[2]["url"] == "https://example.org/eu4culture"
        assert [row.city for row in page.city_links.all()] == [self.kutaisi, self.gyumri]
        assert list(page.partnerships.all()) == [self.partnership]
        assert set(page.tags.names()) == {"culture", "cultural hubs"}

    # Page-type rules

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)

    def test_only_one_news_index_per_home(self):
        home = HomePageFactory(title="Second site")
        NewsIndexPageFactory(parent=home)
        assert not NewsIndexPage.can_create_at(home)

        response = self.client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
        offered = {(app_label, model_name) for _, app_label, model_name, _ in response.context["page_types"]}
        assert offered == {("conferences", "conferenceindexpage"), ("cities", "cityindexpage")}

        response = self.client.post(self.add_url(NewsIndexPage, home), {"title": "News again", "slug": "news-2"})
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        assert NewsIndexPage.objects.child_of(home).count() == 1

    # Validation

    def test_standfirst_longer_than_300_characters_is_refused(self):
        too_long = "x" * (STANDFIRST_MAX_LENGTH + 1)
        self.assert_not_created(
            news_form(standfirst=too_long), "standfirst", "Ensure this value has at most 300 characters"
        )

    def test_link_without_target_is_refused(self):
        body = streamfield([("links", {"heading": "", "links": list_block([link("Nowhere")])})])
        self.assert_not_created(news_form(body=body), "body", LINK_ERROR)

    def test_link_with_two_targets_is_refused(self):
        body = streamfield(
            [
                (
                    "links",
                    {
                        "heading": "",
                        "links": list_block([link("Both", page=self.kutaisi.pk, url="https://example.org/")]),
                    },
                )
            ]
        )
        self.assert_not_created(news_form(body=body), "body", LINK_ERROR)

    def test_same_city_twice_is_a_form_error_not_a_server_error(self):
        data = news_form(city_links=inline_formset([{"city": self.kutaisi.pk}, {"city": self.kutaisi.pk}]))
        count = NewsPage.objects.count()
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, "Please correct the duplicate data for page and city")
        assert "duplicate" in str(response.context["form"].formsets["city_links"].non_form_errors())
        assert NewsPage.objects.count() == count

    def test_same_city_twice_when_editing_is_a_form_error(self):
        page = NewsPageFactory(parent=self.tree["news"], cities=[self.kutaisi])
        existing = page.city_links.get()
        data = news_form(
            title=page.title,
            slug=page.slug,
            city_links=inline_formset(
                [{"id": existing.pk, "city": self.kutaisi.pk}, {"city": self.kutaisi.pk}], initial=1
            ),
        )
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 200
        self.assertContains(response, "Please correct the duplicate data for page and city")
        assert page.city_links.count() == 1

    def test_two_language_versions_of_one_city_are_refused(self):
        french = self.kutaisi.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=True)
        french.save_revision().publish()
        data = news_form(city_links=inline_formset([{"city": self.kutaisi.pk}, {"city": french.pk}]))
        count = NewsPage.objects.count()
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, "Kutaisi is linked twice (in two languages): link each city once.")
        assert NewsPage.objects.count() == count

    def test_two_language_versions_of_one_partnership_or_organisation_are_refused(self):
        """Only the page's own language is offered, so the other language's version is not a valid choice."""
        french = Locale.objects.get(language_code="fr")
        organisation = OrganisationFactory(name="City of Kutaisi")
        for field, item in (("partnerships", self.partnership), ("organisations", organisation)):
            with self.subTest(field):
                translation = item.copy_for_translation(french)
                translation.save()
                data = news_form()
                data[field] = [item.pk, translation.pk]
                self.assert_not_created(
                    data, field, f"Select a valid choice. {translation.pk} is not one of the available choices."
                )

    # Preview

    def test_preview_of_a_news_item_renders_the_draft(self):
        page = NewsPageFactory(parent=self.tree["news"], title="Published title")
        self.assertPageIsPreviewable(page, post_data=news_form(title=page.title, slug=page.slug))
        self.client.force_login(self.user)  # the assertion logs its own user out

        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        body = streamfield([("quote", {"text": "Previewed words.", "attribution": "Ana Example", "role": ""})])
        response = self.client.post(preview_url, news_form(title="Draft title", slug=page.slug, body=body))
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})

        response = self.client.get(preview_url)
        assert response.status_code == 200
        self.assertTemplateUsed(response, "news/news_page.html")
        self.assertContains(response, "<h1>Draft title</h1>", html=True)
        self.assertContains(response, "Previewed words.")
        page.refresh_from_db()
        assert page.title == "Published title"

    def test_preview_of_a_new_news_item_before_it_is_saved(self):
        preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["news", "newspage", self.tree["news"].pk])
        response = self.client.post(preview_url, news_form(title="Not saved yet"))
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        response = self.client.get(preview_url)
        self.assertContains(response, "<h1>Not saved yet</h1>", html=True)
        assert not NewsPage.objects.filter(title="Not saved yet").exists()
