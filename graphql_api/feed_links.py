"""Feed links for autodiscovery: what a front end puts in ``<link rel="alternate">`` on a page."""

from __future__ import annotations

from urllib.parse import urlencode

import strawberry
from django.urls import reverse

from .context import ApiContext

# (URL name, title, media type) of every feed, in the order front ends usually list them.
FEEDS = (
    ("feeds:news-rss", "News (RSS)", "application/rss+xml"),
    ("feeds:news-atom", "News (Atom)", "application/atom+xml"),
    ("feeds:news-json", "News (JSON Feed)", "application/feed+json"),
    ("feeds:conferences-ics", "Conferences (iCalendar)", "text/calendar"),
)


@strawberry.type(description='A feed to subscribe to, e.g. for `<link rel="alternate" type="..." href="...">`.')
class FeedLink:
    title: str = strawberry.field(description="What the feed holds and its format, e.g. `News (RSS)`.")
    url: str = strawberry.field(description="Absolute address of the feed, already filtered for this item.")
    media_type: str = strawberry.field(description="The feed's media type, e.g. `application/rss+xml`.")


def feed_links(ctx: ApiContext, filter_name: str, slug: str, locale_id: int) -> list[FeedLink]:
    """The feeds narrowed to one partnership or city (``filter_name``), in the item's language."""
    query = {filter_name: slug}
    if locale_id != ctx.default_locale.pk:
        query["locale"] = ctx.locale_code(locale_id)
    return [
        FeedLink(
            title=title, url=ctx.request.build_absolute_uri(f"{reverse(name)}?{urlencode(query)}"), media_type=kind
        )
        for name, title, kind in FEEDS
    ]
