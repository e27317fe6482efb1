"""Content-Security-Policy and Permissions-Policy on the admin and /graphql/; no suggestions without introspection."""

from __future__ import annotations

import pytest
import requests


def policy(header: str) -> dict[str, set[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: set(values) for name, *values in directives}


@pytest.mark.parametrize("path", ["/admin/login/", "/graphql/?query=%7B__typename%7D", "/admin/"])
def test_csp_and_permissions_policy_are_on_every_answer(api_url, db, path):
    response = requests.get(api_url + path, timeout=10, allow_redirects=False)

    csp = policy(response.headers["Content-Security-Policy"])
    assert csp["default-src"] == {"'self'"}
    assert csp["script-src"] >= {"'self'"}
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == {"'none'"}
    assert csp["frame-ancestors"] == {"'self'"}
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_the_admin_allows_no_inline_script(api_url, db):
    csp = policy(requests.get(f"{api_url}/admin/login/", timeout=10).headers["Content-Security-Policy"])

    assert csp["script-src"] == {"'self'"}


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ('{ newsItem(slug: "x") { titel } }', "title"),
        ('{ newsItm(slug: "x") { title } }', "newsItem"),
        ('{ newsItem(slugg: "x") { title } }', "slug"),
    ],
)
@pytest.mark.parametrize("introspection", [True, False])
def test_did_you_mean_only_while_introspection_is_on(api_url, db, settings, query, hint, introspection):
    settings.CITYNEWS_GRAPHQL_INTROSPECTION = introspection

    response = requests.post(f"{api_url}/graphql/", json={"query": query}, timeout=10)

    assert response.status_code == 400
    assert ("Did you mean" in response.text) is introspection
    assert (f"'{hint}'" in response.text) is introspection
