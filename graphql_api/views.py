"""The ``/graphql/`` endpoint: GET and POST, GraphiQL when settings allow, per-request context."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView

from .context import ApiContext
from .schema import schema


class CitynewsGraphQLView(GraphQLView):
    def get_context(self, request: HttpRequest, response: HttpResponse) -> ApiContext:
        return ApiContext(request=request, response=response)

    def should_render_graphql_ide(self, request) -> bool:
        return settings.CITYNEWS_GRAPHIQL and super().should_render_graphql_ide(request)


graphql_view = csrf_exempt(
    CitynewsGraphQLView.as_view(schema=schema, graphql_ide="graphiql", allow_queries_via_get=True)
)
