"""One token in Django's cache that changes whenever anything the public can see changes.

Everything shared between requests (the lookups of ``home.site_lookups`` and the API's answers in
``graphql_api.response_cache``) is stored together with the token it was computed under, and is used only
while the token is still the same. Saving or deleting a page, snippet, image, document, site,
locale, setting or restriction replaces the token, so with Redis as the cache every process on
every host stops using the old values at once. A process keeps the token, and what it read or
stored under it, only while Redis has told it of no change (``version_watch``).

Time changes what the public sees too: a live page stops being shown once its ``expire_at`` has
passed, before ``publish_scheduled`` unpublishes it, and a conference's status changes with the
date. So each token is kept with the earliest expiry to come, or the next midnight, at the moment
it was made (one query per token: a scan of the page table's live
rows, 3 ms for 10,000 pages; an index for it cost every page query 0.15 ms of planning), and the
first reader after that moment replaces the token.

The token is replaced twice: at once (so the writing request, and tests running inside one
transaction, see the change) and again when the transaction commits (so that a reader in another
process that computed a value from the old rows before the commit cannot store it under the token
that is current after it).
"""

from __future__ import annotations

import datetime
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from django.conf import settings
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
from .version_watch import VersionWatch

KEY = "citynews:content-version"
# (token, the earliest expire_at of a live page when the token was new)
EXPIRY_KEY = "citynews:content-version-expiry"
CONTENT_APPS = frozenset({"news", "conferences", "cities", "partnerships", "home"})


@dataclass
class _Kept:
    """The token this process read, and the values it read or stored under it: used while the
    watch (``version_watch``) has had no notice of a change, dropped with the token."""

    watch: VersionWatch  # the Redis it was read from (tests point the cache elsewhere)
    token: str
    expiry: datetime.datetime | None
    values: OrderedDict[str, tuple[float, int, Any]] = field(default_factory=OrderedDict)
    size: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)  # `make run` serves in threads

    def keep(self, key: str, stored: tuple[float, int, Any]) -> None:
        """Keeps a value as ``store`` wrote it, dropping the least recently used beyond the bounds."""
        with self.lock:
            if (old := self.values.pop(key, None)) is not None:
                self.size -= old[1]
            self.values[key] = stored
            self.size += stored[1]
            while self.size > KEPT_BYTES or len(self.values) > KEPT_VALUES:
                _key, (_expires, size, _value) = self.values.popitem(last=False)
                self.size -= size

    def value(self, key: str) -> tuple[float, int, Any] | None:
        with self.lock:
            stored = self.values.get(key)
            if stored is None or stored[0] <= time.time():
                return None
            self.values.move_to_end(key)
            return stored


# What one process keeps of the values stored under the token (the rest is read from the cache).
KEPT_BYTES = 32 * 1024 * 1024
KEPT_VALUES = 1000
_kept: _Kept | None = None


def current(keys: list[str] | None = None) -> tuple[str, dict[str, Any]]:
    """The current token, and the values ``store``d at ``keys`` that have not expired, read in the
    same round trip (or none at all, while this process's watch has had no notice of a change)."""
    global _kept
    keys = keys or []
    watch = _watch()
    kept = _kept if watch is not None and _kept is not None and _kept.watch is watch and watch.unchanged() else None
    if kept is not None:
        found = {key: stored for key in keys if (stored := kept.value(key)) is not None}
        if missing := [key for key in keys if key not in found]:
            for key, stored in _unwrapped(cache.get_many(missing)).items():
                kept.keep(key, stored)
                found[key] = stored
        token, expiry = kept.token, kept.expiry
    else:
        trusted = watch is not None and watch.start_reading()
        read = cache.get_many([KEY, EXPIRY_KEY, *keys])
        token, expiry = _settled(read.pop(KEY, None), read.pop(EXPIRY_KEY, None))
        found = _unwrapped(read)
        _kept = kept = _Kept(watch, token, expiry) if watch is not None and trusted else None
        if kept is not None:
            for key, stored in found.items():
                kept.keep(key, stored)
    if expiry is not None and timezone.now() >= expiry:
        token = bump()  # what was computed under the old token may show the page that just expired
        _kept = None
    return token, {key: value for key, (_expires, _size, value) in found.items()}


class Versioned(Protocol):
    """A value that records the token it was computed under."""

    @property
    def token(self) -> str: ...


V = TypeVar("V", bound=Versioned)


def current_value(key: str, kind: type[V]) -> tuple[str, V | None]:
    """The current token, and the ``kind`` stored at ``key`` if it was computed under that token."""
    token, values = current([key])
    stored = values.get(key)
    return token, stored if isinstance(stored, kind) and stored.token == token else None


def store(key: str, value: Any, timeout: int, size: int = 0) -> None:
    """Stores ``value`` at ``key`` for every process, for ``timeout`` seconds; this process keeps
    it too while the token holds. ``size``: about how many bytes it holds (for what is kept)."""
    stored = (time.time() + timeout, size, value)
    cache.set(key, stored, timeout)
    if _kept is not None:
        _kept.keep(key, stored)


def _unwrapped(values: dict[str, Any]) -> dict[str, tuple[float, int, Any]]:
    """The values as ``store`` wrote them: (expires at, size, value); anything else is ignored."""
    return {key: stored for key, stored in values.items() if isinstance(stored, tuple) and len(stored) == 3}


def _settled(token: Any, expiry: Any) -> tuple[str, datetime.datetime | None]:
    """The token (made when there is none) and when it must be replaced."""
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(KEY)
    token = str(token)
    if expiry is None or expiry[0] != token:
        expiry = (token, _next_expiry())
        cache.set(EXPIRY_KEY, expiry, timeout=None)
    moment: datetime.datetime | None = expiry[1]
    return token, moment


@lru_cache(maxsize=4)
def _watch_of(location: str, prefix: str) -> VersionWatch:
    return VersionWatch(location, prefix)


def _watch() -> VersionWatch | None:
    """The watch of the token's keys when the cache is Redis (a process's own cache needs none)."""
    config = settings.CACHES["default"]
    if config["BACKEND"] != "django_redis.cache.RedisCache":
        return None
    return _watch_of(config["LOCATION"], cache.make_key(KEY))


def _next_expiry() -> datetime.datetime:
    """When the token must end: when the next live page expires, or at the next midnight (a
    conference's status, a `status:` filter and the feeds' upcoming lists go by today's date),
    whichever comes first."""
    now = timezone.now()
    midnight = datetime.datetime.combine(
        timezone.localdate(now) + datetime.timedelta(days=1), datetime.time(), tzinfo=timezone.get_current_timezone()
    )
    expiring = Page.objects.filter(live=True, expire_at__gt=now)
    soonest: datetime.datetime | None = expiring.aggregate(soonest=Min("expire_at"))["soonest"]
    return midnight if soonest is None else min(soonest, midnight)


def bump() -> str:
    global _kept
    token = uuid.uuid4().hex
    cache.set(KEY, token, timeout=None)
    _kept = None
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
