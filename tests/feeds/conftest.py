"""Feed tests reuse the API tests' real HTTP server and content (a small programme)."""

from tests.graphql_api.conftest import api_url, content  # noqa: F401 (fixtures)
