"""Admin login throttling (django-axes): a username is locked out from one address after 5 failures."""

from __future__ import annotations

import pytest
import requests
from django.core.management import call_command

from .conftest import PASSWORD, post_login


@pytest.fixture
def axes_on(settings, editor) -> None:
    settings.AXES_ENABLED = True
    settings.CITYNEWS_TRUSTED_PROXIES = 1  # the test tells apart addresses through X-Forwarded-For


def attempt(api_url: str, username: str, password: str, address: str = "203.0.113.9") -> requests.Response:
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address
    return post_login(session, api_url, username, password)


def fail_five_times(api_url: str) -> list[int]:
    return [attempt(api_url, "editor", f"wrong-{n}").status_code for n in range(5)]


def test_five_failures_lock_the_username_out_even_with_the_right_password(api_url, axes_on):
    statuses = fail_five_times(api_url)
    right_password = attempt(api_url, "editor", PASSWORD)

    assert statuses[:4] == [200, 200, 200, 200]  # the form again, with its error
    assert statuses[4] == 429
    assert right_password.status_code == 429
    assert "sessionid" not in right_password.cookies


def test_the_lockout_is_per_username_and_address(api_url, axes_on, django_user_model):
    django_user_model.objects.create_user("reviewer", password=PASSWORD, is_superuser=True)
    fail_five_times(api_url)

    assert attempt(api_url, "reviewer", PASSWORD).status_code == 302  # another user, same address
    assert attempt(api_url, "editor", PASSWORD, address="198.51.100.4").status_code == 302  # same user, elsewhere


@pytest.mark.parametrize(("command", "arguments"), [("axes_reset_username", ["editor"]), ("axes_reset", [])])
def test_the_reset_command_lifts_the_lockout(api_url, axes_on, command, arguments):
    fail_five_times(api_url)
    assert attempt(api_url, "editor", PASSWORD).status_code == 429

    call_command(command, *arguments)

    assert attempt(api_url, "editor", PASSWORD).status_code == 302
