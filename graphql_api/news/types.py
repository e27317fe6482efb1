"""The ``NewsItem`` and ``Topic`` types and how their references are loaded."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Parent

from cities.models import CityProfilePage
from conferences.models import ConferencePage
from news.models import NewsPage, NewsPageCity, NewsPageTag
from partnerships.models import Organisation, Partnership

from ..images import Image, image_loader
from ..pages import Page, page_type_plan
from ..planning import planned, store
from ..relations import many_loader, one_loader
from ..streamfield import BODY_BLOCKS, BodyBlock, stream_loader
from ..visibility import visible_pages

if TYPE_CHECKING:
    from ..cities.types import City
    from ..conferences.types import Conference
    from ..partnerships.types import OrganisationType, PartnershipType


@strawberry.type(description="A topic news items are tagged with, e.g. `culture`.")
class Topic:
    name: str = strawberry.field(description="The topic as editors wrote it.")
    slug: str = strawberry.field(description="The topic's slug; filter news with it.")
    news_count: int | None = strawberry.field(
        default=None, description="How many published news items carry it (on the `topics` list only)."
    )


@strawberry.type(description="A news item: a meeting report, a network announcement, a city story...")
class NewsItem(Page):
    date: datetime.date = strawberry.field(description="The date readers see on the item.")
    standfirst: str = strawberry.field(description="Plain-text summary (at most 300 characters).")
    hero_caption: str = strawberry.field(description="Caption of the hero image; may be empty.")
    source_url: str = strawberry.field(description="Where the item was first published; may be empty.")

    @strawberry.field(description="The main image, if it is public.")
    def hero_image(self, root: Parent[NewsPage]) -> Image | None:
        return planned(root, "heroImage")

    @strawberry.field(description="Credit of the hero image for this item, falling back to the image's own.")
    def hero_credit(self, root: Parent[NewsPage]) -> str:
        image = planned(root, "heroCredit")
        return root.hero_credit or (image.credit if image else "")

    @strawberry.field(description="The body, block by block.")
    def body(self, root: Parent[NewsPage]) -> list[BodyBlock]:
        return planned(root, "body")

    @strawberry.field(description="The cities the item is about, in the editor's order.")
    def cities(self, root: Parent[NewsPage]) -> list[Annotated[City, strawberry.lazy("graphql_api.cities.types")]]:
        return planned(root, "cities")

    @strawberry.field(description="The partnerships and programmes the item concerns.")
    def partnerships(
        self, root: Parent[NewsPage]
    ) -> list[Annotated[PartnershipType, strawberry.lazy("graphql_api.partnerships.types")]]:
        return planned(root, "partnerships")

    @strawberry.field(description="Organisers, funders and partners named in the item.")
    def organisations(
        self, root: Parent[NewsPage]
    ) -> list[Annotated[OrganisationType, strawberry.lazy("graphql_api.partnerships.types")]]:
        return planned(root, "organisations")

    @strawberry.field(description="The conference the item reports on, if it is published.")
    def conference(
        self, root: Parent[NewsPage]
    ) -> Annotated[Conference, strawberry.lazy("graphql_api.conferences.types")] | None:
        return planned(root, "conference")

    @strawberry.field(description="Topics the item is tagged with.")
    def topics(self, root: Parent[NewsPage]) -> list[Topic]:
        return planned(root, "topics")


def _load_topics(scope: Any, pages: Any, selections: Any) -> None:
    tags: dict[int, list[Topic]] = {page.pk: [] for page in pages}
    rows = (
        NewsPageTag.objects.filter(content_object_id__in=list(tags))
        .order_by("tag__name")
        .values_list("content_object_id", "tag__name", "tag__slug")
    )
    for page_id, name, slug in rows:
        tags[page_id].append(Topic(name=name, slug=slug))
    for page in pages:
        store(page, "topics", tags[page.pk])


NEWS_ITEM = page_type_plan("NewsItem", NewsPage)
NEWS_ITEM.loaders.update(
    {
        "heroImage": image_loader("hero_image_id"),
        "heroCredit": image_loader("hero_image_id"),
        "body": stream_loader("body", BODY_BLOCKS),
        "topics": _load_topics,
        "cities": many_loader(
            lambda pks: (
                NewsPageCity.objects.filter(page_id__in=pks)
                .order_by("sort_order")
                .values_list("page_id", "city__translation_key")
            ),
            lambda scope: visible_pages(scope.ctx, CityProfilePage),
        ),
        "partnerships": many_loader(
            lambda pks: (
                NewsPage.partnerships.through.objects.filter(newspage_id__in=pks)
                .order_by("partnership__name")
                .values_list("newspage_id", "partnership__translation_key")
            ),
            lambda _scope: Partnership.objects.all(),
        ),
        "organisations": many_loader(
            lambda pks: (
                NewsPage.organisations.through.objects.filter(newspage_id__in=pks)
                .order_by("organisation__name")
                .values_list("newspage_id", "organisation__translation_key")
            ),
            lambda _scope: Organisation.objects.all(),
        ),
        "conference": one_loader(
            lambda pks: NewsPage.objects.filter(pk__in=pks, conference__isnull=False).values_list(
                "pk", "conference__translation_key"
            ),
            lambda scope: visible_pages(scope.ctx, ConferencePage),
        ),
    }
)
