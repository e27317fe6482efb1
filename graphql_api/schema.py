"""The public schema: every area's root fields merged into one ``Query``, with the API's limits."""

import strawberry
from django.conf import settings
from graphql import GraphQLError
from strawberry.extensions import AddValidationRules, DisableIntrospection, ParserCache, ValidationCache
from strawberry.types import ExecutionContext

from .cities.schema import CityQuery
from .conferences.schema import ConferenceQuery
from .errors import ApiError, CodedError, ErrorCodes
from .limits import AliasLimitRule, DepthLimitRule, TokenLimit
from .news.schema import NewsQuery
from .nul_characters import RefuseNulCharacters
from .pages import HomePage, SectionPage
from .partnerships.schema import PartnershipQuery
from .search import SiteQuery


def introspection_policy() -> AddValidationRules:
    """``DisableIntrospection`` while settings switch introspection off, read for each request.

    The rule list is part of ``ValidationCache``'s key, so a query validated while introspection
    was on is not served from the cache once it is off.
    """
    return AddValidationRules([]) if settings.CITYNEWS_GRAPHQL_INTROSPECTION else DisableIntrospection()


@strawberry.type(description="Everything a website or app can read: lists, look-ups and search, per site and language.")
class Query(NewsQuery, ConferenceQuery, CityQuery, PartnershipQuery, SiteQuery):
    """Every area's root fields, merged (what ``strawberry.tools.merge_types`` does, with a description)."""


class CitynewsSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Logs unexpected errors only: a client's bad input is its answer, not an incident."""
        unexpected = [
            error
            for error in errors
            if not isinstance(error, CodedError) and not isinstance(error.original_error, ApiError)
        ]
        if unexpected:
            super().process_errors(unexpected, execution_context)


schema = CitynewsSchema(
    query=Query,
    types=[HomePage, SectionPage],
    extensions=[
        ErrorCodes,
        TokenLimit,
        lambda: AddValidationRules([DepthLimitRule, AliasLimitRule]),
        introspection_policy,
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        RefuseNulCharacters,
    ],
)
