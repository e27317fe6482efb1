"""The six cases of issue 12, as each system under test is asked them, on the data set of ``dataset``."""

from __future__ import annotations

import datetime
import urllib.parse
from dataclasses import dataclass

RENDITION = "fill-320x240"
NEWS_SLUG = "news-04242"
CITY_SLUG = "city-007"
SEARCH_WORDS = "festival"
WEEK = (datetime.date(2020, 6, 1), datetime.date(2020, 6, 7))
ARCHIVE_OFFSET = 7980
PAGE_SIZE = 20

_IMAGE = "heroImage { rendition(fit: FILL, width: 320, height: 240) { url width height } }"
_LIST_ITEM = f"title slug date standfirst {_IMAGE} cities {{ title slug }} topics {{ name slug }}"
_BODY = """body { __typename
  ... on HeadingBlock { text level }
  ... on ParagraphBlock { richText { html } }
  ... on QuoteBlock { text attribution role }
  ... on ImageBlock { image { rendition(fit: FILL, width: 320, height: 240) { url } } caption }
  ... on KeyFigureBlock { value label } }"""

GRAPHQL = {
    "newest": f"{{ newsItems(first: {PAGE_SIZE}) {{ edges {{ node {{ {_LIST_ITEM} }} }} }} }}",
    "one": f'{{ newsItem(slug: "{NEWS_SLUG}") {{ {_LIST_ITEM} heroCredit {_BODY} }} }}',
    "city": f"""{{ city(slug: "{CITY_SLUG}") {{ title slug countryCode summary
      newsItems(first: 10) {{ edges {{ node {{ title slug date }} }} }}
      conferences(first: 10, order: LATEST) {{ edges {{ node {{ title slug startDate }} }} }} }} }}""",
    "archive": f"""{{ newsItems(first: {PAGE_SIZE}, offset: {ARCHIVE_OFFSET}) {{ totalCount
      edges {{ node {{ {_LIST_ITEM} }} }} }} }}""",
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
    "archive": _V2
    + f"type=news.NewsPage&order=-date&offset={ARCHIVE_OFFSET}&limit={PAGE_SIZE}&fields={_V2_LIST_FIELDS}",
    "search": _V2 + f"type=news.NewsPage&search={SEARCH_WORDS}&limit=10&fields=date,standfirst",
    # API v2 filters on exact values only: one day per request cannot ask for a week.
    "week": None,
}

FLOOR = {case: f"/bench/floor/{case}/" for case in GRAPHQL}
CASES = list(GRAPHQL)


@dataclass(frozen=True)
class Request:
    system: str
    case: str
    method: str
    path: str
    body: bytes | None = None


def graphql_post(case: str) -> Request:
    import json

    return Request("citynews", case, "POST", "/graphql/", json.dumps({"query": GRAPHQL[case]}).encode())


def graphql_get(case: str) -> str:
    return "/graphql/?" + urllib.parse.urlencode({"query": GRAPHQL[case]})
