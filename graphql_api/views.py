"""The ``/graphql/`` endpoint: GET and POST, GraphiQL when settings allow, HTTP semantics.

A malformed request is refused by ``http_input`` before strawberry reads it; a request that never
reached execution (unparsable, invalid, over a limit, bad variables) is answered with HTTP 400; a
database outage with 503 and ``Retry-After``; answers to GET queries without errors may be cached by
proxies for ``CITYNEWS_GRAPHQL_CACHE_SECONDS``.
"""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.base import BaseRequestProtocol
from strawberry.types import ExecutionResult

from cms.outages import RETRY_AFTER_SECONDS

from .context import ApiContext
from .errors import SERVICE_UNAVAILABLE
from .http_input import graphql_shaped, refuse_malformed
from .schema import schema


class CitynewsGraphQLView(GraphQLView[ApiContext, None]):
    def get_context(self, request: HttpRequest, response: HttpResponse) -> ApiContext:
        return ApiContext(request=request, response=response)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        return settings.CITYNEWS_GRAPHIQL and super().should_render_graphql_ide(request)

    # The answer as strawberry made it, before JSON (one instance per request, as Django's views).
    answer: GraphQLHTTPResponse | None = None

    def process_result(self, request: HttpRequest, result: ExecutionResult) -> GraphQLHTTPResponse:
        self.answer = super().process_result(request, result)
        return self.answer

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        response = graphql_shaped(super().dispatch(request, *args, **kwargs))
        if response.get("Content-Type", "").startswith("application/json"):
            # A refusal made before execution has no answer of strawberry's: read its JSON.
            body = self.answer if self.answer is not None else json.loads(response.content)  # type: ignore[attr-defined]
            apply_http_semantics(request, response, body)
        return response


def apply_http_semantics(request: HttpRequest, response: HttpResponseBase, body: Any) -> None:
    """Status code and cache headers from what the GraphQL answer (``body``) says."""
    errors = (body.get("errors") if isinstance(body, dict) else None) or []
    codes = {(error.get("extensions") or {}).get("code") for error in errors}
    if SERVICE_UNAVAILABLE in codes:
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    elif errors and body.get("data") is None and not any(error.get("path") for error in errors):
        response.status_code = max(response.status_code, 400)
    private = "no-store" in response.get("Cache-Control", "")  # e.g. a preview of a draft
    if request.method == "GET" and not errors and response.status_code == 200 and not private:
        patch_cache_control(response, public=True, max_age=settings.CITYNEWS_GRAPHQL_CACHE_SECONDS)
    else:
        patch_cache_control(response, no_store=True)


graphql_view = refuse_malformed(
    csrf_exempt(CitynewsGraphQLView.as_view(schema=schema, graphql_ide="graphiql", allow_queries_via_get=True))
)
graphql_view.language_neutral = True  # type: ignore[attr-defined]  # see cms.middleware.LocaleMiddleware
