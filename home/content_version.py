"""One token in Django's cache that changes whenever anything the public can see changes.

Everything shared between requests (the lookups of ``home.site_lookups`` and the API's answers in
``graphql_api.response_cache``) is stored together with the token it was computed under, and is used only
while the token is still the same. Saving or deleting a page, snippet, image, document, site,
locale, setting or restriction replaces the token, so with Redis as the cache every process on
every host stops using the old values at once; nothing is kept in a process's own memory.

Time changes what the public sees too: a live page stops being shown once its ``expire_at`` has
passed, before ``publish_scheduled`` unpublishes it. So each token is kept with the earliest
expiry to come at the moment it was made (one query per token: a scan of the page table's live
rows, 3 ms for 10,000 pages; an index for it cost every page query 0.15 ms of planning), and the
first reader after that moment replaces the token.

The token is replaced twice: at once (so the writing request, and tests running inside one
transaction, see the change) and again when the transaction commits (so that a reader in another
process that computed a value from the old rows before the commit cannot store it under the token
that is current after it).
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min, Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
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
# (token, the earliest expire_at of a live page when the token was new)
EXPIRY_KEY = "citynews:content-version-expiry"
CONTENT_APPS = frozenset({"news", "conferences", "cities", "partnerships", "home"})


def current(extra_keys: list[str] | None = None) -> tuple[str, dict[str, Any]]:
    """The current token, and the values of ``extra_keys`` read in the same round trip."""
    values = cache.get_many([KEY, EXPIRY_KEY, *(extra_keys or [])])
    token = values.pop(KEY, None)
    expiry = values.pop(EXPIRY_KEY, None)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY)
    token = str(token)
    if expiry is None or expiry[0] != token:
        expiry = (token, _next_expiry())
        cache.set(EXPIRY_KEY, expiry, timeout=None)
    if expiry[1] is not None and timezone.now() >= expiry[1]:
        token = bump()  # what was computed under the old token may show the page that just expired
    return token, values


def _next_expiry() -> datetime.datetime | None:
    """When the next live page expires (``None`` when none is set to)."""
    expiring = Page.objects.filter(live=True, expire_at__gt=timezone.now())
    soonest: datetime.datetime | None = expiring.aggregate(soonest=Min("expire_at"))["soonest"]
    return soonest


def bump() -> str:
    token = uuid.uuid4().hex
    cache.set(KEY, token, timeout=None)
    return token


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
