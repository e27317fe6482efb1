"""Wagtail's REST API v2, set up for the fields of the benchmark cases (bench only, never in the product).

The models of the product declare no ``api_fields``: they are added here, on import, with the
serializers Wagtail documents (``ImageRenditionField`` for the hero thumbnail). Related rows go
through model properties, as a site using API v2 would write them. API v2 filters fields on exact
values only, so the pages endpoint gets a filter backend for a range of dates (the week case), as
a site that needs one would add it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
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

RANGE = {"date_from": "gte", "date_to": "lte"}


class DateRangeFilter(BaseFilterBackend):
    """``date_from`` / ``date_to`` (inclusive) on a page type with a ``date`` field."""

    def filter_queryset(self, request: HttpRequest, queryset: QuerySet, view: Any) -> QuerySet:
        try:
            bounds = {
                f"date__{lookup}": datetime.date.fromisoformat(request.GET[name])
                for name, lookup in RANGE.items()
                if name in request.GET
            }
        except ValueError:
            raise BadRequestError("date_from and date_to are dates, such as 2020-06-01") from None
        if bounds and not any(field.name == "date" for field in queryset.model._meta.get_fields()):
            raise BadRequestError("date_from and date_to need a type with a date, such as news.NewsPage")
        return queryset.filter(**bounds)


class PagesWithDateRangeAPIViewSet(PagesAPIViewSet):
    filter_backends = [DateRangeFilter, *PagesAPIViewSet.filter_backends]  # SearchFilter stays last
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(RANGE)


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesWithDateRangeAPIViewSet)
