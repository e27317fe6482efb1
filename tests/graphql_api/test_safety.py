"""What may be shown: only live, unexpired, unrestricted pages of the requested site, and media
outside restricted collections, whichever way a client reaches them.

One world is built for the module: for every way a page can be hidden (``HIDDEN_KINDS``) a news
item, a city and a conference in that state, plus public pages pointing at them (a news item
about the hidden city and conference, linking to all three; a conference hosted by the hidden
city). Each test reaches the hidden pages along other paths and finds nothing: not in lists, not
in counts, not in search results, not as links.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale

from graphql_api.images import ImageFit, ImageFormat, filter_spec
from tests import factories

from .fixtures_safety import (
    FRONTEND,
    HIDDEN_KINDS,
    IN_PLACE_KINDS,
    hidden_page,
    hide,
    make_image,
    other_site,
    private_collection,
    restricted_section,
    shared_data,
    site_tree,
)

PUBLIC_NEWS = {"visible-news", "media-news", "drafted", "rescheduled", *(f"pointer-{kind}" for kind in HIDDEN_KINDS)}
PUBLIC_CONFERENCES = {"meeting", *(f"host-{kind}" for kind in HIDDEN_KINDS)}
KUTAISI_URL = f"{FRONTEND}/cities/kutaisi/"


def _pointer_body(kutaisi: Any, news: Any, city: Any, conference: Any) -> list[tuple[str, Any]]:
    return [
        (
            "paragraph",
            f'<p>See <a linktype="page" id="{news.pk}">the hidden news</a>, '
            f'<a linktype="page" id="{city.pk}">the hidden city</a>, '
            f'<a linktype="page" id="{conference.pk}">the hidden conference</a> and '
            f'<a linktype="page" id="{kutaisi.pk}">Kutaisi</a>.</p>',
        ),
        (
            "links",
            {
                "heading": "See also",
                "links": [
                    {"title": "Hidden news", "page": news},
                    {"title": "Hidden city", "page": city},
                    {"title": "Hidden conference", "page": conference},
                    {"title": "Kutaisi", "page": kutaisi},
                ],
            },
        ),
    ]


def build_world() -> dict[str, Any]:
    tree = site_tree()
    other = other_site()
    french = Locale.objects.get(language_code="fr")
    network = factories.PartnershipFactory(name="Network", slug="network", kind="network")

    collection = private_collection()
    inner = collection.add_child(name="Inner")
    public_image = factories.ImageFactory(title="Public", credit="© Public")
    private_image = make_image(64, 48, collection=collection, title="Private", credit="© Private")
    inner_image = make_image(64, 48, collection=inner, title="Inner", credit="© Inner")
    public_doc = factories.DocumentFactory(title="Public report")
    private_doc = factories.DocumentFactory(title="Private report", collection=collection)
    inner_doc = factories.DocumentFactory(title="Inner report", collection=inner)

    kutaisi = factories.CityProfilePageFactory(
        parent=tree["cities"],
        title="Kutaisi",
        slug="kutaisi",
        image=private_image,
        memberships=[network],
        strategies=[
            {"title": "Private strategy", "document": private_doc},
            {"title": "Inner strategy", "document": inner_doc},
            {"title": "Public strategy", "document": public_doc},
        ],
    )
    meeting = factories.ConferencePageFactory(
        parent=tree["conferences"],
        title="Zanzibar meeting",
        slug="meeting",
        host_city=kutaisi,
        partnership=network,
        documents=[
            (
                "links",
                {
                    "links": [
                        {"title": "Private", "document": private_doc},
                        {"title": "Inner", "document": inner_doc},
                        {"title": "Public", "document": public_doc},
                    ]
                },
            )
        ],
    )
    gone = factories.NewsPageFactory(parent=tree["news"], title="Gone", slug="gone")
    visible_news = factories.NewsPageFactory(
        parent=tree["news"],
        title="Zanzibar visible news",
        slug="visible-news",
        cities=[kutaisi],
        partnerships=[network],
        tags=["shared"],
        conference=meeting,
        body=[
            ("paragraph", f'<p>A <a linktype="page" id="{gone.pk}">deleted page</a>.</p>'),
            ("links", {"links": [{"title": "Deleted", "page": gone}, {"title": "Kutaisi", "page": kutaisi}]}),
        ],
    )
    gone.delete()
    french_news = visible_news.copy_for_translation(french, copy_parents=True)
    french_news.title = "Nouvelles visibles"
    french_news.save_revision().publish()
    factories.NewsPageFactory(
        parent=tree["news"],
        title="Media news",
        slug="media-news",
        hero_image=private_image,
        body=[
            ("image", {"image": private_image, "caption": "Private", "credit": ""}),
            ("image", {"image": inner_image, "caption": "Inner", "credit": ""}),
            ("image", {"image": public_image, "caption": "Public", "credit": ""}),
            (
                "paragraph",
                f'<p><a linktype="document" id="{private_doc.pk}">private report</a>, '
                f'<a linktype="document" id="{inner_doc.pk}">inner report</a>, '
                f'<a linktype="document" id="{public_doc.pk}">public report</a></p>',
            ),
            (
                "links",
                {
                    "links": [
                        {"title": "Private", "document": private_doc},
                        {"title": "Inner", "document": inner_doc},
                        {"title": "Public", "document": public_doc},
                    ]
                },
            ),
        ],
    )

    # Live pages whose latest changes are a draft, and changes scheduled for tomorrow.
    for slug in ("drafted", "rescheduled"):
        page = factories.NewsPageFactory(
            parent=tree["news"],
            title=f"Published {slug}",
            slug=slug,
            standfirst="Published standfirst.",
            body=[("paragraph", "<p>Published body.</p>")],
        )
        page.title = "Wombat title"
        page.slug = f"wombat-{slug}"
        page.standfirst = "Wombat standfirst."
        page.body = [("paragraph", "<p>Wombat body.</p>")]
        if slug == "rescheduled":
            page.go_live_at = timezone.now() + datetime.timedelta(days=1)
            page.save_revision().publish()
        else:
            page.save_revision()

    parents = {
        name: {"public": tree[name], "restricted-section": restricted_section(tree, name), "other-site": other[name]}
        for name in ("news", "conferences", "cities")
    }
    hidden: dict[str, dict[str, Any]] = {}
    for kind in HIDDEN_KINDS:
        city = hidden_page(
            factories.CityProfilePageFactory,
            kind,
            parents["cities"],
            title=f"Zanzibar quokka city {kind}",
            slug=f"hidden-city-{kind}",
            memberships=[network],
        )
        conference = hidden_page(
            factories.ConferencePageFactory,
            kind,
            parents["conferences"],
            title=f"Zanzibar quokka conference {kind}",
            slug=f"hidden-conference-{kind}",
            host_city=kutaisi,
            partnership=network,
            previous_edition=meeting,
        )
        news = hidden_page(
            factories.NewsPageFactory,
            kind,
            parents["news"],
            title=f"Zanzibar quokka news {kind}",
            slug=f"hidden-news-{kind}",
            cities=[kutaisi],
            partnerships=[network],
            tags=["shared", f"only-{kind}"],
            conference=meeting,
        )
        pointer = factories.NewsPageFactory(
            parent=tree["news"],
            title=f"Pointer {kind}",
            slug=f"pointer-{kind}",
            cities=[kutaisi, city],
            conference=conference,
            body=_pointer_body(kutaisi, news, city, conference),
        )
        factories.ConferencePageFactory(
            parent=tree["conferences"],
            title=f"Host {kind}",
            slug=f"host-{kind}",
            host_city=city,
            previous_edition=conference,
        )
        if kind in IN_PLACE_KINDS:
            # A French version of the public pointer, hidden the same way.
            translation = pointer.copy_for_translation(french, copy_parents=True)
            translation.title = f"Pointeur {kind}"
            translation.save()
            hide(translation, kind)
        hidden[kind] = {"news": news, "city": city, "conference": conference}
    return {"kutaisi": kutaisi, "hidden": hidden, "public_doc": public_doc, "public_image": public_image}


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Any:
    with shared_data(django_db_blocker, build_world) as data:
        yield data


def slugs(connection: dict[str, Any]) -> set[str]:
    found = [edge["node"]["slug"] for edge in connection["edges"]]
    assert connection["totalCount"] == len(found)
    return set(found)


LIST = "(first: 100) { totalCount edges { node { slug title } } }"


def test_lists_and_their_counts_hold_public_pages_only(graphql, world):
    data = graphql(f"{{ newsItems{LIST} cities{LIST} conferences{LIST} }}").data

    assert slugs(data["newsItems"]) == PUBLIC_NEWS
    assert slugs(data["cities"]) == {"kutaisi"}
    assert slugs(data["conferences"]) == PUBLIC_CONFERENCES


def test_french_lists_fall_back_to_public_originals_not_hidden_translations(graphql, world):
    data = graphql('{ newsItems(first: 100, locale: "fr") { totalCount edges { node { slug title locale } } } }').data

    titles = {edge["node"]["title"]: edge["node"]["locale"] for edge in data["newsItems"]["edges"]}
    assert titles["Nouvelles visibles"] == "fr"
    assert {title: titles[title] for title in titles if title.startswith("Point")} == {
        f"Pointer {kind}": "en" for kind in HIDDEN_KINDS
    }
    assert data["newsItems"]["totalCount"] == len(PUBLIC_NEWS)


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_lookups_of_a_hidden_page_are_null_without_error(graphql, world, kind):
    hidden = world["hidden"][kind]
    section = "/members-{}" if kind == "restricted-section" else "/{}"
    response = graphql(
        f"""{{
          newsBySlug: newsItem(slug: "hidden-news-{kind}") {{ title }}
          newsById: newsItem(id: "{hidden["news"].pk}") {{ title }}
          cityBySlug: city(slug: "hidden-city-{kind}") {{ title }}
          cityById: city(id: "{hidden["city"].pk}") {{ title }}
          conferenceBySlug: conference(slug: "hidden-conference-{kind}") {{ title }}
          conferenceById: conference(id: "{hidden["conference"].pk}") {{ title }}
          newsPage: page(urlPath: "{section.format("news")}/hidden-news-{kind}/") {{ title }}
          cityPage: page(urlPath: "{section.format("cities")}/hidden-city-{kind}/") {{ title }}
          conferencePage: page(urlPath: "{section.format("conferences")}/hidden-conference-{kind}/") {{ title }}
          frenchFallback: newsItem(slug: "pointer-{kind}", locale: "fr") {{ title locale translations {{ slug }} }}
        }}"""
    )

    assert response.status == 200
    data = response.data
    assert data.pop("frenchFallback") == {"title": f"Pointer {kind}", "locale": "en", "translations": []}
    assert data == dict.fromkeys(data)
    assert len(data) == 9


def test_public_pages_are_found_by_the_same_lookups(graphql, world):
    """The counterpart of the test above: the look-ups do find public pages."""
    data = graphql(
        """{
          newsItem(slug: "visible-news") { title translations { title locale } }
          city(slug: "kutaisi") { title }
          conference(slug: "meeting") { title }
          page(urlPath: "/news/visible-news/") { title }
        }"""
    ).data

    assert data == {
        "newsItem": {
            "title": "Zanzibar visible news",
            "translations": [{"title": "Nouvelles visibles", "locale": "fr"}],
        },
        "city": {"title": "Kutaisi"},
        "conference": {"title": "Zanzibar meeting"},
        "page": {"title": "Zanzibar visible news"},
    }


def test_reverse_references_and_their_counts_leave_hidden_pages_out(graphql, world):
    data = graphql(
        f"""{{
          city(slug: "kutaisi") {{ newsItems{LIST} conferences{LIST} }}
          partnership(slug: "network") {{ cities{LIST} newsItems{LIST} conferences{LIST} }}
          conference(slug: "meeting") {{ newsItems{LIST} nextEdition {{ slug }} }}
        }}"""
    ).data

    assert slugs(data["city"]["newsItems"]) == {"visible-news", *(f"pointer-{kind}" for kind in HIDDEN_KINDS)}
    assert slugs(data["city"]["conferences"]) == {"meeting"}
    assert slugs(data["partnership"]["cities"]) == {"kutaisi"}
    assert slugs(data["partnership"]["newsItems"]) == {"visible-news"}
    assert slugs(data["partnership"]["conferences"]) == {"meeting"}
    assert slugs(data["conference"]["newsItems"]) == {"visible-news"}
    assert data["conference"]["nextEdition"] is None


def test_references_to_hidden_pages_read_as_absent(graphql, world):
    data = graphql(
        """{
          newsItems(first: 100) { edges { node { slug cities { slug } conference { slug } } } }
          conferences(first: 100) { edges { node { slug hostCity { slug } previousEdition { slug } } } }
        }"""
    ).data

    news = {edge["node"]["slug"]: edge["node"] for edge in data["newsItems"]["edges"]}
    conferences = {edge["node"]["slug"]: edge["node"] for edge in data["conferences"]["edges"]}
    assert news["visible-news"]["conference"] == {"slug": "meeting"}
    for kind in HIDDEN_KINDS:
        assert news[f"pointer-{kind}"]["cities"] == [{"slug": "kutaisi"}], kind
        assert news[f"pointer-{kind}"]["conference"] is None, kind
        assert conferences[f"host-{kind}"]["hostCity"] is None, kind
        assert conferences[f"host-{kind}"]["previousEdition"] is None, kind


BODY = """body {
  ... on ParagraphBlock { richText { html text } }
  ... on LinksBlock { links { title url } }
}"""


def test_links_to_hidden_or_deleted_pages_lose_their_address_but_keep_their_text(graphql, world):
    data = graphql(f"{{ newsItems(first: 100) {{ edges {{ node {{ slug {BODY} }} }} }} }}").data

    bodies = {edge["node"]["slug"]: edge["node"]["body"] for edge in data["newsItems"]["edges"]}
    for kind in HIDDEN_KINDS:
        paragraph, links = bodies[f"pointer-{kind}"]
        assert paragraph["richText"]["html"] == (
            "<p>See <a>the hidden news</a>, <a>the hidden city</a>, <a>the hidden conference</a> and "
            f'<a href="{KUTAISI_URL}">Kutaisi</a>.</p>'
        ), kind
        assert (
            paragraph["richText"]["text"] == "See the hidden news, the hidden city, the hidden conference and Kutaisi."
        )
        assert links["links"] == [{"title": "Kutaisi", "url": KUTAISI_URL}], kind
    paragraph, links = bodies["visible-news"]
    assert paragraph["richText"]["html"] == "<p>A <a>deleted page</a>.</p>"
    assert links["links"] == [{"title": "Kutaisi", "url": KUTAISI_URL}]


def test_search_finds_public_pages_only(graphql, world):
    data = graphql(
        """{
          all: search(query: "zanzibar", first: 100) { totalCount edges { node { __typename slug } } }
          cities: search(query: "zanzibar", types: [CITY]) { totalCount edges { node { slug } } }
          quokka: search(query: "quokka") { totalCount edges { node { slug } } }
        }"""
    ).data

    assert data["all"]["totalCount"] == 2
    assert {(edge["node"]["__typename"], edge["node"]["slug"]) for edge in data["all"]["edges"]} == {
        ("NewsItem", "visible-news"),
        ("Conference", "meeting"),
    }
    assert data["cities"] == {"totalCount": 0, "edges": []}
    assert data["quokka"] == {"totalCount": 0, "edges": []}


def test_topics_count_public_news_only(graphql, world):
    only = " ".join(
        f'{kind.replace("-", "_")}: newsItems(filter: {{topic: "only-{kind}"}}) {{ totalCount }}'
        for kind in HIDDEN_KINDS
    )
    data = graphql(f"{{ topics {{ slug newsCount }} {only} }}").data

    assert data.pop("topics") == [{"slug": "shared", "newsCount": 1}]
    assert data == {kind.replace("-", "_"): {"totalCount": 0} for kind in HIDDEN_KINDS}


def test_filters_by_the_slug_of_a_hidden_page_find_nothing(graphql, world):
    """A hidden page's slug is as unknown to filters as to look-ups (no probing for drafts)."""
    fields = []
    for kind in HIDDEN_KINDS:
        name = kind.replace("-", "_")
        fields += [
            f'{name}_city: newsItems(filter: {{city: "hidden-city-{kind}"}}) {{ totalCount }}',
            f'{name}_conference: newsItems(filter: {{conference: "hidden-conference-{kind}"}}) {{ totalCount }}',
            f'{name}_host: conferences(filter: {{hostCity: "hidden-city-{kind}"}}) {{ totalCount }}',
        ]
    data = graphql("{ " + " ".join(fields) + " }").data

    assert {name: value["totalCount"] for name, value in data.items() if value["totalCount"]} == {}


def test_media_in_restricted_collections_is_left_out(graphql, world, api_url):
    data = graphql(
        """{
          newsItem(slug: "media-news") {
            heroImage { id } heroCredit
            body {
              ... on ImageBlock { image { title } caption credit }
              ... on ParagraphBlock { richText { html } }
              ... on LinksBlock { links { title url document { title } } }
            }
          }
          city(slug: "kutaisi") { image { id } strategies { title document { title } } }
          conference(slug: "meeting") { documents { title document { title } } }
        }"""
    ).data

    public_url = f"{api_url}{world['public_doc'].url}"
    news = data["newsItem"]
    assert news["heroImage"] is None
    assert news["heroCredit"] == ""
    images, paragraph, links = news["body"][:3], news["body"][3], news["body"][4]
    assert images == [
        {"image": None, "caption": "Private", "credit": ""},
        {"image": None, "caption": "Inner", "credit": ""},
        {"image": {"title": "Public"}, "caption": "Public", "credit": "© Public"},
    ]
    assert paragraph["richText"]["html"] == (
        f'<p><a>private report</a>, <a>inner report</a>, <a href="{public_url}">public report</a></p>'
    )
    assert links["links"] == [{"title": "Public", "url": public_url, "document": {"title": "Public report"}}]
    assert data["city"] == {
        "image": None,
        "strategies": [
            {"title": "Private strategy", "document": None},
            {"title": "Inner strategy", "document": None},
            {"title": "Public strategy", "document": {"title": "Public report"}},
        ],
    }
    assert data["conference"]["documents"] == [{"title": "Public", "document": {"title": "Public report"}}]


@pytest.mark.parametrize("slug", ["drafted", "rescheduled"])
def test_changes_not_yet_published_are_never_shown(graphql, world, slug):
    data = graphql(
        f"""{{
          newsItem(slug: "{slug}") {{ title slug standfirst body {{ ... on ParagraphBlock {{ richText {{ text }} }} }} }}
          byNewSlug: newsItem(slug: "wombat-{slug}") {{ title }}
          page(urlPath: "/news/wombat-{slug}/") {{ title }}
          search(query: "wombat") {{ totalCount }}
        }}"""
    ).data

    assert data == {
        "newsItem": {
            "title": f"Published {slug}",
            "slug": slug,
            "standfirst": "Published standfirst.",
            "body": [{"richText": {"text": "Published body."}}],
        },
        "byNewSlug": None,
        "page": None,
        "search": {"totalCount": 0},
    }


def test_restricted_images_stay_out_when_their_renditions_exist(graphql, world):
    """Renditions that exist are read with their images in one query: it keeps the collection rule."""
    spec = filter_spec(320, 240, ImageFit.FILL, ImageFormat.ORIGINAL, None)
    for image in get_image_model().objects.all():
        image.get_rendition(spec)
    data = graphql(
        """{ newsItem(slug: "media-news") {
          heroImage { id rendition(fit: FILL, width: 320, height: 240) { url } }
          body { ... on ImageBlock { image { title rendition(fit: FILL, width: 320, height: 240) { url } } } }
        } }"""
    ).data

    news = data["newsItem"]
    assert news["heroImage"] is None
    private, inner, public = (block["image"] for block in news["body"][:3])
    assert (private, inner) == (None, None)
    assert public["title"] == "Public"
    assert ".fill-320x240." in public["rendition"]["url"]  # the stored file, not the signed URL that renders it
