"""Webhook endpoints (managed by admins) and the record of every delivery and attempt to them."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    """What happened; a front end rebuilds or purges the pages an event names in ``affected``."""

    PAGE_PUBLISHED = "page.published", _("Page published (also a scheduled go-live)")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished (also a scheduled expiry)")
    PAGE_DELETED = "page.deleted", _("Published page deleted")
    PAGE_MOVED = "page.moved", _("Published page moved")
    SNIPPET_CHANGED = "snippet.changed", _("Snippet created or changed")
    SNIPPET_DELETED = "snippet.deleted", _("Snippet deleted")
    IMAGE_CHANGED = "image.changed", _("Image created or changed")
    IMAGE_DELETED = "image.deleted", _("Image deleted")
    DOCUMENT_CHANGED = "document.changed", _("Document created or changed")
    DOCUMENT_DELETED = "document.deleted", _("Document deleted")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def all_events() -> list[str]:
    return list(Event.values)


class WebhookEndpoint(models.Model):
    """A website (or build service) told about every change it subscribed to."""

    name = models.CharField(max_length=100, help_text=_("Who receives it, e.g. 'Public website (Vercel)'."))
    url = models.URLField(max_length=500, help_text=_("Events are POSTed here as JSON."))
    secret = models.CharField(
        max_length=200,
        default=new_secret,
        help_text=_("Signs every body (HMAC-SHA256, header X-Citynews-Signature). Give it to the receiver."),
    )
    events = models.JSONField(default=all_events, help_text=_("Send only these events."))
    active = models.BooleanField(default=True, help_text=_("Inactive endpoints receive nothing."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    """One event for one endpoint: the exact body that is signed and sent, and how sending went.

    Its id is the ``X-Citynews-Delivery`` header, the same on every retry, so a receiver can
    ignore a delivery it has already processed.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed (gave up)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=Event.choices)
    body = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True, help_text=_("Of the last attempt."))
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint} ({self.get_status_display()})"


class WebhookAttempt(models.Model):
    """One POST of a delivery: its response code, or why there was none."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField()
    response_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    succeeded = models.BooleanField()

    class Meta:
        verbose_name = _("webhook attempt")
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["delivery", "number"], name="unique_webhook_attempt_number")]

    def __str__(self) -> str:
        return f"Attempt {self.number} of {self.delivery}"
