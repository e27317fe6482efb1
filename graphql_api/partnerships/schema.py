"""Root fields for partnerships: the list and one partnership."""

import enum

import strawberry
from django.db.models import QuerySet
from strawberry.types import Info

from partnerships.models import Partnership

from ..lists import IdArg, LocaleArg, SlugArg, lookup_by, one, root_connection_field, scope_for
from ..pagination import Ordering
from .types import PartnershipKind, PartnershipType


@strawberry.enum(description="Orders of partnership lists.")
class PartnershipOrder(enum.Enum):
    NAME = strawberry.enum_value("name", description="Alphabetically by name (the default).")


@strawberry.input(description="Narrows a partnership list.")
class PartnershipFilter:
    kind: PartnershipKind | None = strawberry.field(default=None, description="Only partnerships of this kind.")


def filter_partnerships(queryset: QuerySet[Partnership], where: PartnershipFilter | None) -> QuerySet[Partnership]:
    if where is not None and where.kind is not None:
        queryset = queryset.filter(kind=Partnership.Kind(where.kind))
    return queryset


@strawberry.type
class PartnershipQuery:
    partnerships = root_connection_field(
        PartnershipType,
        PartnershipFilter,
        PartnershipOrder.NAME,
        Partnership,
        lambda items, where, _ctx: filter_partnerships(items, where),
        lambda _order: Ordering(("name",)),
        "Partnerships, programmes and networks, by name.",
    )

    @strawberry.field(description="One partnership by `slug` or `id`; null when there is none.")
    def partnership(
        self,
        info: Info,
        slug: SlugArg = None,
        id: IdArg = None,
        locale: LocaleArg = None,
    ) -> PartnershipType | None:
        return one(info, scope_for(info, locale), Partnership, **lookup_by(slug, id))
