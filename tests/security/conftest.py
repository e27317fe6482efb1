"""Fixtures for the deployment's rules, tried over real HTTP the way a stranger or an editor meets them.

``api_url`` is the API tests' server: a real HTTP server in a thread of the test process that
answers from the running test's database transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import requests
from django.contrib.auth import get_user_model

from home.models import FrontendSettings
from tests import factories
from tests.graphql_api.conftest import api_url  # noqa: F401 (a fixture, shared)

FRONTEND = "https://www.example.org"
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def tree(db: None) -> dict[str, Any]:
    tree = factories.make_site_tree()
    FrontendSettings.objects.update_or_create(site=tree["site"], defaults={"base_url": FRONTEND})
    return tree


@pytest.fixture
def editor(db: None) -> Any:
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def csrf_token(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=30)
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert match, f"no CSRF token on {url}"
    return match.group(1)


def post_login(session: requests.Session, base: str, username: str, password: str) -> requests.Response:
    """The admin's login form, posted as a browser posts it."""
    url = f"{base}/admin/login/"
    token = csrf_token(session, url)
    return session.post(
        url,
        data={"csrfmiddlewaretoken": token, "username": username, "password": password},
        headers={"Referer": url},
        allow_redirects=False,
        timeout=30,
    )


@pytest.fixture
def logged_in(api_url: str, editor: Any) -> Callable[[], requests.Session]:  # noqa: F811
    def login() -> requests.Session:
        session = requests.Session()
        response = post_login(session, api_url, "editor", PASSWORD)
        assert response.status_code == 302, response.text[:500]
        return session

    return login
