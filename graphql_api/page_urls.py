"""Links to pages by ID, loaded for a whole response at once as front-end addresses."""

from collections.abc import Iterable
from typing import Any

from wagtail.models import Page

from home.frontend import page_url

from .planning import Scope
from .visibility import visible_pages


def load_page_urls(scope: Scope, ids: Iterable[int | None]) -> None:
    """Front-end URLs of the pages with these IDs, in the requested language where translated.

    Pages that may not be shown (drafts, private, expired, other sites) load as ``None`` so
    that links to them disappear rather than leak their address.
    """
    ctx = scope.ctx
    missing = {pk for pk in ids if pk is not None and ("page-url", scope.locale.pk, pk) not in ctx.loaded}
    if not missing:
        return
    fields = ("pk", "url_path", "locale_id", "translation_key")
    rows: dict[int, dict[str, Any]] = {
        row["pk"]: row for row in visible_pages(ctx, Page).filter(pk__in=missing).values(*fields)
    }
    if scope.locale.pk != ctx.default_locale.pk:
        translations = {
            row["translation_key"]: row
            for row in visible_pages(ctx, Page)
            .filter(locale=scope.locale, translation_key__in=[row["translation_key"] for row in rows.values()])
            .values(*fields)
        }
        rows = {pk: translations.get(row["translation_key"], row) for pk, row in rows.items()}
    for pk in missing:
        row = rows.get(pk)
        ctx.loaded["page-url", scope.locale.pk, pk] = row and page_url(ctx, row["url_path"], row["locale_id"])


def loaded_page_url(scope: Scope, pk: int | None) -> str | None:
    return None if pk is None else scope.ctx.loaded["page-url", scope.locale.pk, pk]
