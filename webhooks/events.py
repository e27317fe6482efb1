"""From Wagtail's and Django's signals to deliveries: which changes are events, sent once per commit.

An event is recorded when the change commits (never for a rolled-back one), once per object
and event however often the object was saved in that transaction. Recording is a few inserts,
one delivery row and one task per subscribed endpoint; the sending happens in the task worker,
so an editor's publish never waits for an endpoint.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .models import Event, WebhookDelivery, WebhookEndpoint
from .payload import build_payload
from .tasks import deliver_webhook

logger = logging.getLogger(__name__)
BATCH_ATTRIBUTE = "_citynews_webhook_batch"  # on the database connection: one batch per transaction


@dataclass
class _Batch:
    """The events of one transaction, by (event, model, id): the last payload of each wins."""

    payloads: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)

    def flush(self) -> None:
        # Wagtail unpublishes a live page it deletes: its deletion says all.
        deleted = {(p["type"], p["id"]) for p in self.payloads.values() if p["event"] == Event.PAGE_DELETED}
        record(
            [
                payload
                for payload in self.payloads.values()
                if not (payload["event"] == Event.PAGE_UNPUBLISHED and (payload["type"], payload["id"]) in deleted)
            ]
        )


def record(payloads: list[dict[str, Any]]) -> None:
    """A delivery and its first task for every active endpoint subscribed to each payload's event."""
    if not payloads:
        return
    endpoints = list(WebhookEndpoint.objects.filter(active=True))
    with transaction.atomic():
        for payload in payloads:
            for endpoint in endpoints:
                if payload["event"] in endpoint.events:
                    delivery = WebhookDelivery.objects.create(
                        endpoint=endpoint, event=payload["event"], body=encode(payload)
                    )
                    deliver_webhook.enqueue(str(delivery.pk))


def encode(payload: dict[str, Any]) -> str:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def emit(event: str, obj: Model) -> None:
    """Record ``event`` about ``obj`` when the current transaction commits (now, outside one).

    A failure here is logged, never raised: it must not undo or break the editor's change.
    """
    try:
        _emit(event, obj)
    except Exception:
        logger.exception("Could not record webhook event %s for %r; the change itself was saved.", event, obj)


def _emit(event: str, obj: Model) -> None:
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return  # the usual case without webhooks: one cheap query, no payload to build
    payload = build_payload(event, obj)
    if not connection.in_atomic_block:
        record([payload])
        return
    batch: _Batch | None = getattr(connection, BATCH_ATTRIBUTE, None)
    pending = [callback for _savepoints, callback, _robust in connection.run_on_commit]
    if batch is None or batch.flush not in pending:
        # The batch of an earlier transaction has run, or was dropped with a rollback.
        batch = _Batch()
        setattr(connection, BATCH_ATTRIBUTE, batch)
        transaction.on_commit(batch.flush, robust=True)
    batch.payloads[(payload["event"], payload["type"], payload["id"])] = payload


def _on_published(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    emit(Event.PAGE_PUBLISHED, instance)


def _on_unpublished(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    emit(Event.PAGE_UNPUBLISHED, instance)


def _on_moved(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    if instance.live:
        emit(Event.PAGE_MOVED, Page.objects.get(pk=instance.pk))


def _on_page_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    # Before the deletion, while the reference index still knows what the page was linked with.
    if isinstance(instance, Page) and instance.live:
        emit(Event.PAGE_DELETED, instance)


def _content_event(kind: str) -> tuple[Callable[..., None], Callable[..., None]]:
    """Handlers for saves and deletions of one kind of content: ``snippet``, ``image`` or ``document``."""

    def changed(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
        if not raw:
            emit(f"{kind}.changed", instance)

    def deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
        emit(f"{kind}.deleted", instance)

    return changed, deleted


def connect() -> None:
    """Connect the handlers (from ``AppConfig.ready``, once every snippet is registered)."""
    page_published.connect(_on_published, dispatch_uid="webhooks.page_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="webhooks.page_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="webhooks.page_moved")
    pre_delete.connect(_on_page_deleted, dispatch_uid="webhooks.page_deleted")
    watched = [(model, "snippet") for model in get_snippet_models() if model._meta.app_label != "webhooks"]
    watched += [(get_image_model(), "image"), (get_document_model(), "document")]
    for model, kind in watched:
        changed, deleted = _content_event(kind)
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"webhooks.changed.{model._meta.label}")
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"webhooks.deleted.{model._meta.label}")
