"""Filtering and ordering of city lists."""

import enum
from typing import Any

import strawberry
from django.db.models import QuerySet, Value
from django.db.models.functions import Upper

from cities.models import CityMembership
from partnerships.models import Partnership

from ..pagination import Ordering


@strawberry.enum(description="Orders of city lists.")
class CityOrder(enum.Enum):
    NAME = strawberry.enum_value("name", description="Alphabetically by name (the default).")
    COUNTRY = strawberry.enum_value("country", description="By country code, then name.")


CITY_ORDERINGS = {CityOrder.NAME: Ordering(("title",)), CityOrder.COUNTRY: Ordering(("country", "title"))}


def city_ordering(order: object) -> Ordering:
    return CITY_ORDERINGS[CityOrder(order)]


@strawberry.input(description="Narrows a city list; all given conditions must hold.")
class CityFilter:
    country: str | None = strawberry.field(default=None, description="ISO 3166 country code, e.g. `GE`.")
    partnership: str | None = strawberry.field(
        default=None, description="Slug of a partnership or network the city is a member of."
    )
    is_capital: bool | None = strawberry.field(default=None, description="Only capitals (true) or only others.")


def filter_cities(queryset: QuerySet[Any], where: CityFilter | None) -> QuerySet[Any]:
    if where is None:
        return queryset
    if where.country:
        queryset = queryset.filter(country=Upper(Value(where.country)))
    if where.partnership:
        keys = Partnership.objects.filter(slug=where.partnership).values("translation_key")
        members = CityMembership.objects.filter(partnership__translation_key__in=keys)
        queryset = queryset.filter(translation_key__in=members.values("page__translation_key"))
    if where.is_capital is not None:
        queryset = queryset.filter(is_capital=where.is_capital)
    return queryset
