"""The background task that sends a delivery; ``manage.py db_worker --backend webhooks`` runs it."""

from django.db import transaction
from django_tasks import task

from .delivery import attempt


@task(backend="webhooks", queue_name="webhooks")
def deliver_webhook(delivery_id: str) -> None:
    # The retry is enqueued in the transaction that records the failed attempt: exactly one each.
    with transaction.atomic():
        retry_at = attempt(delivery_id)
        if retry_at is not None:
            deliver_webhook.using(run_after=retry_at).enqueue(delivery_id)
