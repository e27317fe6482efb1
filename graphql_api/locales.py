"""Languages: which locale a request asks for, and the fallback to the default language.

An item shows in the requested language when it has a live translation in it, and in the
default language otherwise, so a French website never has holes where a translation is missing.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.db.models.expressions import RawSQL
from wagtail.models import Locale

from .context import ApiContext
from .errors import BadInput
from .statements import KEY, CompiledSubquery, kept, prepare_subquery


def resolve_locale(ctx: ApiContext, code: str | None) -> Locale:
    if code is None:
        return ctx.default_locale
    try:
        return ctx.locales[code]
    except KeyError:
        available = ", ".join(sorted(ctx.locales))
        raise BadInput(f"Unknown locale {code!r}. Available: {available}.") from None


def localized(queryset: QuerySet[Any], locale: Locale, default: Locale) -> QuerySet[Any]:
    """``queryset`` in ``locale``, plus default-language items that have no translation in it.

    ``queryset`` must already hold only what may be shown, so that a draft translation never
    hides a live original.
    """
    if locale.pk == default.pk:
        return queryset.filter(locale=locale)
    translated = queryset.filter(locale=locale).values("translation_key")
    return queryset.filter(Q(locale=locale) | (Q(locale=default) & ~Q(translation_key__in=translated)))


def localized_by_key(queryset: QuerySet[Any], keys: Iterable[Any], locale: Locale, default: Locale) -> dict[str, Any]:
    """The items with these translation keys, each in ``locale`` or its fallback, by key."""
    keys = set(keys)
    if not keys:
        return {}
    return {obj.translation_key: obj for obj in by_key_query(queryset, keys, locale, default)}


def by_key_query(queryset: QuerySet[Any], keys: set[Any], locale: Locale, default: Locale) -> QuerySet[Any]:
    """The query of ``localized_by_key`` (unsorted: its items are picked by key)."""
    return localized(
        queryset.filter(pk__in=_versions(queryset.model, keys, locale, default)), locale, default
    ).order_by()


def _versions(model: type[Model], keys: set[Any], locale: Locale, default: Locale) -> RawSQL:
    """The primary keys of the items with these keys in either language, found by their index.

    Filtered in the same query, PostgreSQL may instead merge the page table's primary key index
    with the content type's table and walk every page (5 ms for the cities of an archive page).
    The ``LIMIT`` (each key has one row per language, by Wagtail's unique constraint) makes the
    subquery a step of its own, so the ``(translation_key, locale)`` index is used.
    """
    languages = tuple(sorted({locale.pk, default.pk}))
    return _versions_of(model, len(keys), languages).bind(**{f"key{index}": key for index, key in enumerate(keys)})


@kept
def _versions_of(model: type[Model], count: int, languages: tuple[int, ...]) -> CompiledSubquery:
    def versions(**keys: Any) -> QuerySet[Any]:
        matching = translation_rows(model).filter(translation_key__in=list(keys.values()), locale__in=languages)
        return matching.order_by().values("pk")[: count * len(languages)]

    return prepare_subquery({f"key{index}": KEY for index in range(count)}, versions)


def translation_rows(model: type[Model]) -> QuerySet[Any]:
    """Every row of the table that holds ``model``'s translation keys: Wagtail's page table for a
    page type (no join with the type's own table), the model's own table for a snippet."""
    defined_on: type[Model] = model._meta.get_field("translation_key").model
    return defined_on._default_manager.all()
