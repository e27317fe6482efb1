"""The public schema: every area's root fields merged into one ``Query``, with the API's limits."""

import logging

import strawberry
from django.conf import settings
from graphql import GraphQLError
from strawberry.extensions import AddValidationRules, DisableIntrospection, ParserCache, ValidationCache
from strawberry.types import ExecutionContext

from cms.outages import OUTAGES

from .arguments import compile_argument_conversion
from .cities.schema import CityQuery
from .conferences.schema import ConferenceQuery
from .cost import CostLimiter
from .errors import ApiError, CodedError, ErrorCodes
from .execution import LeanExecution
from .limits import AliasLimitRule, DepthLimitRule, SafeStringsRule, TokenLimit
from .news.schema import NewsQuery
from .newsletter import NewsletterQuery
from .pages import HomePage, SectionPage
from .partnerships.schema import PartnershipQuery
from .preview import PreviewQuery
from .search import SiteQuery
from .suggestions import hide_suggestions

logger = logging.getLogger(__name__)


def introspection_policy() -> AddValidationRules:
    """``DisableIntrospection`` while settings switch introspection off, read for each request.

    The rule list is part of ``ValidationCache``'s key, so a query validated while introspection
    was on is not served from the cache once it is off.
    """
    return AddValidationRules([]) if settings.CITYNEWS_GRAPHQL_INTROSPECTION else DisableIntrospection()


@strawberry.type(description="Everything a website or app can read: lists, look-ups and search, per site and language.")
class Query(NewsQuery, ConferenceQuery, CityQuery, PartnershipQuery, SiteQuery, PreviewQuery, NewsletterQuery):
    """Every area's root fields, merged (what ``strawberry.tools.merge_types`` does, with a description)."""


class CitynewsSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Logs unexpected errors only: a client's bad input is its answer, an outage one line, not a traceback."""
        if not settings.CITYNEWS_GRAPHQL_INTROSPECTION:
            hide_suggestions(errors)
        unexpected = []
        for error in errors:
            original = error.original_error
            if isinstance(error, CodedError) or original is None or isinstance(original, ApiError | GraphQLError):
                continue  # a parse, validation or input error: the client's, answered with its code
            if isinstance(original, OUTAGES):
                logger.warning("Service unavailable: %s", str(original).strip())
            else:
                unexpected.append(error)
        if unexpected:
            super().process_errors(unexpected, execution_context)


schema = CitynewsSchema(
    query=Query,
    types=[HomePage, SectionPage],
    execution_context_class=LeanExecution,
    extensions=[
        ErrorCodes,
        TokenLimit,
        lambda: AddValidationRules([DepthLimitRule, AliasLimitRule, SafeStringsRule]),
        introspection_policy,
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        CostLimiter,
    ],
)
compile_argument_conversion(schema)
