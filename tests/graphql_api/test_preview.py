"""``preview(token:)``: the state an editor previews, with the live page's types and fields.

Tokens are made as the admin's Preview makes them (``previews.tokens.create_preview`` on the
unsaved page the editor's form built); the admin round trip itself is tested in tests/e2e.
"""

import urllib.parse
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home import content_version
from home.models import HomePage
from news.models import NewsPage, NewsPageCity
from previews.models import PagePreview
from previews.tokens import create_preview
from tests import factories

from .conftest import assert_num_queries, http
from .fixtures_lists import BASE_URL, NEWS_TITLES, programme_fixture  # noqa: F401

PREVIEW = """query($token: String!) {
  preview(token: $token) {
    __typename id title urlPath url locale
    ... on NewsItem {
      standfirst cities { title } conference { title } heroImage { title }
      body { __typename ... on ParagraphBlock { richText { text } } }
    }
  }
}"""
NEWS_ITEM = "query($id: ID!) { newsItem(id: $id) { title standfirst } }"


def edited(page: Page, **changes: Any) -> Page:
    """What Wagtail's preview builds from an edit form: the latest revision with the edits, unsaved."""
    state = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(state, name, value)
    return state


def news(programme: dict, n: int) -> NewsPage:
    return NewsPage.objects.get(pk=programme["news_items"][n - 1].pk)


def test_preview_shows_the_unsaved_edit_while_the_live_page_stays(graphql, programme):
    item = news(programme, 1)
    state = edited(item, title="Forum opens (draft)", standfirst="New text.", hero_image=programme["image"])
    state.body = [("paragraph", RichText("<p>Draft paragraph.</p>"))]
    token = create_preview(state, programme["site"])

    preview = graphql(PREVIEW, {"token": token}).data["preview"]
    assert preview["__typename"] == "NewsItem"
    assert preview["id"] == str(item.pk)
    assert preview["title"] == "Forum opens (draft)"
    assert preview["standfirst"] == "New text."
    assert preview["urlPath"] == "/news/news-1/"
    assert preview["url"] == f"{BASE_URL}/news/news-1/"
    assert preview["locale"] == "en"
    # Relations, images and the body are planned as for live pages.
    assert [city["title"] for city in preview["cities"]] == ["Kutaisi", "Gyumri"]
    assert preview["conference"] == {"title": "Regional Network Conference"}
    assert preview["heroImage"] == {"title": programme["image"].title}
    assert preview["body"] == [{"__typename": "ParagraphBlock", "richText": {"text": "Draft paragraph."}}]

    live = graphql(NEWS_ITEM, {"id": str(item.pk)}).data["newsItem"]
    assert live["title"] == NEWS_TITLES[1]
    assert live["standfirst"] != "New text."


def test_preview_shows_the_edited_references(graphql, programme):
    item = news(programme, 1)
    state = edited(item, conference=None)
    state.city_links = [NewsPageCity(city=programme["barcelona"])]
    state.partnerships = [programme["programme"]]
    state.tags.set(["libraries"])
    token = create_preview(state, programme["site"])

    query = """query($token: String!, $id: ID!) {
      preview(token: $token) { ... on NewsItem { cities { title } partnerships { name } topics { slug } conference { title } } }
      newsItem(id: $id) { cities { title } partnerships { name } topics { slug } conference { title } }
    }"""
    data = graphql(query, {"token": token, "id": str(item.pk)}).data
    assert data["preview"] == {
        "cities": [{"title": "Barcelona"}],
        "partnerships": [{"name": "EU4Culture"}],
        "topics": [{"slug": "libraries"}],
        "conference": None,
    }
    # Written for the planning only, never committed: the live item is as it was.
    assert data["newsItem"] == {
        "cities": [{"title": "Kutaisi"}, {"title": "Gyumri"}],
        "partnerships": [{"name": "EU4Culture Cities Network"}],
        "topics": [{"slug": "culture"}],
        "conference": {"title": "Regional Network Conference"},
    }
    assert [link.city.title for link in NewsPageCity.objects.filter(page=item)] == ["Kutaisi", "Gyumri"]


def test_preview_of_a_page_never_published(graphql, programme):
    draft = NewsPage.objects.get(slug="draft")
    token = create_preview(edited(draft, title="Still a draft"), programme["site"])
    assert graphql(PREVIEW, {"token": token}).data["preview"]["title"] == "Still a draft"
    # The token shows that one page; the public API still does not.
    assert graphql(NEWS_ITEM, {"id": str(draft.pk)}).data["newsItem"] is None


def test_preview_of_the_latest_revision(graphql, programme):
    item = news(programme, 2)
    item.title = "Saved as a draft"
    item.save_revision()
    token = create_preview(NewsPage.objects.get(pk=item.pk).get_latest_revision_as_object(), programme["site"])
    assert graphql(PREVIEW, {"token": token}).data["preview"]["title"] == "Saved as a draft"


def test_relations_never_reveal_other_unpublished_pages(graphql, programme):
    item = news(programme, 5)  # names Kutaisi and the draft city Batumi
    token = create_preview(edited(item), programme["site"])
    assert [city["title"] for city in graphql(PREVIEW, {"token": token}).data["preview"]["cities"]] == ["Kutaisi"]


def test_preview_query_count_is_pinned(graphql, programme):
    token = create_preview(edited(news(programme, 1)), programme["site"])
    graphql(PREVIEW, {"token": token})  # warms the per-process caches (content types, settings)
    # The site and the preview row; rebuilding the page from its serialized state as Wagtail
    # rebuilds a revision (a query per reference it holds); writing that state for the planning
    # (the page, its inline rows, links and tags, the reference index Wagtail keeps; not the search index),
    # rolled back (it leaves the shared site lookups valid); then the loaders of `newsItem`. All
    # bounded by the page's own references.
    with assert_num_queries(61):
        assert graphql(PREVIEW, {"token": token}).data["preview"]


def test_a_preview_is_not_indexed_for_search_but_a_real_save_still_is(graphql, programme):
    item = news(programme, 1)
    token = create_preview(edited(item, title="Never searchable"), programme["site"])
    with CaptureQueriesContext(connection) as context:
        assert graphql(PREVIEW, {"token": token}).data["preview"]["title"] == "Never searchable"
    assert not [query["sql"] for query in context.captured_queries if "wagtailsearch_indexentry" in query["sql"]]
    item.title = "Searchable"
    item.save()
    assert NewsPage.objects.live().search("Searchable").results()[0] == item


def test_a_preview_leaves_every_cached_answer_valid(graphql, programme):
    """Its writes are rolled back, so the content version (what cached answers are checked against) stays."""
    token = create_preview(edited(news(programme, 1), title="Only in the preview"), programme["site"])
    before, _values = content_version.current()
    assert graphql(PREVIEW, {"token": token}).data["preview"]["title"] == "Only in the preview"
    assert content_version.current()[0] == before


def test_preview_answers_are_never_cached(api_url, db, programme):
    token = create_preview(edited(news(programme, 1)), programme["site"])
    query = urllib.parse.urlencode({"query": PREVIEW, "variables": f'{{"token": "{token}"}}'})
    status, headers, _body = http("GET", f"{api_url}/graphql/?{query}")
    assert status == 200
    assert "no-store" in headers["Cache-Control"]
    assert "public" not in headers["Cache-Control"]


def error_of(graphql, token: str) -> dict:
    response = graphql(PREVIEW, {"token": token})
    assert response.body["data"] is None
    (error,) = response.errors
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    return error


def test_expired_token(graphql, programme, settings):
    token = create_preview(edited(news(programme, 1)), programme["site"])
    settings.CITYNEWS_PREVIEW_TOKEN_SECONDS = -1
    assert "expired" in error_of(graphql, token)["message"]


@pytest.mark.parametrize("mangle", [lambda token: token[:-2] + "xx", lambda token: "not-a-token", lambda _: ""])
def test_forged_token(graphql, programme, mangle):
    token = create_preview(edited(news(programme, 1)), programme["site"])
    assert "not valid" in error_of(graphql, mangle(token))["message"]


def test_token_of_another_site(graphql, programme):
    other_home = Page.get_first_root_node().add_child(instance=HomePage(title="Other", slug="other"))
    other_site = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    item = factories.NewsPageFactory(parent=factories.NewsIndexPageFactory(parent=other_home), title="Elsewhere")
    token = create_preview(edited(item), other_site)
    assert "another site" in error_of(graphql, token)["message"]


def test_token_whose_preview_was_removed(graphql, programme):
    token = create_preview(edited(news(programme, 1)), programme["site"])
    PagePreview.objects.all().delete()
    assert "no longer exists" in error_of(graphql, token)["message"]


def test_a_city_deleted_since_the_preview_was_opened(graphql, programme):
    item = news(programme, 1)
    state = edited(item)
    state.city_links = [NewsPageCity(city=programme["barcelona"]), NewsPageCity(city=programme["gyumri"])]
    token = create_preview(state, programme["site"])
    Page.objects.get(pk=programme["barcelona"].pk).delete()
    # Wagtail drops the rows naming it when it rebuilds the state, as it does for revisions.
    assert graphql(PREVIEW, {"token": token}).data["preview"]["cities"] == [{"title": "Gyumri"}]
