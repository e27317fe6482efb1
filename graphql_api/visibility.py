"""What the public API may show: the rules live in ``home.visibility``, shared with the feeds.

The API's modules import them from here, so that every query still starts from one place, and
find here what the public sees of a model as the API shows it (pages or snippets, localized).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Model, QuerySet
from wagtail.models import Locale, Page

from home.visibility import PageVisibility, PublicView, visible_documents, visible_images, visible_pages

from .locales import localized
from .statements import MOMENT, Slots

__all__ = ["visible_documents", "visible_images", "visible_pages"]


def public(view: PublicView, model: type[Model]) -> QuerySet[Any]:
    """What the public sees of ``model`` (``public_at`` for this request)."""
    return public_at(model, pages_of(view, model), view.now)


def pages_of(view: PublicView, model: type[Model]) -> PageVisibility | None:
    """The page visibility rules that apply to ``model``: ``None`` for a snippet."""
    return rules_for(model, view.pages)


def rules_for(model: type[Model], pages: PageVisibility) -> PageVisibility | None:
    """``pages`` for a page type, ``None`` for a snippet (``pages_of`` without a request)."""
    return pages if issubclass(model, Page) else None


def public_at(model: type[Model], pages: PageVisibility | None, now: datetime.datetime | None) -> QuerySet[Any]:
    """The visible pages of a page type at ``now``; every row of a snippet (partnerships and
    organisations have no drafts, expiry or restrictions)."""
    if pages is None:
        return model._default_manager.all()
    if now is None:
        raise ValueError(f"Which {model.__name__} pages are visible depends on the moment: give `now`.")
    return pages.visible_at(model, now)


def localized_public_at(
    model: type[Model], pages: PageVisibility | None, now: datetime.datetime | None, locale: Locale, default: Locale
) -> QuerySet[Any]:
    """``public_at`` in ``locale``, or in ``default`` where an item has no translation: what a
    reverse reference's statement starts from (a root list narrows by its filter in between)."""
    return localized(public_at(model, pages, now), locale, default)


def clock_slot(pages: PageVisibility | None) -> Slots:
    """The statement slot ``public_at`` needs: the clock for pages, nothing for a snippet."""
    return {"now": MOMENT} if pages is not None else {}


def clock_value(view: PublicView, pages: PageVisibility | None) -> dict[str, datetime.datetime]:
    return {"now": view.now} if pages is not None else {}
