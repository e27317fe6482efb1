"""The ``/graphql/`` endpoint: GET and POST, GraphiQL when settings allow, HTTP semantics.

A request that never reached execution (unparsable, invalid, over a limit, bad variables) is
answered with HTTP 400; answers to GET queries without errors may be cached by proxies for
``CITYNEWS_GRAPHQL_CACHE_SECONDS``.
"""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView

from .context import ApiContext
from .response_cache import cache_responses
from .schema import schema


class CitynewsGraphQLView(GraphQLView):
    def get_context(self, request: HttpRequest, response: HttpResponse) -> ApiContext:
        return ApiContext(request=request, response=response)

    def should_render_graphql_ide(self, request: object) -> bool:
        return settings.CITYNEWS_GRAPHIQL and super().should_render_graphql_ide(request)

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        response = super().dispatch(request, *args, **kwargs)
        if response.get("Content-Type", "").startswith("application/json"):
            body = json.loads(response.content)
            errors = body.get("errors") if isinstance(body, dict) else None
            if errors and body.get("data") is None and not any(error.get("path") for error in errors):
                response.status_code = 400
            if request.method == "GET" and not errors and response.status_code == 200:
                patch_cache_control(response, public=True, max_age=settings.CITYNEWS_GRAPHQL_CACHE_SECONDS)
            else:
                patch_cache_control(response, no_store=True)
            patch_vary_headers(response, ["Accept-Language"])
        return response


graphql_view = cache_responses(
    csrf_exempt(CitynewsGraphQLView.as_view(schema=schema, graphql_ide="graphiql", allow_queries_via_get=True))
)
