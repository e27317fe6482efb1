"""Wagtail's REST API v2, set up for the fields of the benchmark cases (bench only, never in the product).

The models of the product declare no ``api_fields``: they are added here, on import, with the
serializers Wagtail documents (``ImageRenditionField`` for the hero thumbnail). Related rows go
through model properties, as a site using API v2 would write them.
"""

from __future__ import annotations

from typing import Any

from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.fields import ImageRenditionField

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage

from . import cases


def _city_refs(page: NewsPage) -> list[dict[str, str]]:
    return [{"title": link.city.title, "slug": link.city.slug} for link in page.city_links.all()]


def _latest_news(city: CityProfilePage) -> list[dict[str, Any]]:
    news = NewsPage.objects.live().filter(city_links__city=city).order_by("-date", "-pk")[:10]
    return [{"title": item.title, "slug": item.slug, "date": item.date} for item in news]


def _latest_conferences(city: CityProfilePage) -> list[dict[str, Any]]:
    found = ConferencePage.objects.live().filter(host_city=city).order_by("-start_date", "-pk")[:10]
    return [{"title": item.title, "slug": item.slug, "start_date": item.start_date} for item in found]


NewsPage.city_refs = property(_city_refs)  # type: ignore[attr-defined]
CityProfilePage.latest_news = property(_latest_news)  # type: ignore[attr-defined]
CityProfilePage.latest_conferences = property(_latest_conferences)  # type: ignore[attr-defined]
NewsPage.api_fields = [  # type: ignore[attr-defined]
    APIField("date"),
    APIField("standfirst"),
    APIField("hero_thumbnail", serializer=ImageRenditionField(cases.RENDITION, source="hero_image")),
    APIField("hero_credit"),
    APIField("body"),
    APIField("city_refs"),
    APIField("tags"),
]
CityProfilePage.api_fields = [  # type: ignore[attr-defined]
    APIField("country"),
    APIField("summary"),
    APIField("latest_news"),
    APIField("latest_conferences"),
]

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)
