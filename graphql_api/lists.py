"""What every root field does: pick the language, fetch, paginate, then plan the rest."""

import dataclasses
import datetime
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

import strawberry
from django.apps import apps
from django.db.models import Model, QuerySet
from strawberry.types import Info
from wagtail.models import Locale

from home.visibility import PageVisibility, Viewpoint

from . import page_marks
from .conditions import MOMENT_SLOTS, OPTIONAL_SLOTS, Conditions, StandInViewpoint
from .context import ApiContext
from .errors import BadInput
from .locales import localized, resolve_locale
from .pagination import (
    AfterArg,
    BeforeArg,
    Connection,
    FirstArg,
    LastArg,
    OffsetArg,
    Ordering,
    PageArgs,
    page_from_rows,
    page_query,
    paginate,
)
from .planning import Loading, Scope, defer_unread_columns, loading_for, plan
from .selection import root_selection
from .statements import NUMBER, TEXT, Counting, Slots, Statement, kept, prepare, prepare_count
from .visibility import clock_slot, clock_value, pages_of, public, public_at, rules_for


def scope_for(info: Info[ApiContext, None], locale: str | None) -> Scope:
    return Scope(ctx=info.context, locale=resolve_locale(info.context, locale))


def connection(
    info: Info[ApiContext, None], scope: Scope, queryset: QuerySet[Any], ordering: Ordering, args: PageArgs
) -> Connection[Any]:
    """One page of ``queryset`` in ``scope``'s language, with everything the query selected on it."""
    selections = root_selection(info).child("edges", "node")
    queryset = defer_unread_columns(queryset, selections, ordering.columns)
    result, nodes = paginate(scope.localized(queryset), ordering, args)
    plan(scope, nodes, selections)
    return result


def one(info: Info[ApiContext, None], scope: Scope, model: type[Model], **lookup: Any) -> Any:
    """The public item of ``model`` matching ``lookup`` (its slug or primary key) in ``scope``'s
    language, else its default-language version.

    An unknown item is ``None`` (the field reads as null, with no error).
    """
    ((field, value),) = lookup.items()
    loading = loading_for(model, [root_selection(info)])
    pages = pages_of(scope.ctx, model)
    languages = tuple(dict.fromkeys([scope.locale.pk, scope.ctx.default_locale.pk]))
    statement = _lookup(model._meta.label, pages, loading, field, languages)
    candidates = {obj.locale_id: obj for obj in statement.fetch(value=value, **clock_value(scope.ctx, pages))}
    found = candidates.get(scope.locale.pk)
    if found is None and (fallback := candidates.get(scope.ctx.default_locale.pk)) is not None:
        queryset = loading.apply(public(scope.ctx, model))
        found = scope.localized_by_key(queryset, [fallback.translation_key]).get(fallback.translation_key)
    if found is not None:
        plan(scope, [found], [root_selection(info)])
    return found


@kept
def _lookup(
    model_label: str, pages: PageVisibility | None, loading: Loading, field: str, languages: tuple[int, ...]
) -> Statement:
    """A look-up's query, compiled once per model, site, selection and pair of languages."""
    model = apps.get_model(model_label)

    def build(value: Any, now: datetime.datetime | None = None) -> QuerySet[Any]:
        return loading.apply(public_at(model, pages, now)).filter(**{field: value, "locale__in": languages})

    return prepare({"value": NUMBER if field == "pk" else TEXT, **clock_slot(pages)}, build)


SlugArg = Annotated[str | None, strawberry.argument(description="The item's slug (give this or `id`).")]
IdArg = Annotated[strawberry.ID | None, strawberry.argument(description="The item's ID (give this or `slug`).")]
FILTER_DESCRIPTION = "Narrows the list; all given conditions must hold."
ORDER_DESCRIPTION = "How the list is sorted."
LocaleArg = Annotated[
    str | None,
    strawberry.argument(
        description="Language code, e.g. `fr` (default: the site's default language). "
        "Items without a translation come in the default language."
    ),
]


def lookup_by(slug: str | None, pk: str | None) -> dict[str, Any]:
    """The look-up for a root field taking ``slug`` or ``id`` (exactly one of them)."""
    if (slug is None) == (pk is None):
        raise BadInput("Give exactly one of `slug` or `id`.")
    if pk is not None:
        if not str(pk).isdigit():
            raise BadInput(f"Invalid id {pk!r}.")
        return {"pk": int(pk)}
    return {"slug": slug}


# Applies a list's filter: ``narrow(items, filter, viewpoint)``.
Narrowing = Callable[[QuerySet[Any], Any, Viewpoint], QuerySet[Any]]


def root_connection_field(
    node: Any,
    filter_type: type,
    default_order: enum.Enum,
    model: type[Model],
    narrow: Narrowing,
    ordering: Callable[[Any], Ordering],
    description: str,
) -> Any:
    """A root list of ``node`` items: the paging arguments, ``filter``, ``order`` and ``locale``, defined once.

    What the public sees of ``model`` is listed; ``narrow(items, filter, viewpoint)`` applies a
    filter to it, using the filter's values as they are (``graphql_api.conditions``), and
    ``ordering(order)`` sorts it.
    """
    order_type = type(default_order)

    def resolve(
        info: Info[ApiContext, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        offset: OffsetArg = None,
        filter: Annotated[  # type: ignore[valid-type]
            filter_type | None,
            strawberry.argument(description=FILTER_DESCRIPTION),
        ] = None,
        order: Annotated[order_type, strawberry.argument(description=ORDER_DESCRIPTION)] = default_order,  # type: ignore[valid-type]
        locale: LocaleArg = None,
    ) -> Connection[node]:
        args = PageArgs(first=first, after=after, last=last, before=before, offset=offset)
        return _list_page(info, scope_for(info, locale), model, narrow, filter, ordering(order), args)

    return strawberry.field(resolver=resolve, description=description)


def _list_page(
    info: Info[ApiContext, None],
    scope: Scope,
    model: type[Model],
    narrow: Narrowing,
    where: Any,
    ordering: Ordering,
    args: PageArgs,
) -> Connection[Any]:
    """A page of a root list (the newest items, a numbered archive page, a filtered list, the
    page after a cursor) and its ``totalCount``: what ``connection`` answers, by statements
    compiled once per shape. A cursor's values are bound like a filter's, and a deep numbered
    page is read after the list's mark it passes (``page_marks``), like a page after a cursor."""
    selections = root_selection(info).child("edges", "node")
    loading = loading_for(model, selections, ordering.columns)
    ctx = scope.ctx
    conditions, filtering = Conditions.of(where)
    listed = _Listed(model._meta.label, ctx.pages, scope.locale, ctx.default_locale, narrow, conditions)
    values = {"now": ctx.now, "today": ctx.today, **filtering}
    sides = tuple(side for side, cursor in (("after", args.after), ("before", args.before)) if cursor)
    cursors = {side: ordering.decode(model, getattr(args, side)) for side in sides}
    page = dataclasses.replace(args, after=None, before=None)  # the cursors' values are slots
    if not sides and args.last is None:
        listing = (listed, ordering, tuple(sorted(filtering.items())))
        start = page_marks.start_for(listing, args.offset, lambda: _marks_statement(listed, ordering).fetch(**values))
        if start is not None:  # a deep numbered page: read after the mark it passes
            cursors = {"after": list(start.after)}
            sides, page = ("after",), dataclasses.replace(page, offset=start.remaining)
    bounds = {f"{side}{index}": value for side, found in cursors.items() for index, value in enumerate(found)}
    rows = _page_statement(listed, loading, ordering, page, sides).fetch(**values, **bounds)

    def count() -> int:
        return _count_statement(listed).count(**values)

    result, nodes = page_from_rows(rows, ordering, args, count)
    plan(scope, nodes, selections)
    return result


@dataclass(frozen=True)
class _Listed:
    """What a root list holds, apart from the values a request binds: the model, the site, the
    languages and the filter's conditions (applied by ``narrow``)."""

    model_label: str
    site_pages: PageVisibility
    locale: Locale
    default: Locale
    narrow: Narrowing
    conditions: Conditions

    @property
    def slots(self) -> Slots:
        return {**MOMENT_SLOTS, **self.conditions.slots}

    def items(self, now: datetime.datetime, today: datetime.date, **values: Any) -> QuerySet[Any]:
        model = apps.get_model(self.model_label)
        items = public_at(model, rules_for(model, self.site_pages), now)
        if self.conditions.filter_type is not None:
            where = self.conditions.filter_with(values)
            items = self.narrow(items, where, StandInViewpoint(self.site_pages, now, today))
        return localized(items, self.locale, self.default)


@kept
def _page_statement(
    listed: _Listed, loading: Loading, ordering: Ordering, page: PageArgs, sides: tuple[str, ...]
) -> Statement:
    """One page of the list, reading ``loading``'s columns (offset and size are in the SQL),
    after and/or before the cursors of ``sides``."""
    model = apps.get_model(listed.model_label)
    cursors = {side: ordering.cursor_slots(model, side) for side in sides}

    def build(**values: Any) -> QuerySet[Any]:
        items = listed.items(**values)
        for side, slots in cursors.items():
            items = items.filter(ordering.beyond_values([values[name] for name in slots], backwards=side == "before"))
        return page_query(loading.apply(items), ordering, page)

    slots = {name: kind for side_slots in cursors.values() for name, kind in side_slots.items()}
    return prepare({**listed.slots, **slots}, build, optional=OPTIONAL_SLOTS)


@kept
def _marks_statement(listed: _Listed, ordering: Ordering) -> Statement:
    """The list's marks (``page_marks``): the sort keys of every so many items."""
    return prepare(
        listed.slots, lambda **values: page_marks.marks_query(listed.items(**values), ordering), optional=OPTIONAL_SLOTS
    )


@kept
def _count_statement(listed: _Listed) -> Counting:
    return prepare_count(listed.slots, listed.items, optional=OPTIONAL_SLOTS)
