"""``manage.py clean_rich_text``: runs the rich-text cleaning over content stored before it existed."""

from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField

from home.rich_text_fields import CleanRichTextField, placeholder_links_in


def _stored(model: type[models.Model], fields: list[str]) -> dict[Any, list[Any]]:
    """What the table holds, comparable before and after (a StreamField as its raw JSON data)."""
    return {
        row[0]: [list(value.raw_data) if isinstance(value, StreamValue) else value for value in row[1:]]
        for row in model._base_manager.values_list("pk", *fields)
    }


class Command(BaseCommand):
    help = "Clean every stored rich text (Office markers, markdown, empty paragraphs, dead links); list dead links."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = 0
        for model in apps.get_models():
            fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, CleanRichTextField | StreamField)]
            if not fields or model._meta.proxy:
                continue
            before = _stored(model, fields)
            with transaction.atomic():
                for instance in model._base_manager.iterator():
                    for words in placeholder_links_in(instance):
                        self.stdout.write(
                            f"{model._meta.label} {instance.pk}: link without an address removed: {words}"
                        )
                    # Model.save itself, not a subclass's: cleaning creates no revision and re-runs no validation.
                    models.Model.save(instance, update_fields=fields)
            after = _stored(model, fields)
            changed += sum(1 for pk, values in after.items() if before.get(pk) != values)
        self.stdout.write(f"{changed} object(s) cleaned.")
