"""Root fields for conferences: the list and one conference."""

import strawberry
from strawberry.types import Info

from conferences.models import ConferencePage

from ..lists import IdArg, LocaleArg, SlugArg, lookup_by, one, root_connection_field, scope_for
from .filters import ConferenceFilter, ConferenceOrder, conference_ordering, filter_conferences
from .types import Conference


@strawberry.type
class ConferenceQuery:
    conferences = root_connection_field(
        Conference,
        ConferenceFilter,
        ConferenceOrder.SOONEST,
        ConferencePage,
        filter_conferences,
        conference_ordering,
        "Published conferences, soonest first unless `order` says otherwise.",
    )

    @strawberry.field(description="One published conference by `slug` or `id`; null when there is none.")
    def conference(
        self,
        info: Info,
        slug: SlugArg = None,
        id: IdArg = None,
        locale: LocaleArg = None,
    ) -> Conference | None:
        return one(info, scope_for(info, locale), ConferencePage, **lookup_by(slug, id))
