"""The digest: what was published in a period, fetched page by page from ``recentItems``, as HTML."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from .client import execute

# What a digest shows of each item; fragments pick what each page type adds.
DIGEST_QUERY = """
query Digest($since: DateTime!, $until: DateTime, $locale: String, $after: String) {
  recentItems(since: $since, until: $until, locale: $locale, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      kind: __typename title url firstPublishedAt summary(maxLength: 280)
      ... on NewsItem { date heroImage { alt rendition(fit: FILL, width: 560, height: 320, format: JPEG) { url width height } } topics { name } }
      ... on Conference { startDate endDate venue hostCity { title countryName } }
      ... on City { countryName }
    } }
  }
}
"""
# More than any period's digest should hold; a larger one is cut here rather than never ending.
MAX_ITEMS = 500
SECTIONS = (("NewsItem", "News"), ("Conference", "Conferences"), ("City", "Cities"))


@dataclass
class Digest:
    since: datetime.datetime
    until: datetime.datetime | None
    locale: str | None
    sections: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(items) for _title, items in self.sections)


def fetch_digest(api_url: str, since: datetime.datetime, until: datetime.datetime | None, locale: str | None) -> Digest:
    """Every item of the period from the API, grouped by page type, newest first within each."""
    variables: dict[str, Any] = {
        "since": since.isoformat(),
        "until": until.isoformat() if until else None,
        "locale": locale,
        "after": None,
    }
    items: list[dict[str, Any]] = []
    while len(items) < MAX_ITEMS:
        page = execute(api_url, DIGEST_QUERY, variables)["recentItems"]
        items.extend(edge["node"] for edge in page["edges"])
        if not page["pageInfo"]["hasNextPage"]:
            break
        variables["after"] = page["pageInfo"]["endCursor"]
    items = items[:MAX_ITEMS]
    sections = [(title, [item for item in items if item["kind"] == kind]) for kind, title in SECTIONS]
    return Digest(since=since, until=until, locale=locale, sections=[(t, found) for t, found in sections if found])


def render_digest(digest: Digest) -> str:
    return render_to_string(
        "newsletter/digest.html",
        {
            "digest": digest,
            "since": timezone.localtime(digest.since),
            "until": timezone.localtime(digest.until) if digest.until else None,
        },
    )
