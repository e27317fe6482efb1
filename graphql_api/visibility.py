"""The one definition of what the public API may show; every query starts from these querysets.

A page is visible when it is live, not past its expiry, inside the requested site (in any of
its languages) and neither it nor an ancestor carries a view restriction. Images and documents
are visible unless their collection (or a parent collection) is restricted.
"""

from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import ImageQuerySet
from wagtail.models import Page
from wagtail.query import PageQuerySet

from .context import ApiContext

PageModel = TypeVar("PageModel", bound=Page)


def _under_any(field: str, paths: list[str]) -> Q:
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths), Q(pk__in=[]))


def visible_pages(ctx: ApiContext, model: type[PageModel]) -> PageQuerySet:
    queryset = model.objects.filter(live=True).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=ctx.now),
        _under_any("path", [root.path for root in ctx.site_roots]),
    )
    if ctx.restricted_page_paths:
        queryset = queryset.exclude(_under_any("path", ctx.restricted_page_paths))
    return queryset


def _public_media(ctx: ApiContext, model: type[Model]) -> QuerySet[Any]:
    queryset = model._default_manager.all()
    if ctx.restricted_collection_paths:
        queryset = queryset.exclude(_under_any("collection__path", ctx.restricted_collection_paths))
    return queryset


def visible_images(ctx: ApiContext) -> ImageQuerySet:
    return _public_media(ctx, get_image_model())


def visible_documents(ctx: ApiContext) -> QuerySet[Any]:
    return _public_media(ctx, get_document_model())
