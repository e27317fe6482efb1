"""Grapple's ``graphql_fields`` on the product's models, attached here so that no product file changes.

Grapple reads ``graphql_fields`` when its own app is ready; this app is listed before it in
``bench.grapple.settings`` so that Django readies it first.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def _latest_news(city: Any) -> Any:
    from news.models import NewsPage

    return NewsPage.objects.live().filter(city_links__city=city).order_by("-date", "-pk")


def _latest_conferences(city: Any) -> Any:
    from conferences.models import ConferencePage

    return ConferencePage.objects.live().filter(host_city=city).order_by("-start_date", "-pk")


class BenchGrappleConfig(AppConfig):
    name = "bench.grapple"
    label = "bench_grapple"

    def ready(self) -> None:
        from grapple.helpers import register_paginated_query_field, register_streamfield_block
        from grapple.models import (
            GraphQLCollection,
            GraphQLForeignKey,
            GraphQLImage,
            GraphQLStreamfield,
            GraphQLString,
            GraphQLTag,
        )

        from cities.models import CityProfilePage
        from conferences.models import ConferencePage
        from home import blocks
        from news.models import NewsPage, NewsPageCity

        blocks.HeadingBlock.graphql_fields = [GraphQLString("text"), GraphQLString("level")]
        blocks.QuoteBlock.graphql_fields = [GraphQLString(name) for name in ("text", "attribution", "role")]
        blocks.ImageBlock.graphql_fields = [GraphQLImage("image"), GraphQLString("caption")]
        blocks.KeyFigureBlock.graphql_fields = [GraphQLString("value"), GraphQLString("label")]
        # Grapple looks each field name up on the block's class, and Block sets ``label`` only on
        # instances (grapple 0.31: AttributeError at start-up). Every instance still sets its own.
        blocks.KeyFigureBlock.label = ""
        for block in (blocks.HeadingBlock, blocks.QuoteBlock, blocks.ImageBlock, blocks.KeyFigureBlock):
            register_streamfield_block(block)

        NewsPageCity.graphql_fields = [GraphQLForeignKey("city", "cities.CityProfilePage")]
        NewsPage.graphql_fields = [
            GraphQLString("date"),
            GraphQLString("standfirst"),
            GraphQLImage("hero_image"),
            GraphQLString("hero_credit"),
            GraphQLStreamfield("body"),
            GraphQLCollection(GraphQLForeignKey, "city_links", "news.NewsPageCity"),
            GraphQLTag("tags"),
        ]
        CityProfilePage.latest_news = property(_latest_news)
        CityProfilePage.latest_conferences = property(_latest_conferences)
        CityProfilePage.graphql_fields = [
            GraphQLString("country"),
            GraphQLString("summary"),
            GraphQLCollection(GraphQLForeignKey, "latest_news", "news.NewsPage", is_queryset=True),
            GraphQLCollection(GraphQLForeignKey, "latest_conferences", "conferences.ConferencePage", is_queryset=True),
        ]
        ConferencePage.graphql_fields = [GraphQLString("start_date")]
        register_paginated_query_field("news_page")(NewsPage)
