"""The hand-written floor: one plain Django JSON view per case, fetching exactly what it shows.

What a developer would write by hand for each screen, with no API layer: ``values()`` and
``only()``, one query per kind of related row, renditions prefetched. Bench only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from wagtail.images import get_image_model

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage, NewsPageCity, NewsPageTag

from . import cases

LIST_COLUMNS = ("pk", "title", "slug", "date", "standfirst", "hero_image_id")


def _renditions(image_ids: set[int]) -> dict[int, dict[str, Any]]:
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions(cases.RENDITION)
    out = {}
    for image in images:
        rendition = image.get_rendition(cases.RENDITION)
        out[image.pk] = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
    return out


def _list_items(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    pks = [row["pk"] for row in rows]
    cities: dict[int, list[dict[str, str]]] = defaultdict(list)
    for page_id, title, slug in (
        NewsPageCity.objects.filter(page_id__in=pks)
        .order_by("sort_order")
        .values_list("page_id", "city__title", "city__slug")
    ):
        cities[page_id].append({"title": title, "slug": slug})
    topics: dict[int, list[dict[str, str]]] = defaultdict(list)
    for page_id, name, slug in (
        NewsPageTag.objects.filter(content_object_id__in=pks)
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name", "tag__slug")
    ):
        topics[page_id].append({"name": name, "slug": slug})
    images = _renditions({row["hero_image_id"] for row in rows if row["hero_image_id"]})
    return [
        {
            "title": row["title"],
            "slug": row["slug"],
            "date": row["date"].isoformat(),
            "standfirst": row["standfirst"],
            "heroImage": images.get(row["hero_image_id"]),
            "cities": cities[row["pk"]],
            "topics": topics[row["pk"]],
        }
        for row in rows
    ]


def _live_news() -> QuerySet:
    return NewsPage.objects.filter(live=True)


def newest(request: HttpRequest) -> JsonResponse:
    rows = list(_live_news().order_by("-date", "-pk").values(*LIST_COLUMNS)[: cases.PAGE_SIZE])
    return JsonResponse({"items": _list_items(rows)})


def _archive(case: str) -> Callable[[HttpRequest], JsonResponse]:
    """The view of one archive case: its page of 20 and the total."""
    start = cases.archive_offset(case)

    def archive(request: HttpRequest) -> JsonResponse:
        news = _live_news()
        rows = list(news.order_by("-date", "-pk").values(*LIST_COLUMNS)[start : start + cases.PAGE_SIZE])
        return JsonResponse({"total": news.count(), "items": _list_items(rows)})

    return archive


def one(request: HttpRequest) -> JsonResponse:
    page = _live_news().only(*LIST_COLUMNS[1:], "hero_credit", "body").get(slug=cases.NEWS_SLUG)
    row = {column: getattr(page, column) for column in LIST_COLUMNS}
    item = _list_items([row])[0]
    body_images = _renditions({block.value["image"].pk for block in page.body if block.block_type == "image"})
    blocks = []
    for block in page.body:
        if block.block_type == "image":
            blocks.append(
                {"type": "image", "image": body_images.get(block.value["image"].pk), "caption": block.value["caption"]}
            )
        elif block.block_type == "paragraph":
            blocks.append({"type": "paragraph", "html": str(block.value)})
        else:
            blocks.append({"type": block.block_type, **dict(block.value)})
    return JsonResponse({**item, "heroCredit": page.hero_credit, "body": blocks})


def city(request: HttpRequest) -> JsonResponse:
    found = (
        CityProfilePage.objects.filter(live=True, slug=cases.CITY_SLUG)
        .values("pk", "title", "slug", "country", "summary")
        .get()
    )
    news = (
        _live_news()
        .filter(city_links__city_id=found["pk"])
        .order_by("-date", "-pk")
        .values("title", "slug", "date")[:10]
    )
    conferences = (
        ConferencePage.objects.filter(live=True, host_city_id=found["pk"])
        .order_by("-start_date", "-pk")
        .values("title", "slug", "start_date")[:10]
    )
    return JsonResponse(
        {**found, "country": str(found["country"]), "news": list(news), "conferences": list(conferences)}
    )


def search(request: HttpRequest) -> JsonResponse:
    results = _live_news().search(cases.SEARCH_WORDS)
    items = [
        {"title": page.title, "slug": page.slug, "date": page.date, "standfirst": page.standfirst}
        for page in results[:10]
    ]
    return JsonResponse({"total": results.count(), "items": items})


def week(request: HttpRequest) -> JsonResponse:
    start, end = cases.WEEK
    rows = (
        _live_news()
        .filter(date__range=(start, end))
        .order_by("date", "pk")
        .values("title", "url_path", "date", "standfirst")
    )
    return JsonResponse({"items": list(rows)})


VIEWS = {
    "newest": newest,
    "one": one,
    "city": city,
    **{case: _archive(case) for case in cases.ARCHIVE_PAGES},
    "search": search,
    "week": week,
}
assert set(VIEWS) == set(cases.CASES)  # noqa: S101 (import-time consistency check, bench only)
