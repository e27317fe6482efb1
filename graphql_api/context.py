"""What one API request knows: its site, its clock, and what has been loaded for it so far.

What is loaded here lives for one request only, so nothing leaks between requests or sites; the
site-wide lookups come from ``shared_lookups``, which every process shares through the cache.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .shared_lookups import SiteLookups, lookups_for


@dataclass
class ApiContext:
    request: HttpRequest
    response: HttpResponse
    now: datetime.datetime = field(default_factory=timezone.now)
    # Objects loaded by the query planner, keyed by model label and primary key.
    loaded: dict[tuple[str, Any], Any] = field(default_factory=dict)

    # Keys of the content in the answer (``page-12``, ``image-3``...), for the response cache.
    content_keys: set[str] = field(default_factory=set)

    @cached_property
    def _lookups(self) -> SiteLookups:
        return lookups_for(self.request)

    @property
    def site(self) -> Site:
        return self._lookups.site

    @property
    def site_roots(self) -> list[Page]:
        """The site's root page in every language it has been translated into."""
        return self._lookups.site_roots

    @property
    def frontend_base_url(self) -> str:
        return self._lookups.frontend_base_url

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    @property
    def restricted_page_paths(self) -> list[str]:
        """Tree paths of pages with a password, login or group restriction (their subtrees too)."""
        return self._lookups.restricted_page_paths

    @property
    def restricted_collection_paths(self) -> list[str]:
        """Tree paths of collections whose images and documents are not public."""
        return self._lookups.restricted_collection_paths

    @property
    def locales(self) -> dict[str, Locale]:
        """Every locale by language code."""
        return self._lookups.locales

    @cached_property
    def default_locale(self) -> Locale:
        return self.locales[get_supported_content_language_variant(settings.LANGUAGE_CODE)]

    def add_content_keys(self, kind: str, pks: Iterable[Any]) -> None:
        """Note content in the answer; its keys go out as ``Surrogate-Key`` for CDN purges."""
        self.content_keys.update(f"{kind}-{pk}" for pk in pks)
        self.response["Surrogate-Key"] = " ".join(sorted(self.content_keys))

    def locale_code(self, locale_id: int) -> str:
        return next(code for code, locale in self.locales.items() if locale.pk == locale_id)
