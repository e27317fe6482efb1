"""The public schema: every area's root fields merged into one ``Query``, with the API's limits."""

import strawberry
from django.conf import settings
from graphql import GraphQLError
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from .cities.schema import CityQuery
from .conferences.schema import ConferenceQuery
from .errors import ApiError, ErrorCodes
from .limits import MAX_TOKENS, AliasLimitRule, DepthLimitRule, IntrospectionPolicyRule
from .news.schema import NewsQuery
from .newsletter import NewsletterQuery
from .pages import HomePage, SectionPage
from .partnerships.schema import PartnershipQuery
from .search import SiteQuery


def validation_rules() -> AddValidationRules:
    """The limits, and the introspection ban while settings switch introspection off.

    The rule list is part of ``ValidationCache``'s key, so it must change with the switch: a
    query validated while introspection was on is otherwise served from the cache once it is off.
    """
    rules = [DepthLimitRule, AliasLimitRule]
    if not settings.CITYNEWS_GRAPHQL_INTROSPECTION:
        rules.append(IntrospectionPolicyRule)
    return AddValidationRules(rules)


Query = merge_types("Query", (NewsQuery, ConferenceQuery, CityQuery, PartnershipQuery, SiteQuery, NewsletterQuery))


class CitynewsSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Logs unexpected errors only: a client's bad input is its answer, not an incident."""
        unexpected = [error for error in errors if not isinstance(error.original_error, ApiError)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


schema = CitynewsSchema(
    query=Query,
    types=[HomePage, SectionPage],
    extensions=[
        ErrorCodes,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        validation_rules,
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ],
)
