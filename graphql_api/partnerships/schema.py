"""Root fields for partnerships: the list and one partnership."""

import enum

import strawberry
from strawberry.types import Info

from partnerships.models import Partnership

from ..lists import LocaleArg, connection, lookup_by, one, scope_for
from ..pagination import AfterArg, BeforeArg, Connection, FirstArg, LastArg, OffsetArg, Ordering, PageArgs
from .types import PartnershipKind, PartnershipType


@strawberry.enum(description="Orders of partnership lists.")
class PartnershipOrder(enum.Enum):
    NAME = strawberry.enum_value("name", description="Alphabetically by name (the default).")


@strawberry.input(description="Narrows a partnership list.")
class PartnershipFilter:
    kind: PartnershipKind | None = strawberry.field(default=None, description="Only partnerships of this kind.")


@strawberry.type
class PartnershipQuery:
    @strawberry.field(description="Partnerships, programmes and networks, by name.")
    def partnerships(
        self,
        info: Info,
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        offset: OffsetArg = None,
        filter: PartnershipFilter | None = None,
        order: PartnershipOrder = PartnershipOrder.NAME,
        locale: LocaleArg = None,
    ) -> Connection[PartnershipType]:
        queryset = Partnership.objects.all()
        if filter is not None and filter.kind is not None:
            queryset = queryset.filter(kind=Partnership.Kind(filter.kind))
        args = PageArgs(first=first, after=after, last=last, before=before, offset=offset)
        return connection(info, scope_for(info, locale), queryset, Ordering(("name",)), args)

    @strawberry.field(description="One partnership by `slug` or `id`; null when there is none.")
    def partnership(
        self,
        info: Info,
        slug: str | None = None,
        id: strawberry.ID | None = None,
        locale: LocaleArg = None,
    ) -> PartnershipType | None:
        return one(info, scope_for(info, locale), Partnership.objects.all(), **lookup_by(slug, id))
