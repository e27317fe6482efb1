"""Feed entries: each item with its front-end link, dates and hero image, built for a whole feed at once.

Entries are plain values, so the syndication classes (RSS, Atom, JSON Feed) only read them and a
feed costs the same few queries whatever the number of items.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.feedgenerator import Enclosure

from graphql_api.images import ImageFit, ImageFormat, filter_spec, rendition_of
from home.frontend import page_url
from home.visibility import visible_images
from news.models import NewsPage

from .selection import FEED_SIZE, FeedRequest

HERO_SPEC = filter_spec(1200, None, ImageFit.WIDTH, ImageFormat.JPEG, 80)


@dataclass(frozen=True)
class FeedEntry:
    title: str
    link: str
    summary: str
    published: datetime.datetime
    updated: datetime.datetime
    categories: list[str] = field(default_factory=list)
    enclosures: list[Enclosure] = field(default_factory=list)


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight of ``day`` in the site's time zone: news carry the date readers see, not a time."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_default_timezone())


def news_entries(feed: FeedRequest) -> list[FeedEntry]:
    """The newest news items of the feed, newest first by the date readers see."""
    view = feed.view
    items: list[NewsPage] = list(feed.news().order_by("-date", "-pk")[:FEED_SIZE])
    images = visible_images(view).filter(pk__in={item.hero_image_id for item in items if item.hero_image_id})
    heroes = {image.pk: image for image in images.prefetch_renditions(HERO_SPEC)}
    entries = []
    for item in items:
        published = _start_of(item.date)
        hero = heroes.get(item.hero_image_id)
        enclosures = []
        if hero is not None:
            rendition = rendition_of(view, hero, HERO_SPEC)
            # RSS wants a length; RSS best practice is 0 when the size is not at hand.
            enclosures.append(Enclosure(rendition.url, "0", "image/jpeg"))
        entries.append(
            FeedEntry(
                title=item.title,
                link=page_url(view, item.url_path, item.locale_id) or "",
                summary=item.standfirst,
                published=published,
                updated=max(published, item.last_published_at or published),
                categories=[tagged.tag.name for tagged in item.tagged_items.all()],
                enclosures=enclosures,
            )
        )
    return entries
