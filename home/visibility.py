"""The one definition of what the public may see; the API and the feeds start every query here.

A page is visible when it is live, not past its expiry, inside the requested site (in any of
its languages) and neither it nor an ancestor carries a view restriction. Images and documents
are visible unless their collection (or a parent collection) is restricted.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, reduce
from operator import or_
from typing import Any, Protocol

from django.apps import apps
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


@dataclass
class PublicView:
    """One public request's view of its site: which site, at which moment, and what is restricted.

    The site-wide lookups (site, roots, locales, restrictions, front-end address) come from
    ``site_lookups``, shared by every process through the cache and renewed on any change; the
    clock is read once, so a response is built from one consistent view.
    """

    request: HttpRequest
    now: datetime.datetime = field(default_factory=lambda: timezone.now())  # looked up when read, as Django does

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

    @cached_property
    def pages(self) -> PageVisibility:
        return PageVisibility(
            root_paths=tuple(root.path for root in self.site_roots), restricted_paths=tuple(self.restricted_page_paths)
        )

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


def _under_any(field: str, paths: Sequence[str]) -> Q:
    if not paths:
        return Q(pk__in=[])  # under nothing: matches no row
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths))


@dataclass(frozen=True)
class PageVisibility:
    """Everything but the clock that decides which pages a site shows: its roots (in every
    language) and the restricted subtrees. Equal for every request to one site, so a query built
    from it is built once per process (and compiled once: ``graphql_api.statements``)."""

    root_paths: tuple[str, ...]
    restricted_paths: tuple[str, ...]

    def visible_at(self, model: type[Page], now: datetime.datetime) -> PageQuerySet:
        """The pages of ``model`` the public sees at ``now``."""
        site = _visible_at_any_time(model._meta.label, self)
        return site.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))


@lru_cache(maxsize=256)
def _visible_at_any_time(model_label: str, pages: PageVisibility) -> PageQuerySet:
    """The part of ``visible_pages`` that does not depend on the clock, built once per process.

    Building these filters cost more than half a millisecond per query, several times per
    request. The arguments hold everything the filters depend on (a new site root or restriction
    changes them), and every caller gets a copy to filter further (``visible_at``).
    """
    model: type[Page] = apps.get_model(model_label)
    queryset: PageQuerySet = model.objects.filter(_under_any("path", pages.root_paths), live=True)
    if pages.restricted_paths:
        queryset = queryset.exclude(_under_any("path", pages.restricted_paths))
    return queryset


class Viewpoint(Protocol):
    """What a list's filters need of a request: the site's page visibility and the moment (a
    ``PublicView``, or the stand-ins a query compiled once is built with)."""

    @property
    def pages(self) -> PageVisibility: ...

    @property
    def now(self) -> datetime.datetime: ...

    @property
    def today(self) -> datetime.date: ...


def visible_pages(view: Viewpoint, model: type[Page]) -> PageQuerySet:
    return view.pages.visible_at(model, view.now)


def public_media(model: type[Model], restricted_paths: Sequence[str]) -> QuerySet[Any]:
    """The images or documents (``model``) outside the restricted collections at ``restricted_paths``."""
    queryset = model._default_manager.all()
    if restricted_paths:
        queryset = queryset.exclude(_under_any("collection__path", restricted_paths))
    return queryset


def visible_images(view: PublicView) -> ImageQuerySet:
    return public_media(get_image_model(), view.restricted_collection_paths)


def visible_documents(view: PublicView) -> QuerySet[Any]:
    return public_media(get_document_model(), view.restricted_collection_paths)
