"""Root fields for conferences: the list and one conference."""

import strawberry
from strawberry.types import Info

from conferences.models import ConferencePage

from ..lists import LocaleArg, connection, lookup_by, one, scope_for
from ..pagination import AfterArg, BeforeArg, Connection, FirstArg, LastArg, OffsetArg, PageArgs
from ..visibility import visible_pages
from .filters import ConferenceFilter, ConferenceOrder, conference_ordering, filter_conferences
from .types import Conference


@strawberry.type
class ConferenceQuery:
    @strawberry.field(description="Published conferences, soonest first unless `order` says otherwise.")
    def conferences(
        self,
        info: Info,
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        offset: OffsetArg = None,
        filter: ConferenceFilter | None = None,
        order: ConferenceOrder = ConferenceOrder.SOONEST,
        locale: LocaleArg = None,
    ) -> Connection[Conference]:
        args = PageArgs(first=first, after=after, last=last, before=before, offset=offset)
        queryset = filter_conferences(visible_pages(info.context, ConferencePage), filter, info.context)
        return connection(info, scope_for(info, locale), queryset, conference_ordering(order), args)

    @strawberry.field(description="One published conference by `slug` or `id`; null when there is none.")
    def conference(
        self,
        info: Info,
        slug: str | None = None,
        id: strawberry.ID | None = None,
        locale: LocaleArg = None,
    ) -> Conference | None:
        return one(info, scope_for(info, locale), visible_pages(info.context, ConferencePage), **lookup_by(slug, id))
