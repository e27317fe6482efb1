"""The CMS host renders no public page: live pages redirect to the front end, anything else is 404."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import requests
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import FrontendSettings
from tests import factories

from .conftest import FRONTEND, csrf_token


def get(url: str) -> requests.Response:
    return requests.get(url, allow_redirects=False, timeout=30)


@pytest.fixture
def news(tree: dict[str, Any]) -> Any:
    return factories.NewsPageFactory(parent=tree["news"], title="Kutaisi opens its hub", slug="kutaisi-hub")


def test_a_live_page_redirects_to_its_front_end_address(api_url, news):
    response = get(f"{api_url}/news/kutaisi-hub/")

    assert response.status_code == 302
    assert response.headers["Location"] == f"{FRONTEND}/news/kutaisi-hub/"
    assert "Kutaisi opens its hub" not in response.text


def test_the_site_root_redirects_to_the_front_end_root(api_url, tree):
    response = get(f"{api_url}/")

    assert response.status_code == 302
    assert response.headers["Location"] == f"{FRONTEND}/"


def test_a_translation_redirects_under_its_language(api_url, news):
    french = news.copy_for_translation(factories.Locale.objects.get(language_code="fr"), copy_parents=True)
    french.slug = "hub-de-kutaisi"
    french.save_revision().publish()

    response = requests.get(
        f"{api_url}/news/hub-de-kutaisi/", headers={"Accept-Language": "fr"}, allow_redirects=False, timeout=30
    )

    assert response.status_code == 302
    assert response.headers["Location"] == f"{FRONTEND}/fr/news/hub-de-kutaisi/"


@pytest.mark.parametrize("kind", ["draft", "expired", "login-restricted", "under a restricted section", "unknown"])
def test_a_page_the_api_hides_is_a_plain_404(api_url, tree, kind):
    page = factories.NewsPageFactory(parent=tree["news"], title="Hidden", slug="hidden")
    if kind == "draft":
        page.unpublish()
    elif kind == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()
    elif kind == "login-restricted":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "under a restricted section":
        PageViewRestriction.objects.create(page=tree["news"], restriction_type=PageViewRestriction.LOGIN)
    path = "/news/nothing-here/" if kind == "unknown" else "/news/hidden/"

    response = get(api_url + path)

    assert response.status_code == 404
    assert "Hidden" not in response.text
    assert "/news/" not in response.text


@pytest.mark.parametrize("path", ["/news/kutaisi-hub/?format=html", "/sitemap.xml", "/search/", "/_util/"])
def test_nothing_else_of_wagtail_s_own_site_answers(api_url, news, path):
    response = get(api_url + path)

    assert response.status_code in (302, 404)
    assert "Kutaisi opens its hub" not in response.text
    if response.status_code == 302:
        assert response.headers["Location"].startswith(FRONTEND)


def test_a_stranger_s_request_costs_one_query(api_url, news, django_assert_num_queries):
    """The site and its rules come from the shared lookups; on a miss Wagtail's redirects look up the
    site and the redirect for the path. (The test server shares this test's connection: its queries
    are counted here.)"""
    get(f"{api_url}/news/kutaisi-hub/")  # the lookups are read once, then shared
    with django_assert_num_queries(1):
        assert get(f"{api_url}/news/kutaisi-hub/").status_code == 302
    with django_assert_num_queries(3):
        assert get(f"{api_url}/news/no-such-item/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/news/a%00b/", "/news/%ED%A0%80/", "/news/" + "x/" * 3000, "/news/" + "é" * 300 + "/"]
)
def test_a_hostile_address_is_a_plain_404(api_url, news, path):
    """NUL, a lone surrogate, thousands of levels, a slug longer than any: looked up, not found."""
    response = get(api_url + path)

    assert response.status_code == 404
    assert "Kutaisi" not in response.text


def test_without_a_front_end_address_a_live_page_is_404_too(api_url, news, tree):
    FrontendSettings.objects.filter(site=tree["site"]).update(base_url="")

    assert get(f"{api_url}/news/kutaisi-hub/").status_code == 404


def test_view_live_in_the_admin_points_at_the_front_end(api_url, news, logged_in):
    session = logged_in()

    listing = session.get(f"{api_url}/admin/pages/{news.get_parent().pk}/", timeout=30)
    edit = session.get(f"{api_url}/admin/pages/{news.pk}/edit/", timeout=30)

    assert listing.status_code == edit.status_code == 200
    assert f'href="{FRONTEND}/news/kutaisi-hub/"' in listing.text
    assert f'href="{FRONTEND}/news/kutaisi-hub/"' in edit.text
    assert f'href="{api_url}/news/kutaisi-hub/"' not in listing.text + edit.text


def test_the_admin_preview_still_renders_the_page(api_url, tree, logged_in):
    session = logged_in()
    home = tree["home"]
    edit_url = f"{api_url}/admin/pages/{home.pk}/edit/"
    preview_url = f"{api_url}/admin/pages/{home.pk}/edit/preview/"
    form = nested_form_data({"title": "Citynews (draft)", "slug": home.slug, "intro": rich_text("<p>Intro</p>")})
    form["csrfmiddlewaretoken"] = csrf_token(session, edit_url)

    stored = session.post(preview_url, data=form, headers={"Referer": edit_url}, timeout=30)
    response = session.get(preview_url, timeout=30)

    assert stored.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    assert "<h1>Citynews (draft)</h1>" in response.text


def test_wagtail_s_front_end_login_is_the_admin_s(api_url):
    response = get(f"{api_url}/_util/login/?next=/documents/1/a.pdf")

    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/login/?next=/documents/1/a.pdf"
