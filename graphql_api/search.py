"""Root fields across page types: full-text ``search`` (ranked) and ``page(urlPath:)``."""

import base64
import enum
from functools import partial
from typing import Annotated, Any, cast

import strawberry
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, IntegerField, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.weights import get_sql_weights
from strawberry.types import Info
from wagtail.models import Page as WagtailPage
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage

from . import limits
from .errors import BadInput
from .lists import LocaleArg, scope_for
from .pages import Page
from .pagination import Edge, FirstArg, PageArgs, PageInfo
from .planning import plan
from .selection import root_selection
from .visibility import visible_pages


@strawberry.enum(description="Page types that `search` can look in.")
class SearchType(enum.Enum):
    NEWS_ITEM = strawberry.enum_value(NewsPage, description="News items.")
    CONFERENCE = strawberry.enum_value(ConferencePage, description="Conferences and meetings.")
    CITY = strawberry.enum_value(CityProfilePage, description="City profiles.")


def page_model(search_type: SearchType) -> type[WagtailPage]:
    """The page model a ``SearchType`` stands for (``strawberry.enum_value`` hides it from type checkers)."""
    return cast("type[WagtailPage]", search_type.value)


@strawberry.type(description="A page of search results, best match first.")
class SearchResults:
    edges: list[Edge[Page]] = strawberry.field(description="The matching pages of this page of results.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether more results exist.")
    total_count: int = strawberry.field(description="How many pages match in all.")


def _offset_cursor(position: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{position}".encode()).decode()


def _offset_from(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        prefix, _, number = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if prefix != "offset" or not number.isdigit() or int(number) >= limits.MAX_OFFSET:
            raise ValueError  # beyond MAX_OFFSET, as for lists' `offset` (and PostgreSQL's bigint)
        return int(number) + 1
    except ValueError as error:
        raise BadInput(f"Invalid cursor: {cursor!r}. Use a cursor this API returned.") from error


def ranked_matches(candidates: QuerySet[Any], words: str, models: list[type[Model]]) -> QuerySet[Any]:
    """Search-index entries of ``candidates`` matching all ``words``, best match first.

    Reads the index Wagtail's database search backend keeps (``wagtailsearch_indexentry``) and
    ranks the way it does (title rank times its length norm, plus body rank), but tests the title
    and the body vectors each on its own, so that PostgreSQL answers from their GIN indexes and
    the cost follows the number of matches, not the size of the archive. (The backend's own
    query tests ``title || body``, which no index serves: every search scanned every entry.)
    """
    query = SearchQuery(words, search_type="plain", config=get_search_backend().config)
    weights = get_sql_weights()
    content_types = [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]
    return (
        IndexEntry.objects.filter(Q(title=query) | Q(body=query), content_type_id__in=content_types)
        # Each match is checked against the candidates by primary key: an index probe per match.
        .filter(Exists(candidates.filter(pk=Cast(OuterRef("object_id"), IntegerField()))))
        .annotate(
            rank=SearchRank(F("title"), query, weights=weights) * F("title_norm")
            + SearchRank(F("body"), query, weights=weights)
        )
        .order_by("-rank", "-pk")
    )


@strawberry.type
class SiteQuery:
    @strawberry.field(description="Published pages matching the words of `query`, best match first.")
    def search(
        self,
        info: Info,
        query: Annotated[str, strawberry.argument(description="Words to look for.")],
        types: Annotated[
            list[SearchType] | None, strawberry.argument(description="Only these page types (default: all).")
        ] = None,
        first: FirstArg = None,
        after: Annotated[str | None, strawberry.argument(description="Return results after this cursor.")] = None,
        locale: LocaleArg = None,
    ) -> SearchResults:
        query = query.strip()
        if not query or len(query) > limits.MAX_SEARCH_QUERY_LENGTH:
            raise BadInput(f"`query` must be 1 to {limits.MAX_SEARCH_QUERY_LENGTH} characters.")
        size = PageArgs(first=first).size
        start = _offset_from(after)
        scope = scope_for(info, locale)
        models = [page_model(search_type) for search_type in types or SearchType]
        candidates = scope.localized(visible_pages(info.context, WagtailPage).type(*models))
        results = ranked_matches(candidates, query, models)
        total = results.count()
        ids = [int(object_id) for object_id in results.values_list("object_id", flat=True)[start : start + size]]
        pages = {page.pk: page for page in WagtailPage.objects.filter(pk__in=ids).specific()}
        nodes = [pages[pk] for pk in ids if pk in pages]
        plan(scope, nodes, root_selection(info).child("edges", "node"))
        edges = [Edge(position=partial(_offset_cursor, start + index), node=node) for index, node in enumerate(nodes)]
        return SearchResults(
            edges=edges,
            page_info=PageInfo(has_next_page=start + len(edges) < total, has_previous_page=start > 0, edges=edges),
            total_count=total,
        )

    @strawberry.field(description="The published page at `urlPath` (e.g. `/news/my-item/`), of any type.")
    def page(
        self,
        info: Info,
        url_path: Annotated[
            str, strawberry.argument(description="The page's path below the site root, e.g. `/news/my-item/`.")
        ],
        locale: LocaleArg = None,
    ) -> Page | None:
        scope = scope_for(info, locale)
        roots = {root.locale_id: root for root in info.context.site_roots}
        relative = "/".join(part for part in url_path.split("/") if part)
        found: Any = None
        # The requested language's tree first, then the default one: untranslated pages fall back.
        for locale_id in dict.fromkeys((scope.locale.pk, info.context.default_locale.pk)):
            root = roots.get(locale_id)
            if root is None:
                continue
            full_path = f"{root.url_path}{relative}/" if relative else root.url_path
            found = visible_pages(info.context, WagtailPage).filter(url_path=full_path).specific().first()
            if found is not None:
                plan(scope, [found], [root_selection(info)])
                break
        return found
