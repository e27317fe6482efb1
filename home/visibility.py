"""The one definition of what the public may see; the API and the feeds start every query here.

A page is visible when it is live, not past its expiry, inside the requested site (in any of
its languages) and neither it nor an ancestor carries a view restriction. Images and documents
are visible unless their collection (or a parent collection) is restricted.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property, reduce
from operator import or_
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import ImageQuerySet
from wagtail.models import Locale, Page, Site
from wagtail.query import PageQuerySet

from .site_lookups import SiteLookups, lookups_for

PageModel = TypeVar("PageModel", bound=Page)


@dataclass
class PublicView:
    """One public request's view of its site: which site, at which moment, and what is restricted.

    The site-wide lookups (site, roots, locales, restrictions, front-end address) come from
    ``site_lookups``, shared by every process through the cache and renewed on any change; the
    clock is read once, so a response is built from one consistent view.
    """

    request: HttpRequest
    now: datetime.datetime = field(default_factory=timezone.now)

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

    def locale_code(self, locale_id: int) -> str:
        return next(code for code, locale in self.locales.items() if locale.pk == locale_id)


def _under_any(field: str, paths: list[str]) -> Q:
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths), Q(pk__in=[]))


def visible_pages(view: PublicView, model: type[PageModel]) -> PageQuerySet:
    queryset = model.objects.filter(live=True).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=view.now),
        _under_any("path", [root.path for root in view.site_roots]),
    )
    if view.restricted_page_paths:
        queryset = queryset.exclude(_under_any("path", view.restricted_page_paths))
    return queryset


def _public_media(view: PublicView, model: type[Model]) -> QuerySet[Any]:
    queryset = model._default_manager.all()
    if view.restricted_collection_paths:
        queryset = queryset.exclude(_under_any("collection__path", view.restricted_collection_paths))
    return queryset


def visible_images(view: PublicView) -> ImageQuerySet:
    return _public_media(view, get_image_model())


def visible_documents(view: PublicView) -> QuerySet[Any]:
    return _public_media(view, get_document_model())
