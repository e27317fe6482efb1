"""The cases of issue 12, as each system under test is asked them, on the data set of ``dataset``.

The six cases of the issue, plus ``archive-1``: the archive's query at page 1, so that the cost of
archive depth (``archive``, page 400) reads as a ratio of the same query, like for like.
"""

from __future__ import annotations

import datetime
import json
import urllib.parse

RENDITION = "fill-320x240"
NEWS_SLUG = "news-04242"
CITY_SLUG = "city-007"
SEARCH_WORDS = "festival"
WEEK = (datetime.date(2020, 6, 1), datetime.date(2020, 6, 7))
PAGE_SIZE = 20
# Archive page number per archive case: page 400 is the issue's; page 1 is its like-for-like base.
ARCHIVE_PAGES = {"archive-1": 1, "archive": 400}

_IMAGE = "heroImage { rendition(fit: FILL, width: 320, height: 240) { url width height } }"
_LIST_ITEM = f"title slug date standfirst {_IMAGE} cities {{ title slug }} topics {{ name slug }}"
_BODY = """body { __typename
  ... on HeadingBlock { text level }
  ... on ParagraphBlock { richText { html } }
  ... on QuoteBlock { text attribution role }
  ... on ImageBlock { image { rendition(fit: FILL, width: 320, height: 240) { url } } caption }
  ... on KeyFigureBlock { value label } }"""


def archive_offset(case: str) -> int:
    return (ARCHIVE_PAGES[case] - 1) * PAGE_SIZE


def _graphql_archive(case: str) -> str:
    return f"""{{ newsItems(first: {PAGE_SIZE}, offset: {archive_offset(case)}) {{ totalCount
      edges {{ node {{ {_LIST_ITEM} }} }} }} }}"""


GRAPHQL = {
    "newest": f"{{ newsItems(first: {PAGE_SIZE}) {{ edges {{ node {{ {_LIST_ITEM} }} }} }} }}",
    "one": f'{{ newsItem(slug: "{NEWS_SLUG}") {{ {_LIST_ITEM} heroCredit {_BODY} }} }}',
    "city": f"""{{ city(slug: "{CITY_SLUG}") {{ title slug countryCode summary
      newsItems(first: 10) {{ edges {{ node {{ title slug date }} }} }}
      conferences(first: 10, order: LATEST) {{ edges {{ node {{ title slug startDate }} }} }} }} }}""",
    **{case: _graphql_archive(case) for case in ARCHIVE_PAGES},
    "search": f"""{{ search(query: "{SEARCH_WORDS}", first: 10, types: [NEWS_ITEM]) {{ totalCount
      edges {{ node {{ title slug ... on NewsItem {{ date standfirst }} }} }} }} }}""",
    "week": f"""{{ newsItems(first: 100, order: OLDEST,
      filter: {{ dateFrom: "{WEEK[0]}", dateTo: "{WEEK[1]}" }}) {{
      edges {{ node {{ title url date standfirst }} }} }} }}""",
}

_V2_LIST_FIELDS = "date,standfirst,hero_thumbnail,city_refs,tags"
_V2 = "/api/v2/pages/?"
WAGTAIL_V2 = {
    "newest": _V2 + f"type=news.NewsPage&order=-date&limit={PAGE_SIZE}&fields={_V2_LIST_FIELDS}",
    "one": _V2 + f"type=news.NewsPage&slug={NEWS_SLUG}&fields={_V2_LIST_FIELDS},hero_credit,body",
    "city": _V2 + f"type=cities.CityProfilePage&slug={CITY_SLUG}&fields=country,summary,latest_news,latest_conferences",
    **{
        case: _V2
        + f"type=news.NewsPage&order=-date&offset={archive_offset(case)}&limit={PAGE_SIZE}&fields={_V2_LIST_FIELDS}"
        for case in ARCHIVE_PAGES
    },
    "search": _V2 + f"type=news.NewsPage&search={SEARCH_WORDS}&limit=10&fields=date,standfirst",
    # With the date-range filter backend of bench/wagtail_api.py (API v2 filters on exact values only).
    "week": _V2
    + f"type=news.NewsPage&date_from={WEEK[0]}&date_to={WEEK[1]}&order=date&limit=100&fields=date,standfirst",
}

# wagtail-grapple (bench/grapple/): the fields as grapple names them. Grapple's tags have no slug,
# and its plural query always orders (by first publication unless told), so search is not ranked.
_GRAPPLE_IMAGE = 'heroImage { rendition(fill: "320x240") { url width height } }'
_GRAPPLE_LIST_ITEM = (
    f"title slug date standfirst {_GRAPPLE_IMAGE} cityLinks {{ city {{ title slug }} }} tags {{ name }}"
)
_GRAPPLE_BODY = """body { blockType
  ... on HeadingBlock { text level }
  ... on RichTextBlock { value }
  ... on QuoteBlock { text attribution role }
  ... on ImageBlock { image { rendition(fill: "320x240") { url } } caption }
  ... on KeyFigureBlock { figure: value label } }"""
_GRAPPLE_NEWS = f'newsPages(perPage: {PAGE_SIZE}, order: "-date,-id"'
GRAPPLE = {
    "newest": f"{{ {_GRAPPLE_NEWS}) {{ items {{ {_GRAPPLE_LIST_ITEM} }} }} }}",
    "one": f'{{ newsPage(slug: "{NEWS_SLUG}") {{ {_GRAPPLE_LIST_ITEM} heroCredit {_GRAPPLE_BODY} }} }}',
    "city": f"""{{ page(slug: "{CITY_SLUG}", contentType: "cities.CityProfilePage") {{ ... on CityProfilePage {{
      title slug country summary latestNews(limit: 10) {{ title slug ... on NewsPage {{ date }} }}
      latestConferences(limit: 10) {{ title slug ... on ConferencePage {{ startDate }} }} }} }} }}""",
    **{
        case: f"""{{ {_GRAPPLE_NEWS}, page: {page}) {{ pagination {{ total }}
          items {{ {_GRAPPLE_LIST_ITEM} }} }} }}"""
        for case, page in ARCHIVE_PAGES.items()
    },
    "search": f"""{{ newsPages(searchQuery: "{SEARCH_WORDS}", perPage: 10) {{ pagination {{ total }}
      items {{ title slug date standfirst }} }} }}""",
    # Grapple's page queries filter on id, slug, content type, menu and search only: no date range.
    "week": None,
}

FLOOR = {case: f"/bench/floor/{case}/" for case in GRAPHQL}
CASES = list(GRAPHQL)
assert set(WAGTAIL_V2) == set(GRAPPLE) == set(CASES)  # noqa: S101 (import-time consistency check, bench only)


def graphql_body(query: str) -> bytes:
    """The JSON body of a POST to a GraphQL endpoint asking ``query``."""
    return json.dumps({"query": query}).encode()


def graphql_get(case: str) -> str:
    return "/graphql/?" + urllib.parse.urlencode({"query": GRAPHQL[case]})
