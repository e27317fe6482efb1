"""Sending one delivery: sign, POST, record the attempt, and schedule the retry if it failed.

A delivery is attempted only while it is pending and due, under a row lock, so two workers (or
a task enqueued twice) never send it twice; each failed attempt enqueues exactly one retry.
Retries follow 5xx answers, 408/429, timeouts and refused connections, after
``CITYNEWS_WEBHOOK_RETRY_SECONDS`` doubled at each attempt, up to ``CITYNEWS_WEBHOOK_MAX_ATTEMPTS``.
Any other 4xx is the receiver refusing this body: retrying would not help.
"""

import datetime
import hashlib
import hmac
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import WebhookAttempt, WebhookDelivery

SIGNATURE_HEADER = "X-Citynews-Signature"
DELIVERY_HEADER = "X-Citynews-Delivery"
EVENT_HEADER = "X-Citynews-Event"
RETRYABLE_CODES = {408, 429}


def signature(secret: str, body: bytes) -> str:
    """``sha256=`` and the hex HMAC-SHA256 of the raw body, keyed with the endpoint's secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Outcome:
    response_code: int | None
    error: str

    @property
    def succeeded(self) -> bool:
        return self.response_code is not None and 200 <= self.response_code < 300

    @property
    def retryable(self) -> bool:
        return self.response_code is None or self.response_code >= 500 or self.response_code in RETRYABLE_CODES


def post(delivery: WebhookDelivery) -> Outcome:
    body = delivery.body.encode()
    request = urllib.request.Request(  # noqa: S310 (an admin-configured http(s) URL)
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Citynews-Webhooks/1",
            EVENT_HEADER: delivery.event,
            DELIVERY_HEADER: str(delivery.pk),
            SIGNATURE_HEADER: signature(delivery.endpoint.secret, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.CITYNEWS_WEBHOOK_TIMEOUT_SECONDS) as response:  # noqa: S310
            return Outcome(response.status, "")
    except urllib.error.HTTPError as error:
        return Outcome(error.code, f"HTTP {error.code} {error.reason}"[:300])
    except (OSError, ValueError) as error:  # refused, timed out, DNS, TLS, malformed URL...
        reason = getattr(error, "reason", error)
        return Outcome(None, f"{type(error).__name__}: {reason}"[:300])


def retry_delay(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.CITYNEWS_WEBHOOK_RETRY_SECONDS * 2 ** (attempts - 1))


def attempt(delivery_id: str) -> datetime.datetime | None:
    """Send the delivery if it is pending and due; returns when to retry it, if it must be."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("endpoint")
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING)
            .first()
        )
        if delivery is None:
            return None  # delivered, given up, not due yet, or in another worker's hands
        started = time.monotonic()
        outcome = post(delivery)
        delivery.attempts += 1
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=delivery.attempts,
            started_at=now,
            duration_ms=int((time.monotonic() - started) * 1000),
            response_code=outcome.response_code,
            error=outcome.error,
            succeeded=outcome.succeeded,
        )
        delivery.response_code = outcome.response_code
        if outcome.succeeded:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = timezone.now()
            delivery.next_attempt_at = None
        elif outcome.retryable and delivery.attempts < settings.CITYNEWS_WEBHOOK_MAX_ATTEMPTS:
            delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
        else:
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.next_attempt_at = None
        delivery.save()
        return delivery.next_attempt_at
