"""Root fields for cities: the list and one city."""

import strawberry
from strawberry.types import Info

from cities.models import CityProfilePage

from ..lists import LocaleArg, connection, lookup_by, one, scope_for
from ..pagination import AfterArg, BeforeArg, Connection, FirstArg, LastArg, OffsetArg, PageArgs
from ..visibility import visible_pages
from .filters import CityFilter, CityOrder, city_ordering, filter_cities
from .types import City


@strawberry.type
class CityQuery:
    @strawberry.field(description="Published city profiles, by name unless `order` says otherwise.")
    def cities(
        self,
        info: Info,
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        offset: OffsetArg = None,
        filter: CityFilter | None = None,
        order: CityOrder = CityOrder.NAME,
        locale: LocaleArg = None,
    ) -> Connection[City]:
        args = PageArgs(first=first, after=after, last=last, before=before, offset=offset)
        queryset = filter_cities(visible_pages(info.context, CityProfilePage), filter)
        return connection(info, scope_for(info, locale), queryset, city_ordering(order), args)

    @strawberry.field(description="One published city profile by `slug` or `id`; null when there is none.")
    def city(
        self,
        info: Info,
        slug: str | None = None,
        id: strawberry.ID | None = None,
        locale: LocaleArg = None,
    ) -> City | None:
        return one(info, scope_for(info, locale), visible_pages(info.context, CityProfilePage), **lookup_by(slug, id))
