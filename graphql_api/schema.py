"""The public schema: every area's root fields merged into one ``Query``, with the API's limits."""

import logging

import strawberry
from django.conf import settings
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from cms.outages import OUTAGES

from .arguments import compile_argument_conversion
from .cities.schema import CityQuery
from .conferences.schema import ConferenceQuery
from .errors import ApiError, CodedError
from .execution import LeanExecution
from .news.schema import NewsQuery
from .newsletter import NewsletterQuery
from .operation_rules import OperationRules
from .pages import HomePage, SectionPage
from .partnerships.schema import PartnershipQuery
from .preview import PreviewQuery
from .search import SiteQuery
from .suggestions import hide_suggestions

logger = logging.getLogger(__name__)


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
    extensions=[OperationRules],
)
compile_argument_conversion(schema)
