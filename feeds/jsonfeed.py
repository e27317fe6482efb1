"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a syndication feed type of Django's framework."""

from __future__ import annotations

import datetime
import json
from typing import IO, Any

from django.utils.feedgenerator import SyndicationFeed

VERSION = "https://jsonfeed.org/version/1.1"


def _rfc3339(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """JSON Feed leaves out what is unknown rather than writing null or empty values."""
    return {key: value for key, value in values.items() if value not in (None, "", [])}


class JSONFeed(SyndicationFeed):
    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile: IO[Any], encoding: str) -> None:
        feed = self.feed
        document = _present(
            {
                "version": VERSION,
                "title": feed["title"],
                "home_page_url": feed["link"],
                "feed_url": feed["feed_url"],
                "description": feed["description"],
                "language": feed["language"],
                "items": [self._item(item) for item in self.items],
            }
        )
        document.setdefault("items", [])
        outfile.write(json.dumps(document, ensure_ascii=False, indent=2))

    def _item(self, item: dict[str, Any]) -> dict[str, Any]:
        enclosures = item["enclosures"] or []
        return _present(
            {
                "id": item["unique_id"] or item["link"],
                "url": item["link"],
                "title": item["title"],
                "content_text": item["description"] or item["title"],
                "summary": item["description"],
                "image": enclosures[0].url if enclosures else None,
                "date_published": _rfc3339(item["pubdate"]),
                "date_modified": _rfc3339(item["updateddate"]),
                "tags": list(item["categories"] or []),
                "attachments": [{"url": e.url, "mime_type": e.mime_type} for e in enclosures],
            }
        )
