"""Root fields for news: the list, one item, and the topics."""

import strawberry
from django.db.models import Count, Q
from strawberry.types import Info
from taggit.models import Tag

from news.models import NewsPage

from ..context import ApiContext
from ..lists import IdArg, LocaleArg, SlugArg, lookup_by, one, root_connection_field, scope_for
from ..visibility import visible_pages
from .filters import NewsFilter, NewsOrder, filter_news, news_ordering
from .types import NewsItem, Topic


@strawberry.type
class NewsQuery:
    news_items = root_connection_field(
        NewsItem,
        NewsFilter,
        NewsOrder.NEWEST,
        NewsPage,
        filter_news,
        news_ordering,
        "Published news items, newest first unless `order` says otherwise.",
    )

    @strawberry.field(description="One published news item by `slug` or `id`; null when there is none.")
    def news_item(
        self,
        info: Info[ApiContext, None],
        slug: SlugArg = None,
        id: IdArg = None,
        locale: LocaleArg = None,
    ) -> NewsItem | None:
        return one(info, scope_for(info, locale), NewsPage, **lookup_by(slug, id))

    @strawberry.field(description="Topics of published news items, most used first.")
    def topics(self, info: Info[ApiContext, None], locale: LocaleArg = None) -> list[Topic]:
        news = scope_for(info, locale).localized(visible_pages(info.context, NewsPage))
        tags = (
            Tag.objects.annotate(
                news_count=Count("news_newspagetag_items", filter=Q(news_newspagetag_items__content_object__in=news))
            )
            .filter(news_count__gt=0)
            .order_by("-news_count", "name")
        )
        return [Topic(name=tag.name, slug=tag.slug, news_count=tag.news_count) for tag in tags]
