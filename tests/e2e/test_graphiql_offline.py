"""End-to-end: GraphiQL loads and runs a query with every request outside the CMS's host blocked.

Its page, scripts and styles are the app's own static files (fetched from the npm registry at
build time by scripts/graphiql_assets.sh), so nothing comes from a CDN at run time.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, Route, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from tests.factories import NewsPageFactory, make_site_tree

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_graphiql_loads_and_runs_a_query_offline(browser_page: Page, live_server: LiveServer, settings: Settings):
    settings.CITYNEWS_GRAPHIQL = True
    tree = make_site_tree()
    NewsPageFactory(parent=tree["news"], title="Kutaisi opens its cultural hub")
    host = urlsplit(live_server.url).netloc
    outside: list[str] = []

    def only_the_cms(route: Route, request: Request) -> None:
        if urlsplit(request.url).netloc == host:
            route.continue_()
        else:
            outside.append(request.url)
            route.abort("internetdisconnected")

    browser_page.route("**/*", only_the_cms)
    browser_page.goto(f"{live_server.url}/graphql/")

    expect(browser_page.locator(".graphiql-container")).to_be_visible()
    browser_page.locator(".graphiql-execute-button").click()
    result = browser_page.locator(".graphiql-response")
    expect(result).to_contain_text('"totalCount": 1')
    expect(result).to_contain_text("Kutaisi opens its cultural hub")
    assert outside == []
