"""One token in Django's cache that changes whenever anything the public can see changes.

Everything shared between requests (the lookups of ``home.site_lookups`` and the API's answers in
``graphql_api.response_cache``) is stored together with the token it was computed under, and is used only
while the token is still the same. Saving or deleting a page, snippet, image, document, site,
locale, setting or restriction replaces the token, so with Redis as the cache every process on
every host stops using the old values at once; nothing is kept in a process's own memory.

The token is replaced twice: at once (so the writing request, and tests running inside one
transaction, see the change) and again when the transaction commits (so that a reader in another
process that computed a value from the old rows before the commit cannot store it under the token
that is current after it).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from .rolled_back_writes import is_rolling_back

KEY = "citynews:content-version"
CONTENT_APPS = frozenset({"news", "conferences", "cities", "partnerships", "home"})


def current(extra_keys: list[str] | None = None) -> tuple[str, dict[str, Any]]:
    """The current token, and the values of ``extra_keys`` read in the same round trip."""
    values = cache.get_many([KEY, *(extra_keys or [])])
    token = values.pop(KEY, None)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY)
    return str(token), values


def bump() -> None:
    cache.set(KEY, uuid.uuid4().hex, timeout=None)


def _changes_content(sender: type[Model]) -> bool:
    if issubclass(sender, AbstractRendition):
        return False  # a rendition is made while answering a request; it changes no answer
    if sender._meta.app_label in CONTENT_APPS:
        return True
    return issubclass(sender, Page | Site | Locale | Collection | PageViewRestriction | CollectionViewRestriction) or (
        sender in (get_image_model(), get_document_model())
    )


def _on_change(sender: type[Model], **_kwargs: Any) -> None:
    if isinstance(sender, type) and _changes_content(sender) and not is_rolling_back():
        bump()
        transaction.on_commit(bump)


def _on_page_event(**_kwargs: Any) -> None:
    bump()
    transaction.on_commit(bump)


def connect() -> None:
    """Listen for every change that can alter an answer (called once, from the app's ``ready``)."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"citynews-content-version-{id(signal)}")
    for page_signal in (page_published, page_unpublished, post_page_move):
        page_signal.connect(_on_page_event, dispatch_uid=f"citynews-content-version-{id(page_signal)}")
