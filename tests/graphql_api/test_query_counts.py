"""SQL query counts per request: constant whatever the page size, with everything selected.

Each query is sent twice, and the renditions it asks for are rendered in between (as the first
fetch of their signed URLs would): the second request, as every request but an image's first, is
counted. A count that grows with ``first`` means a resolver went to the database per
item; the failure message lists the numbered SQL.
"""

import datetime

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from cities.models import CityFunding, CityMembership, CityProfilePage, CityStrategy
from graphql_api.images import ImageFit, ImageFormat, filter_spec
from news.models import NewsPage, NewsPageCity
from tests import factories

from .conftest import assert_num_queries

IMAGE = "{ id alt credit width height focalPoint { x y } rendition(fit: FILL, width: 320, height: 240) { url } }"
BODY = f"""body {{ __typename
  ... on ParagraphBlock {{ richText {{ html text }} }}
  ... on QuoteBlock {{ text attribution role }}
  ... on ImageBlock {{ image {IMAGE} caption credit }}
  ... on LinksBlock {{ links {{ title url document {{ title url }} }} }}
}}"""
CITY = f"title url countryCode image {IMAGE} memberships {{ role partnership {{ name }} }} funding {{ amount programme {{ name }} }} strategies {{ title document {{ url }} }}"
NEWS = f"""title url date standfirst heroImage {IMAGE} heroCredit topics {{ slug }} {BODY}
  cities {{ {CITY} }} partnerships {{ name funder {{ name }} }} organisations {{ name }}
  conference {{ title status hostCity {{ title }} }} translations {{ title locale }}"""
CONFERENCE = """title status format startDate hostCity { title } partnership { name } organisers { name }
  previousEdition { title } nextEdition { title } background { html } targetAudience { text }
  objectives { keyword } agenda { date description { html } sessions { title } } siteVisits { title }
  expectedOutcomes documents { url }"""

# Field -> (arguments, selection, queries). The numbers are what the planner needs for everything
# selected: one query per kind of reference, never one per item. The site, its roots, the locales,
# restrictions and front-end settings come from the shared cache after the first request
# (home/site_lookups.py), so the counted second request no longer reads them.
ROOT_LISTS = {
    "newsItems": ("", NEWS, 23),
    "conferences": ("order: LATEST", CONFERENCE, 13),
    "cities": ("", f"{CITY} {BODY}", 10),
    "partnerships": ("", "name kind funder { name } parent { name }", 6),
}

# (root list, reverse reference) -> (selection, queries for the whole request).
REVERSE_REFERENCES = {
    ("cities", "newsItems"): ("title cities { title } heroImage { id }", 6),
    ("cities", "conferences"): ("title hostCity { title }", 5),
    ("partnerships", "cities"): ("title memberships { role }", 5),
    ("partnerships", "newsItems"): ("title topics { slug }", 4),
    ("partnerships", "conferences"): ("title organisers { name }", 5),
    ("conferences", "newsItems"): ("title partnerships { name }", 5),
}


@pytest.fixture
def rich_content(content):
    """Every item carries every reference, so that page size 1 and 100 have the same work per item."""
    document = factories.DocumentFactory(title="Strategy")
    # Each partnership has a funder and a parent (here each other's), so that any page of them has both.
    for partnership, parent in ((content["network"], content["programme"]), (content["programme"], content["network"])):
        partnership.funder = content["dg"]
        partnership.parent = parent
        partnership.save()
    for city in CityProfilePage.objects.all():
        city.image = content["image"]
        city.body = [("paragraph", f'<p><a linktype="page" id="{content["kutaisi"].pk}">Kutaisi</a></p>')]
        city.save()
        CityMembership.objects.get_or_create(page=city, partnership=content["network"])
        CityStrategy.objects.create(page=city, title="Cultural Development Strategy", document=document)
        CityFunding.objects.create(page=city, amount=1000, programme=content["programme"])
    previous = content["conference"]
    for number in range(3):
        previous = factories.ConferencePageFactory(
            parent=content["conferences"],
            title=f"Edition {number}",
            start_date=datetime.date(2023 + number, 3, 12),
            end_date=datetime.date(2023 + number, 3, 14),
            host_city=content["barcelona"],
            partnership=content["network"],
            organisers=[content["dg"]],
            previous_edition=previous,
            background=f'<p>See <a linktype="document" id="{document.pk}">the note</a>.</p>',
            objectives=[("objective", {"keyword": "Results", "text": "Show results."})],
            documents=[("links", {"heading": "", "links": [{"title": "Note", "document": document}]})],
        )
    # A draft next edition: the newest published edition still asks for it, and gets nothing.
    factories.ConferencePageFactory(parent=content["conferences"], previous_edition=previous, live=False)
    NewsPage.objects.update(conference=previous)
    return content


def render_asked_renditions() -> None:
    """What fetching the signed URLs of the first answer does: ``IMAGE`` asks for this one size."""
    spec = filter_spec(320, 240, ImageFit.FILL, ImageFormat.ORIGINAL, None)
    for image in get_image_model().objects.all():
        image.get_rendition(spec)


def _assert_constant_cost(graphql, query_for_size, expected: int) -> dict[int, dict]:
    """Sends the query at page sizes 1 and 100 (each twice, the asked renditions rendered in between)."""
    results = {}
    for size in (1, 100):
        query = query_for_size(size)
        graphql(query)
        render_asked_renditions()
        with assert_num_queries(expected):
            results[size] = graphql(query).data
    return results


@pytest.mark.parametrize("field", ROOT_LISTS)
def test_root_list_costs_the_same_for_one_item_or_a_hundred(graphql, rich_content, field):
    arguments, selection, expected = ROOT_LISTS[field]
    results = _assert_constant_cost(
        graphql,
        lambda size: f"{{ {field}(first: {size} {arguments}) {{ totalCount edges {{ node {{ {selection} }} }} }} }}",
        expected,
    )
    assert len(results[1][field]["edges"]) == 1
    assert len(results[100][field]["edges"]) == results[100][field]["totalCount"] > 1


@pytest.mark.parametrize(("root", "field"), REVERSE_REFERENCES)
def test_reverse_reference_costs_the_same_for_one_item_or_a_hundred(graphql, rich_content, root, field):
    selection, expected = REVERSE_REFERENCES[root, field]
    results = _assert_constant_cost(
        graphql,
        lambda size: (
            f"""{{ {root}(first: 100) {{ edges {{ node {{
            {field}(first: {size}) {{ totalCount edges {{ node {{ {selection} }} }} }} }} }} }} }}"""
        ),
        expected,
    )
    for size, data in results.items():
        nested = [edge["node"][field] for edge in data[root]["edges"]]
        assert any(connection["edges"] for connection in nested)
        assert all(len(connection["edges"]) == min(size, connection["totalCount"]) for connection in nested)


@pytest.mark.parametrize("pagination", ["after: $cursor", "offset: 3, after: $cursor"])
def test_a_deep_page_costs_what_the_first_page_costs(graphql, rich_content, pagination):
    selection = ROOT_LISTS["newsItems"][1]
    first_page = f"{{ newsItems(first: 1) {{ edges {{ cursor node {{ {selection} }} }} }} }}"
    graphql(first_page)
    with CaptureQueriesContext(connections["default"]) as page_one:
        cursor_after_three = graphql("{ newsItems(first: 3) { edges { cursor } } }").data["newsItems"]["edges"][-1]
        graphql(first_page)
    deep_page = f"query ($cursor: String) {{ newsItems(first: 1, {pagination}) {{ edges {{ cursor node {{ {selection} }} }} }} }}"
    # With an offset the cursor is null: the fourth item is reached by skipping three.
    variables = {"cursor": None if "offset" in pagination else cursor_after_three["cursor"]}
    graphql(deep_page, variables)
    with CaptureQueriesContext(connections["default"]) as page_four:
        graphql("{ newsItems(first: 3) { edges { cursor } } }")
        data = graphql(deep_page, variables).data
    assert data["newsItems"]["edges"][0]["node"]["title"] == "News 2"
    assert len(page_four.captured_queries) == len(page_one.captured_queries)


def test_a_full_page_of_a_hundred_among_more_costs_what_one_item_costs(graphql, rich_content):
    """A hundred and five items, each with every reference: ``first: 100`` is a full page, with more after it."""
    news_index = rich_content["news"]
    for number in range(100):
        page = news_index.add_child(
            instance=NewsPage(
                title=f"Bulletin {number}",
                slug=f"bulletin-{number}",
                date=datetime.date(2021, 1, 1) + datetime.timedelta(days=number),
                standfirst="A bulletin.",
                hero_image=rich_content["image"],
                conference=rich_content["conference"],
                body=[("paragraph", f'<p><a linktype="page" id="{rich_content["kutaisi"].pk}">Kutaisi</a></p>')],
            )
        )
        NewsPageCity.objects.create(page=page, city=rich_content["kutaisi"])
        page.partnerships.add(rich_content["network"])
        page.save()
    _arguments, selection, expected = ROOT_LISTS["newsItems"]
    results = _assert_constant_cost(
        graphql,
        lambda size: (
            f"{{ newsItems(first: {size}) {{ totalCount pageInfo {{ hasNextPage }} edges {{ node {{ {selection} }} }} }} }}"
        ),
        expected,
    )
    page = results[100]["newsItems"]
    assert page["totalCount"] == 105
    assert len(page["edges"]) == 100
    assert page["pageInfo"]["hasNextPage"] is True
    assert all(edge["node"]["cities"] and edge["node"]["heroImage"] for edge in page["edges"])


def test_lists_read_neither_unasked_bodies_nor_wagtails_bookkeeping_columns(graphql, rich_content):
    """Sorting and building full rows made deep archive pages slow: the API reads what its fields use."""
    with CaptureQueriesContext(connections["default"]) as queries:
        data = graphql("{ newsItems(first: 5) { edges { node { title cities { title } } } } }").data
    assert data["newsItems"]["edges"][0]["node"]["cities"]
    tables = ('FROM "news_newspage"', 'FROM "cities_cityprofilepage"')
    page_reads = [query["sql"] for query in queries if any(table in query["sql"] for table in tables)]
    assert len(page_reads) == 2  # the news items, then their cities
    # Only the columns of the fields selected (and what every item needs: key, language, type).
    assert '"news_newspage"."standfirst"' not in page_reads[0]
    assert '"cities_cityprofilepage"."country"' not in page_reads[1]
    for sql in page_reads:
        assert '"body"' not in sql
        for column in ("draft_title", "locked_by_id", "latest_revision_id", "owner_id", "numchild"):
            assert f'"wagtailcore_page"."{column}"' not in sql


def test_a_look_ups_reverse_references_take_plain_limit_queries(graphql, rich_content):
    """One parent needs no window: a foreign key (a conference's host city) is a plain filter, a
    link (a news item's cities) a semi-join, so that an item linked twice still comes once. The
    city's language versions are matched by id, without joining the city's tables."""
    query = """{ city(slug: "barcelona") {
        conferences(first: 2) { edges { node { title } } }
        newsItems(first: 2) { edges { node { title } } } } }"""
    graphql(query)
    with CaptureQueriesContext(connections["default"]) as queries:
        city = graphql(query).data["city"]
    assert city["conferences"]["edges"]
    assert city["newsItems"]["edges"]
    conferences, news = (
        next(
            query["sql"]
            for query in queries
            if query["sql"].startswith("SELECT ") and table in query["sql"].split(" WHERE ")[0]
        )
        for table in ('FROM "conferences_conferencepage"', 'FROM "news_newspage"')
    )
    for sql in (conferences, news):
        assert "OVER (" not in sql
        assert "LIMIT 3" in sql
        assert "cities_cityprofilepage" not in sql
    assert '"conferences_conferencepage"."host_city_id" IN (SELECT' in conferences
    assert '"news_newspage"."page_ptr_id" IN (SELECT' in news
    assert 'FROM "news_newspagecity"' in news  # the link rows alone: no second copy of the news tables


def test_the_images_of_a_whole_answer_are_read_in_one_query(graphql, content):
    """Loaders only ask for images; the first one used reads every image asked for: a news item's
    hero, the pictures of its body and its cities' pictures (three different images) together."""
    hero, pictured, city_picture = (factories.ImageFactory(title=title) for title in ("Hero", "Body", "City"))
    city = factories.CityProfilePageFactory(parent=content["cities"], title="Batumi", slug="batumi", image=city_picture)
    factories.NewsPageFactory(
        parent=content["news"],
        slug="pictures",
        hero_image=hero,
        cities=[city],
        body=[("image", {"image": pictured, "caption": "", "credit": ""})],
    )
    query = f"""{{ newsItem(slug: "pictures") {{ heroImage {IMAGE} heroCredit
        body {{ ... on ImageBlock {{ image {IMAGE} credit }} }} cities {{ image {IMAGE} }} }} }}"""
    graphql(query)
    render_asked_renditions()
    with CaptureQueriesContext(connections["default"]) as queries:
        item = graphql(query).data["newsItem"]
    assert [item["heroImage"]["id"], item["body"][0]["image"]["id"], item["cities"][0]["image"]["id"]] == [
        str(image.pk) for image in (hero, pictured, city_picture)
    ]
    assert all(image["rendition"]["url"] for image in (item["heroImage"], item["body"][0]["image"]))
    image_reads = [query["sql"] for query in queries if '"home_citynewsimage"' in query["sql"].split(" WHERE ")[0]]
    assert len(image_reads) == 1, image_reads
