"""Content-Security-Policy and Permissions-Policy on the admin and /graphql/; no suggestions without introspection."""

from __future__ import annotations

import pytest
import requests


def policy(header: str) -> dict[str, set[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: set(values) for name, *values in directives}


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/graphql/?query=%7B__typename%7D", "/nowhere/"])
def test_csp_and_permissions_policy_are_on_every_answer(api_url, db, path):
    response = requests.get(api_url + path, timeout=30, allow_redirects=False)

    csp = policy(response.headers["Content-Security-Policy"])
    assert csp["object-src"] == {"'none'"}
    assert "'unsafe-eval'" not in csp["script-src"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def test_the_admin_runs_scripts_from_its_own_origin_only(api_url, db):
    csp = policy(requests.get(f"{api_url}/admin/login/", timeout=30).headers["Content-Security-Policy"])

    assert csp["default-src"] == {"'self'"}
    assert csp["script-src"] == {"'self'", "'unsafe-inline'"}  # Wagtail's page editor runs inline scripts
    assert csp["frame-ancestors"] == {"'self'"}
    assert csp["form-action"] == {"'self'"}


@pytest.mark.parametrize("graphiql", [False, True])
def test_the_api_allows_nothing_but_graphiql_s_scripts_when_it_is_on(api_url, db, settings, graphiql):
    settings.CITYNEWS_GRAPHIQL = graphiql

    response = requests.get(f"{api_url}/graphql/", headers={"Accept": "text/html"}, timeout=30)

    csp = policy(response.headers["Content-Security-Policy"])
    if graphiql:
        assert "https://unpkg.com" in csp["script-src"]
    else:
        assert csp["default-src"] == csp["script-src"] == csp["connect-src"] == {"'none'"}


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

    response = requests.post(f"{api_url}/graphql/", json={"query": query}, timeout=30)

    assert response.status_code == 400
    assert ("Did you mean" in response.text) is introspection
    assert (f"'{hint}'" in response.text) is introspection
