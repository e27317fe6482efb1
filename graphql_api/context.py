"""What one API request knows: its site, its clock, and what has been loaded for it so far.

Everything cached here lives for one request only, so a response is always built from one
consistent view of the database and nothing leaks between requests or sites.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

from home.models import FrontendSettings


@dataclass
class ApiContext:
    request: HttpRequest
    response: HttpResponse
    now: datetime.datetime = field(default_factory=timezone.now)
    # What loaders fetched, keyed by kind and identity, e.g. ("image", pk) or ("page-url", locale pk, pk).
    loaded: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    @cached_property
    def site(self) -> Site:
        site = Site.find_for_request(self.request)
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        return site

    @cached_property
    def site_roots(self) -> list[Page]:
        """The site's root page in every language it has been translated into."""
        return list(Page.objects.filter(translation_key=self.site.root_page.translation_key).select_related("locale"))

    @cached_property
    def frontend_base_url(self) -> str:
        return FrontendSettings.for_site(self.site).base_url.rstrip("/")

    @cached_property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    @cached_property
    def restricted_page_paths(self) -> list[str]:
        """Tree paths of pages with a password, login or group restriction (their subtrees too)."""
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def restricted_collection_paths(self) -> list[str]:
        """Tree paths of collections whose images and documents are not public."""
        return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))

    @cached_property
    def locales(self) -> dict[str, Locale]:
        """Every locale by language code (a handful of rows, read once per request)."""
        return {locale.language_code: locale for locale in Locale.objects.all()}

    @cached_property
    def default_locale(self) -> Locale:
        return self.locales[get_supported_content_language_variant(settings.LANGUAGE_CODE)]

    def locale_code(self, locale_id: int) -> str:
        return next(code for code, locale in self.locales.items() if locale.pk == locale_id)
