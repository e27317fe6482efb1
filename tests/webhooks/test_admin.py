"""The admin's Webhooks menu: admins manage endpoints and read deliveries; editors see none of it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

ENDPOINTS = "/admin/snippets/webhooks/webhookendpoint/"
DELIVERIES = "/admin/snippets/webhooks/webhookdelivery/"
ATTEMPTS = "/admin/snippets/webhooks/webhookattempt/"


@pytest.fixture
def admin_client(db: None) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    return client


@pytest.fixture
def editor_client(db: None) -> Client:
    """An editor with every permission Wagtail's Editors and Moderators groups give."""
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "x")
    editor.groups.set(Group.objects.filter(name__in=["Editors", "Moderators"]))
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def delivery(db: None) -> WebhookDelivery:
    endpoint = WebhookEndpoint.objects.create(name="Public website", url="https://www.example.org/hooks")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="page.published", body="{}", status="failed", attempts=2, response_code=503
    )
    for number in (1, 2):
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=number,
            started_at=delivery.created_at,
            duration_ms=12,
            response_code=503,
            succeeded=False,
        )
    return delivery


def test_an_admin_creates_an_endpoint(admin_client):
    response = admin_client.post(
        f"{ENDPOINTS}add/",
        {
            "name": "Public website",
            "url": "https://www.example.org/hooks",
            "secret": "a-long-shared-secret",
            "events": ["page.published", "page.unpublished"],
            "active": "on",
        },
    )
    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["page.published", "page.unpublished"]
    assert endpoint.secret == "a-long-shared-secret"


def test_an_admin_reads_deliveries_with_status_code_and_attempts(admin_client, delivery):
    listing = admin_client.get(DELIVERIES).content.decode()
    assert "Public website" in listing
    assert "Failed (gave up)" in listing
    assert "503" in listing
    assert admin_client.get(ATTEMPTS).status_code == 200
    assert admin_client.get(f"{DELIVERIES}inspect/{delivery.pk}/").status_code == 200
    # Delivery records are the log: nobody edits them.
    assert admin_client.get(f"{DELIVERIES}add/").status_code != 200


@pytest.mark.parametrize("url", [ENDPOINTS, f"{ENDPOINTS}add/", DELIVERIES, ATTEMPTS])
def test_editors_cannot_see_webhooks(editor_client, delivery, url):
    response = editor_client.get(url)
    assert response.status_code in (302, 403)
    assert b"Public website" not in response.content
    assert b"webhookendpoint" not in editor_client.get("/admin/").content
