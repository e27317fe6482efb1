"""The benchmark's data set, built with bulk inserts: 10,000 news items with hero images, cities,
topics and 6-block bodies; 200 conferences; 500 cities; 50 partnerships.

Pages are inserted the way Wagtail stores them (tree paths computed here, one multi-row INSERT
per table) instead of one ``add_child`` each, so the whole set takes a minute, not an hour.
Deterministic: the same numbers give the same rows, so the cases can name slugs and dates.
Run as ``python -m bench.dataset`` with Django settings configured; bench only.
"""

from __future__ import annotations

import datetime
import io
import random
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image as PillowImage  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from cities.models import CityIndexPage, CityProfilePage  # noqa: E402
from conferences.models import ConferenceIndexPage, ConferencePage  # noqa: E402
from home.models import HomePage  # noqa: E402
from news.models import NewsIndexPage, NewsPage, NewsPageCity, NewsPageTag  # noqa: E402
from partnerships.models import Partnership  # noqa: E402

NEWS = 10_000
CITIES = 500
CONFERENCES = 200
PARTNERSHIPS = 50
IMAGES = 20
TOPICS = 30
FIRST_DAY = datetime.date(2014, 1, 1)
WORDS = ["festival", "heritage", "mobility", "library", "museum", "theatre", "music", "youth", "archive", "design",
         "dance", "cinema", "craft", "literature", "opera", "street", "market", "garden", "river", "bridge"]  # fmt: skip

PageModel = TypeVar("PageModel", bound=Page)


def _bulk_pages(parent: Page, model: type[PageModel], pages: Sequence[PageModel]) -> list[PageModel]:
    """Inserts ``pages`` as live children of ``parent``: the page rows, then the specific rows."""
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for step, page in enumerate(pages, start=parent.numchild + 1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = True
        page.draft_title = page.title
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.first_published_at = page.last_published_at = now
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages],
        batch_size=1000,
    )
    for page, base in zip(pages, bases, strict=True):
        page.page_ptr_id = page.pk = base.pk
    own_fields = model._meta.local_concrete_fields
    for start in range(0, len(pages), 1000):
        model.objects._insert(pages[start : start + 1000], fields=own_fields)  # type: ignore[attr-defined]
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return list(pages)


def _pair(number: int, size: int) -> tuple[int, int]:
    """Two different indexes below ``size`` for item ``number``, spread over every pair in turn."""
    first = number % size
    return first, (first + 1 + (number // size) % (size - 1)) % size


def _images() -> list[Any]:
    images = []
    for number in range(IMAGES):
        buffer = io.BytesIO()
        PillowImage.new("RGB", (1200, 800), ((number * 40) % 256, 120, 200)).save(buffer, "JPEG", quality=80)
        images.append(
            get_image_model().objects.create(
                title=f"Photo {number}",
                credit=f"© Photographer {number}",
                file=ImageFile(buffer, name=f"photo-{number}.jpg"),
            )
        )
    return images


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Made-up words for body text: a body names the topic words only where its title does."""
    syllables = ["ka", "lo", "mi", "ren", "sto", "va", "dor", "pli", "te", "nus", "gra", "zel"]
    return ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def _body(rng: random.Random, vocabulary: list[str], number: int, image_pk: int) -> list[dict[str, Any]]:
    words = " ".join([WORDS[number % len(WORDS)], *rng.choices(vocabulary, k=120)])
    return [
        {"type": "heading", "value": {"text": f"Report {number}", "level": "h2"}, "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": f"<p>{words}</p>", "id": str(uuid.uuid4())},
        {
            "type": "quote",
            "value": {"text": "Culture connects cities.", "attribution": "A. Mayor", "role": "Mayor"},
            "id": str(uuid.uuid4()),
        },
        {"type": "image", "value": {"image": image_pk, "caption": "On the day", "credit": ""}, "id": str(uuid.uuid4())},
        {"type": "key_figure", "value": {"value": str(number), "label": "participants"}, "id": str(uuid.uuid4())},
        {"type": "paragraph", "value": f"<p>{words[:400]}</p>", "id": str(uuid.uuid4())},
    ]


@transaction.atomic
def build() -> None:
    rng = random.Random(12)  # noqa: S311 (repeatable filler text, not secrets)
    vocabulary = _vocabulary(rng)
    locale = Locale.get_default()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Citynews", slug="citynews", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    news_index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    conference_index = home.add_child(instance=ConferenceIndexPage(title="Conferences", slug="conferences"))
    city_index = home.add_child(instance=CityIndexPage(title="Cities", slug="cities"))
    images = _images()

    partnerships = Partnership.objects.bulk_create(
        [Partnership(name=f"Partnership {n}", slug=f"partnership-{n:02d}", locale=locale) for n in range(PARTNERSHIPS)]
    )
    cities = _bulk_pages(
        city_index,
        CityProfilePage,
        [
            CityProfilePage(title=f"City {n}", slug=f"city-{n:03d}", country="GE", summary=f"City number {n}.")
            for n in range(CITIES)
        ],
    )
    conferences = _bulk_pages(
        conference_index,
        ConferencePage,
        [
            ConferencePage(
                title=f"Conference {n}",
                slug=f"conference-{n:03d}",
                start_date=FIRST_DAY + datetime.timedelta(days=n * 18),
                end_date=FIRST_DAY + datetime.timedelta(days=n * 18 + 1),
                host_city_id=cities[n % 50].pk,
                partnership=partnerships[n % PARTNERSHIPS],
            )
            for n in range(CONFERENCES)
        ],
    )
    news = _bulk_pages(
        news_index,
        NewsPage,
        [
            NewsPage(
                title=f"News {n} about {WORDS[n % len(WORDS)]}",
                slug=f"news-{n:05d}",
                date=FIRST_DAY + datetime.timedelta(days=n * 3650 // NEWS),
                standfirst=f"A report on {WORDS[n % len(WORDS)]} and {WORDS[(n * 7) % len(WORDS)]} in the network.",
                hero_image_id=images[n % IMAGES].pk,
                conference_id=conferences[n % CONFERENCES].pk if n % 10 == 0 else None,
                body=_body(rng, vocabulary, n, images[(n + 1) % IMAGES].pk),
            )
            for n in range(NEWS)
        ],
    )
    NewsPageCity.objects.bulk_create(
        [
            NewsPageCity(page_id=item.pk, city_id=cities[_pair(n, CITIES)[k]].pk, sort_order=k)
            for n, item in enumerate(news)
            for k in (0, 1)
        ],
        batch_size=5000,
    )
    tags = Tag.objects.bulk_create([Tag(name=f"topic {n}", slug=f"topic-{n}") for n in range(TOPICS)])
    NewsPageTag.objects.bulk_create(
        [
            NewsPageTag(content_object_id=item.pk, tag=tags[index])
            for n, item in enumerate(news)
            for index in _pair(n, TOPICS)
        ],
        batch_size=5000,
    )
    NewsPage.partnerships.through.objects.bulk_create(
        [
            NewsPage.partnerships.through(newspage_id=item.pk, partnership_id=partnerships[n % PARTNERSHIPS].pk)
            for n, item in enumerate(news)
        ],
        batch_size=5000,
    )
    backend = get_search_backend()
    for model in (NewsPage, ConferencePage, CityProfilePage):
        objects = list(model.objects.all())
        for start in range(0, len(objects), 1000):
            backend.add_bulk(model, objects[start : start + 1000])


if __name__ == "__main__":
    build()
    print(f"data set: {NewsPage.objects.count()} news, {CityProfilePage.objects.count()} cities, "
          f"{ConferencePage.objects.count()} conferences, {Partnership.objects.count()} partnerships")  # fmt: skip
