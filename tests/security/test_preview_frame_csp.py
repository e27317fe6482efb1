"""The admin's policy lets its Preview panel frame each site's front-end preview origin, and only those."""

from __future__ import annotations

import pytest
import requests
from wagtail.models import Site

from cms.preview_frame_csp import preview_origins
from home.models import FrontendSettings

from .test_security_headers import policy

PREVIEW = "https://preview.example.org:8443"


@pytest.fixture
def preview_sites(db: None) -> None:
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="other.example.org", root_page=default.root_page)
    FrontendSettings.objects.create(site=default, preview_url=f"{PREVIEW}/api/preview?site=1")
    FrontendSettings.objects.create(site=other, preview_url=f"{PREVIEW}/api/preview?site=2", base_url="https://x.org")


def test_admin_pages_may_frame_the_preview_origin_and_nothing_else(api_url, preview_sites):
    admin = policy(requests.get(f"{api_url}/admin/login/", timeout=30).headers["Content-Security-Policy"])
    api = policy(requests.get(f"{api_url}/graphql/", timeout=30).headers["Content-Security-Policy"])

    assert admin["frame-src"] == {"'self'", PREVIEW}  # not the base_url, not a path
    assert admin["default-src"] == {"'self'"}
    assert PREVIEW not in api["frame-src"]


def test_without_a_preview_address_the_admin_frames_itself_only(api_url, db):
    admin = policy(requests.get(f"{api_url}/admin/login/", timeout=30).headers["Content-Security-Policy"])

    assert admin["frame-src"] == {"'self'"}


def test_the_origins_come_from_one_query(preview_sites, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert preview_origins() == [PREVIEW]
