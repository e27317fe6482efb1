"""End-to-end: an editor previews an unpublished edit on the front end, through the admin's Preview.

The front end is a real HTTP server standing in for the website: the admin's Preview (the
panel's frame and "Preview in new tab") must open its preview address with a token, and that
token's ``preview`` answer must show the edit while the public API still shows the live page.
"""

import json
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.base_user import AbstractBaseUser
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from home.models import FrontendSettings
from news.models import NewsPage
from tests import factories

from .conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LIVE_TITLE = "Kutaisi opens its library"
DRAFT_TITLE = "Kutaisi opens its new central library"


class FrontEnd(BaseHTTPRequestHandler):
    """A stand-in website: every page is a bit of HTML; the paths it was asked for are kept."""

    requested: list[str] = []

    def do_GET(self) -> None:
        FrontEnd.requested.append(self.path)
        body = b"<!doctype html><title>Front end</title><h1>Front-end preview</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def front_end() -> Iterator[str]:
    FrontEnd.requested = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FrontEnd)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join()


def graphql(live_server: LiveServer, query: str, variables: dict) -> dict:
    request = urllib.request.Request(  # noqa: S310 (the live test server)
        f"{live_server.url}/graphql/",
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def test_editor_previews_an_unpublished_title_on_the_front_end(
    live_server: LiveServer, browser_page: Page, site_tree: dict, editor: AbstractBaseUser, front_end: str
) -> None:
    FrontendSettings.objects.create(site=site_tree["site"], base_url=front_end, preview_url=f"{front_end}/api/preview")
    item = factories.NewsPageFactory(parent=site_tree["news"], title=LIVE_TITLE, slug="library")
    page = browser_page

    sign_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{item.pk}/edit/")
    page.fill("#id_title", DRAFT_TITLE)
    page.get_by_role("button", name="Toggle preview").click()
    # The panel's frame follows the redirect to the front end's preview address.
    frame = page.frame_locator("iframe.w-preview__iframe").last
    expect(frame.locator("h1")).to_have_text("Front-end preview")

    with page.context.expect_page() as new_tab:
        page.get_by_role("link", name="Preview in new tab").click()
    tab = new_tab.value
    tab.wait_for_load_state()
    opened = urllib.parse.urlsplit(tab.url)
    assert f"{opened.scheme}://{opened.netloc}{opened.path}" == f"{front_end}/api/preview"
    (token,) = urllib.parse.parse_qs(opened.query)["token"]

    preview = graphql(
        live_server, "query($token: String!) { preview(token: $token) { __typename id title } }", {"token": token}
    )
    assert preview["data"] == {"preview": {"__typename": "NewsItem", "id": str(item.pk), "title": DRAFT_TITLE}}
    public = graphql(
        live_server,
        "query($id: ID!, $path: String!) { newsItem(id: $id) { title } page(urlPath: $path) { title } }",
        {"id": str(item.pk), "path": "/news/library/"},
    )
    assert public["data"] == {"newsItem": {"title": LIVE_TITLE}, "page": {"title": LIVE_TITLE}}  # beside the query cost
    assert NewsPage.objects.get(pk=item.pk).title == LIVE_TITLE  # nothing was saved or published
    # The panel's frame and the new tab each opened the preview address with a token of its own.
    previews = [path for path in FrontEnd.requested if path.startswith("/api/preview")]
    assert len(previews) >= 2
    assert all(path.startswith("/api/preview?token=") for path in previews)
