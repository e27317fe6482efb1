"""``topics``: the tags of published news items with how many items carry each, most used first."""

import datetime

from django.utils import timezone

from news.models import NewsPage
from tests import factories

from .fixtures_lists import NEWS_TITLES, titles, translate

TOPICS = "query($locale: String) { topics(locale: $locale) { name slug newsCount } }"


def topics(graphql, **variables):
    return graphql(TOPICS, variables).data["topics"]


def counts(graphql, **variables):
    return [(topic["slug"], topic["newsCount"]) for topic in topics(graphql, **variables)]


def test_topics_with_their_counts(graphql, programme):
    """The draft item's "secret" topic is not listed; ties are in name order."""
    assert topics(graphql) == [
        {"name": "culture", "slug": "culture", "newsCount": 3},
        {"name": "mobility", "slug": "mobility", "newsCount": 3},
    ]


def test_most_used_first(graphql, programme):
    factories.NewsPageFactory(parent=programme["news"], tags=["mobility", "arts"])
    factories.NewsPageFactory(parent=programme["news"], tags=["arts"])
    factories.NewsPageFactory(parent=programme["news"], tags=["Arts Festival"])
    assert counts(graphql) == [("mobility", 4), ("culture", 3), ("arts", 2), ("arts-festival", 1)]
    assert topics(graphql)[3]["name"] == "Arts Festival"


def test_only_published_news_is_counted(graphql, programme):
    factories.NewsPageFactory(parent=programme["news"], tags=["culture", "hidden"], live=False)
    factories.NewsPageFactory(
        parent=programme["news"], tags=["culture", "expired"], expire_at=timezone.now() - datetime.timedelta(days=1)
    )
    NewsPage.objects.get(slug="news-4").unpublish()
    assert counts(graphql) == [("culture", 3), ("mobility", 2)]


def test_a_topic_whose_news_is_all_unpublished_disappears(graphql, programme):
    for slug in ("news-2", "news-3", "news-4"):
        NewsPage.objects.get(slug=slug).unpublish()
    assert counts(graphql) == [("culture", 2)]


def test_a_topic_slug_filters_the_news(graphql, programme):
    factories.NewsPageFactory(parent=programme["news"], title="Festival time", tags=["Arts Festival"])
    slug = next(topic["slug"] for topic in topics(graphql) if topic["name"] == "Arts Festival")
    news = graphql("query($t: String) { newsItems(filter: {topic: $t}) { edges { node { title } } } }", {"t": slug})
    assert titles(news.data["newsItems"]) == ["Festival time"]


def test_translations_are_not_counted_twice(graphql, programme):
    """In French, a translation replaces its original: its own topics count, the original's do not."""
    forum = translate(programme["news_items"][0], title="Le forum culturel")
    forum.tags.set(["culture", "festival"])
    forum.save_revision().publish()
    assert counts(graphql) == [("culture", 3), ("mobility", 3)]
    assert counts(graphql, locale="fr") == [("culture", 3), ("mobility", 3), ("festival", 1)]
    assert counts(graphql, locale="en") == counts(graphql)


def test_a_draft_translation_changes_nothing(graphql, programme):
    draft = translate(programme["news_items"][1], publish=False, title="Brouillon")
    draft.tags.set(["brouillon"])
    draft.save_revision()
    assert counts(graphql, locale="fr") == [("culture", 3), ("mobility", 3)]


def test_item_topics_have_no_count(graphql, programme):
    item = graphql('{ newsItem(slug: "news-3") { title topics { slug newsCount } } }').data["newsItem"]
    assert item == {
        "title": NEWS_TITLES[3],
        "topics": [{"slug": "culture", "newsCount": None}, {"slug": "mobility", "newsCount": None}],
    }
