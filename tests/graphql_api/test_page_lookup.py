"""``page(urlPath:)``: the published page at a path, whatever its type, in the requested language."""

import pytest

from .fixtures_lists import BASE_URL, NEWS_TITLES, translate

PAGE = """query($path: String!, $locale: String) {
  page(urlPath: $path, locale: $locale) {
    __typename id title slug urlPath url locale seoTitle
    ... on HomePage { intro { text } }
    ... on SectionPage { intro { text } }
    ... on NewsItem { date cities { title } }
    ... on City { countryCode }
    ... on Conference { startDate status }
  }
}"""


def page(graphql, path, **variables):
    return graphql(PAGE, {"path": path, **variables}).data["page"]


def test_home_page(graphql, programme):
    home = page(graphql, "/")
    assert home == {
        "__typename": "HomePage",
        "id": str(programme["home"].pk),
        "title": "Citynews",
        "slug": "citynews",
        "urlPath": "/",
        "url": f"{BASE_URL}/",
        "locale": "en",
        "seoTitle": "Citynews",
        "intro": {"text": "News from the partner cities."},
    }
    assert page(graphql, "") == home


@pytest.mark.parametrize(
    ("path", "title", "intro"),
    [
        ("/news/", "News", "What the partnerships did."),
        ("/conferences/", "Conferences", "Meetings and conferences."),
        ("/cities/", "Cities", "The partner cities."),
    ],
)
def test_section_pages(graphql, programme, path, title, intro):
    section = page(graphql, path)
    assert section["__typename"] == "SectionPage"
    assert section["title"] == title
    assert section["urlPath"] == path
    assert section["url"] == f"{BASE_URL}{path}"
    assert section["intro"] == {"text": intro}


def test_a_news_item(graphql, programme):
    item = page(graphql, "/news/news-1/")
    assert item == {
        "__typename": "NewsItem",
        "id": str(programme["news_items"][0].pk),
        "title": NEWS_TITLES[1],
        "slug": "news-1",
        "urlPath": "/news/news-1/",
        "url": f"{BASE_URL}/news/news-1/",
        "locale": "en",
        "seoTitle": NEWS_TITLES[1],
        "date": "2022-10-01",
        "cities": [{"title": "Kutaisi"}, {"title": "Gyumri"}],
    }


def test_a_city_and_a_conference(graphql, programme):
    city = page(graphql, "/cities/kutaisi/")
    assert (city["__typename"], city["title"], city["countryCode"]) == ("City", "Kutaisi", "GE")
    conference = page(graphql, "/conferences/regional-network-conference/")
    assert (conference["__typename"], conference["startDate"], conference["status"]) == (
        "Conference",
        "2022-10-06",
        "PAST",
    )


@pytest.mark.parametrize("path", ["/news/news-3", "news/news-3/", "news/news-3", "//news//news-3//"])
def test_slashes_do_not_matter(graphql, programme, path):
    assert page(graphql, path)["title"] == NEWS_TITLES[3]


@pytest.mark.parametrize(
    "path",
    [
        "/nothing-here/",
        "/news/no-such-item/",
        "/news/draft/",  # never published
        "/cities/batumi/",  # never published
        "/news/news-1/more/",
        "/citynews/news/news-1/",  # the CMS's own path, not the site's
        "/kutaisi/",
    ],
)
def test_unknown_or_hidden_path_is_null_without_error(graphql, programme, path):
    response = graphql(PAGE, {"path": path})
    assert response.status == 200
    assert response.errors == []
    assert response.data == {"page": None}


def test_pages_in_french(graphql, programme):
    forum = translate(programme["news_items"][0], title="Le forum culturel s'ouvre à Koutaïssi")
    french = page(graphql, "/news/news-1/", locale="fr")
    assert french["id"] == str(forum.pk)
    assert french["title"] == "Le forum culturel s'ouvre à Koutaïssi"
    assert french["locale"] == "fr"
    assert french["urlPath"] == "/news/news-1/"
    assert french["url"] == f"{BASE_URL}/fr/news/news-1/"
    assert page(graphql, "/news/news-1/")["title"] == NEWS_TITLES[1]
    home = page(graphql, "/", locale="fr")
    assert (home["__typename"], home["locale"], home["url"]) == ("HomePage", "fr", f"{BASE_URL}/fr/")
    section = page(graphql, "/news/", locale="fr")
    assert (section["__typename"], section["locale"]) == ("SectionPage", "fr")


def test_untranslated_pages_fall_back_to_english(graphql, programme):
    """Once some pages are translated the French tree exists; the others still come in English."""
    translate(programme["news_items"][0], title="Le forum culturel s'ouvre à Koutaïssi")
    untranslated = page(graphql, "/news/news-3/", locale="fr")
    assert (untranslated["title"], untranslated["locale"], untranslated["url"]) == (
        NEWS_TITLES[3],
        "en",
        f"{BASE_URL}/news/news-3/",
    )
    city = page(graphql, "/cities/kutaisi/", locale="fr")
    assert (city["title"], city["locale"]) == ("Kutaisi", "en")
    assert page(graphql, "/news/no-such-item/", locale="fr") is None


def test_without_any_french_page_french_requests_get_english(graphql, programme):
    item = page(graphql, "/news/news-2/", locale="fr")
    assert (item["title"], item["locale"]) == (NEWS_TITLES[2], "en")
    assert page(graphql, "/", locale="fr")["locale"] == "en"


def test_a_draft_french_translation_does_not_hide_the_english_page(graphql, programme):
    translate(programme["news_items"][1], publish=False, title="Brouillon")
    translate(programme["news_items"][0], title="Le forum culturel s'ouvre à Koutaïssi")
    item = page(graphql, "/news/news-2/", locale="fr")
    assert (item["title"], item["locale"]) == (NEWS_TITLES[2], "en")


def test_get_and_post_give_the_same_page(graphql, programme):
    variables = {"path": "/cities/kutaisi/"}
    assert graphql(PAGE, variables, method="GET").data == graphql(PAGE, variables).data
