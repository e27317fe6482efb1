"""What every public request looks up before it can answer: its site, the site's roots, the locales,
the view restrictions and the front-end URL, shared by all processes through Django's cache.

These are a handful of rows that change rarely, yet reading them took five queries per request.
They are stored per host under the content version token (``content_version``), so a change to
any of them is seen by every process on its next request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

from . import content_version
from .models import FrontendSettings

TIMEOUT_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class SiteLookups:
    site: Site
    site_roots: list[Page]
    locales: dict[str, Locale]
    restricted_page_paths: list[str]
    restricted_collection_paths: list[str]
    frontend_base_url: str


def _cache_key(request: HttpRequest) -> str:
    host = hashlib.sha256(request.get_host().encode()).hexdigest()[:32]
    return f"citynews:site-lookups:{host}"


def _load(request: HttpRequest) -> SiteLookups:
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").get(is_default_site=True)
    return SiteLookups(
        site=site,
        site_roots=list(Page.objects.filter(translation_key=site.root_page.translation_key).select_related("locale")),
        locales={locale.language_code: locale for locale in Locale.objects.all()},
        restricted_page_paths=list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        restricted_collection_paths=list(CollectionViewRestriction.objects.values_list("collection__path", flat=True)),
        frontend_base_url=FrontendSettings.for_site(site).base_url.rstrip("/"),
    )


def lookups_for(request: HttpRequest) -> SiteLookups:
    """The lookups for ``request``'s host: from the cache when still current, else read and stored."""
    key = _cache_key(request)
    token, values = content_version.current([key])
    stored = values.get(key)
    if stored is not None and stored[0] == token:
        lookups: SiteLookups = stored[1]
        return lookups
    lookups = _load(request)
    content_version.store(key, (token, lookups), TIMEOUT_SECONDS)
    return lookups
