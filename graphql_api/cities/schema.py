"""Root fields for cities: the list and one city."""

import strawberry
from strawberry.types import Info

from cities.models import CityProfilePage

from ..lists import IdArg, LocaleArg, SlugArg, lookup_by, one, root_connection_field, scope_for
from .filters import CityFilter, CityOrder, city_ordering, filter_cities
from .types import City


@strawberry.type
class CityQuery:
    cities = root_connection_field(
        City,
        CityFilter,
        CityOrder.NAME,
        CityProfilePage,
        lambda items, where, _ctx: filter_cities(items, where),
        city_ordering,
        "Published city profiles, by name unless `order` says otherwise.",
    )

    @strawberry.field(description="One published city profile by `slug` or `id`; null when there is none.")
    def city(
        self,
        info: Info,
        slug: SlugArg = None,
        id: IdArg = None,
        locale: LocaleArg = None,
    ) -> City | None:
        return one(info, scope_for(info, locale), CityProfilePage, **lookup_by(slug, id))
