"""Writes that are always rolled back (a preview's), kept from acting outside their transaction.

The GraphQL ``preview`` writes the previewed state so that the live loaders can read it, then rolls
it back. Wagtail indexes every saved page for search with a task that runs at once, in that
transaction: about ten queries, one of them an UPDATE of every entry of the search index, all for a
state that is thrown away; and the content version (``content_version``) would be replaced, so every
cached answer would be computed again. ``rolled_back_writes`` marks the writes; the search index and
the content version skip them (``is_rolling_back``).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

_rolling_back: ContextVar[bool] = ContextVar("citynews_rolled_back_writes", default=False)


@contextmanager
def rolled_back_writes() -> Iterator[None]:
    """A transaction that is always rolled back, whose saves are not indexed for search."""
    marker = _rolling_back.set(True)
    try:
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
    finally:
        _rolling_back.reset(marker)


def is_rolling_back() -> bool:
    """Whether the current write is inside ``rolled_back_writes``."""
    return _rolling_back.get()


def _index_unless_rolled_back(instance: Model, **kwargs: Any) -> None:
    if not _rolling_back.get():
        post_save_signal_handler(instance, **kwargs)


def guard_search_index() -> None:
    """Puts ``_index_unless_rolled_back`` in place of Wagtail's index-on-save (after Wagtail's search app is ready)."""
    for model in index.get_indexed_models():
        if post_save.disconnect(post_save_signal_handler, sender=model):
            post_save.connect(_index_unless_rolled_back, sender=model)
