"""Deliveries to a real HTTP receiver by a real ``db_worker``: signed, retried, sent once, never in the way."""

import hashlib
import hmac
import socket
import time
from collections.abc import Iterator

import pytest
from wagtail.models import Page

from tests import factories
from webhooks.models import Event, WebhookAttempt, WebhookDelivery, WebhookEndpoint

from .conftest import WORKER_ENV

# The worker reads committed data; serialized rollback restores what the migrations made (root page,
# locale) for the transactional tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECRET = "s3cret-for-tests"


def endpoint(url: str, events: list[str] | None = None) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        name="Website", url=url, secret=SECRET, events=events or [Event.PAGE_PUBLISHED]
    )


def publish_news(site_tree: dict, title: str = "Kutaisi opens a library") -> Page:
    page = factories.NewsPageFactory(parent=site_tree["news"], title=title, live=False)
    page.save_revision().publish()
    return page


def test_a_publish_is_delivered_once_and_signed(site_tree, receiver, worker):
    endpoint(receiver.url)
    page = publish_news(site_tree)
    worker()

    (request,) = receiver.wait_for(1)
    expected = "sha256=" + hmac.new(SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["X-Citynews-Signature"], expected)
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Citynews-Event"] == "page.published"
    payload = request.payload
    assert payload["event"] == "page.published"
    assert payload["type"] == "news.newspage"
    assert payload["id"] == str(page.pk)
    assert payload["urlPath"] == f"/news/{page.slug}/"
    assert str(page.pk) in payload["affected"]

    delivery = WebhookDelivery.objects.get()
    assert request.headers["X-Citynews-Delivery"] == str(delivery.pk)
    time.sleep(1.5)  # three times the first retry delay: a duplicate would have arrived by now
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 1, 200)


def test_failures_are_retried_with_backoff_until_delivered(site_tree, receiver, worker):
    for status in (503, 500):
        receiver.answers.put(status)
    endpoint(receiver.url)
    publish_news(site_tree)
    worker()

    first, second, third = receiver.wait_for(3)
    assert len({request.headers["X-Citynews-Delivery"] for request in (first, second, third)}) == 1
    assert first.body == second.body == third.body
    delay = float(WORKER_ENV["WEBHOOK_RETRY_SECONDS"])
    assert second.at - first.at >= delay
    assert third.at - second.at >= 2 * delay
    time.sleep(2.5)  # past the next backoff: a fourth POST would have been sent by now
    assert len(receiver.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("delivered", 3, 200)
    attempts = WebhookAttempt.objects.filter(delivery=delivery).order_by("number")
    assert [(a.number, a.response_code, a.succeeded) for a in attempts] == [
        (1, 503, False),
        (2, 500, False),
        (3, 200, True),
    ]


def test_a_refused_request_is_not_retried(site_tree, receiver, worker):
    receiver.answers.put(410)
    endpoint(receiver.url)
    publish_news(site_tree)
    worker()
    receiver.wait_for(1)
    time.sleep(1.5)
    assert len(receiver.requests) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("failed", 1, 410)


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """A port that accepts connections and never answers, like a hung server."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"


def test_a_dead_endpoint_does_not_slow_publishing(site_tree, silent_endpoint, worker):
    endpoint(silent_endpoint)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        refused_url = f"http://127.0.0.1:{closed.getsockname()[1]}/"
    endpoint(refused_url)

    started = time.monotonic()
    publish_news(site_tree)
    elapsed = time.monotonic() - started
    # Sending to the silent endpoint alone would take the worker's 8 s timeout.
    assert elapsed < 6, f"publishing took {elapsed:.2f}s"

    worker(WEBHOOK_TIMEOUT_SECONDS="8")
    deadline = time.monotonic() + 60
    while WebhookAttempt.objects.count() < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    attempts = {a.delivery.endpoint.url: a for a in WebhookAttempt.objects.select_related("delivery__endpoint")}
    assert attempts[silent_endpoint].response_code is None
    assert "timed out" in attempts[silent_endpoint].error
    assert attempts[refused_url].response_code is None
    assert "refused" in attempts[refused_url].error.lower()
    deliveries = WebhookDelivery.objects.all()
    assert [(d.status, d.attempts, d.next_attempt_at is not None) for d in deliveries] == [("pending", 1, True)] * 2
