"""The rich-text field and block every content model uses: both store only cleaned HTML.

Cleaning happens where a value becomes stored data, so every path (the admin, a draft revision,
an import, a script) goes through it: ``CleanRichTextField.pre_save`` (Django's save and
modelcluster's revision serialisation both call it) and ``CleanRichTextBlock.get_prep_value``
(what a StreamField stores for each block, in the table and in revisions).
"""

from collections.abc import Iterator
from typing import Any

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from .rich_text_cleaning import clean_rich_text

PLACEHOLDER_LINKS_ATTRIBUTE = "_placeholder_links_removed"


def _record_placeholders(instance: models.Model, words: list[str]) -> None:
    if words:
        instance.__dict__.setdefault(PLACEHOLDER_LINKS_ATTRIBUTE, []).extend(words)


class CleanRichTextField(RichTextField):
    """A RichTextField whose value is cleaned (on the instance too) before it is stored."""

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)
        if not value:
            return value
        cleaned = clean_rich_text(value)
        _record_placeholders(model_instance, cleaned.placeholder_links)
        setattr(model_instance, self.attname, cleaned.html)
        return cleaned.html


class CleanRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock that stores its HTML cleaned."""

    def get_prep_value(self, value: RichText) -> str:
        return clean_rich_text(super().get_prep_value(value)).html


def _rich_texts_in_block(block: blocks.Block, value: Any) -> Iterator[RichText]:
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _rich_texts_in_block(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from _rich_texts_in_block(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _rich_texts_in_block(block.child_block, item)


def placeholder_links_in(instance: models.Model) -> list[str]:
    """The words of every link that leads nowhere, removed (or to be removed) when ``instance`` is saved.

    Rich-text fields are cleaned on the instance as it is saved and remember what they removed
    (until then the scan finds it); StreamFields are cleaned only in what is stored, so their
    in-memory blocks still show it.
    """
    found = list(instance.__dict__.get(PLACEHOLDER_LINKS_ATTRIBUTE, []))
    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, StreamField):
            stream = getattr(instance, model_field.attname)
            for rich_text in _rich_texts_in_block(model_field.stream_block, stream):
                found.extend(clean_rich_text(rich_text.source).placeholder_links)
        elif isinstance(model_field, RichTextField):
            found.extend(clean_rich_text(getattr(instance, model_field.attname) or "").placeholder_links)
    return found
