"""Which changes become events, and what their payloads say (deliveries recorded, not yet sent)."""

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from home.models import FrontendSettings
from news.models import NewsPage
from tests import factories
from webhooks.events import BATCH_ATTRIBUTE
from webhooks.models import Event, WebhookDelivery, WebhookEndpoint

BASE_URL = "https://www.example.org"


@pytest.fixture
def tree(site_tree: dict) -> dict:
    FrontendSettings.objects.create(site=site_tree["site"], base_url=BASE_URL)
    WebhookEndpoint.objects.create(name="Website", url="http://127.0.0.1:9/")  # every event by default
    city = factories.CityProfilePageFactory(parent=site_tree["cities"], title="Kutaisi", slug="kutaisi")
    return {**site_tree, "city": city}


@pytest.fixture
def events(django_capture_on_commit_callbacks: Any) -> Callable[..., list[dict]]:
    """Runs ``change`` as one committed transaction; returns the payloads recorded for it."""

    def run(change: Callable[[], object]) -> list[dict]:
        before = set(WebhookDelivery.objects.values_list("pk", flat=True))
        # Events join the batch of the outermost transaction, which for a test is the test's own
        # and never commits: each change starts a batch of its own, as a request would.
        setattr(connection, BATCH_ATTRIBUTE, None)
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            change()
        new = WebhookDelivery.objects.exclude(pk__in=before).order_by("created_at")
        return [json.loads(delivery.body) for delivery in new]

    return run


def news_item(tree: dict, **kwargs: Any) -> NewsPage:
    return factories.NewsPageFactory(parent=tree["news"], title="Library opens", slug="library", **kwargs)


def test_publish(tree, events):
    page = news_item(tree, cities=[tree["city"]], live=False)
    (payload,) = events(lambda: page.save_revision().publish())
    timestamp = payload.pop("timestamp")
    assert datetime.datetime.fromisoformat(timestamp) > timezone.now() - datetime.timedelta(minutes=1)
    assert payload == {
        "event": "page.published",
        "type": "news.newspage",
        "id": str(page.pk),
        "urlPath": "/news/library/",
        "url": f"{BASE_URL}/news/library/",
        "locale": "en",
        # The item and the city it names, whose list of news changes with it.
        "affected": sorted([str(page.pk), str(tree["city"].pk)]),
        # What the API's Surrogate-Key header lists for those pages, for a precise CDN purge.
        "surrogateKeys": sorted([f"page-{page.pk}", f"page-{tree['city'].pk}"]),
    }


def test_the_pages_linking_to_a_page_are_affected(tree, events):
    news = news_item(tree, cities=[tree["city"]])
    (payload,) = events(lambda: tree["city"].save_revision().publish())
    assert payload["event"] == "page.published"
    assert set(payload["affected"]) == {str(tree["city"].pk), str(news.pk)}


def test_one_event_per_page_however_often_it_is_saved(tree, events):
    page = news_item(tree, live=False)

    def publish_twice() -> None:
        page.save_revision().publish()
        page.title = "Library opens today"
        page.save_revision().publish()

    (payload,) = events(publish_twice)
    assert payload["event"] == "page.published"


def test_a_rolled_back_change_sends_nothing(tree, events):
    page = news_item(tree, live=False)

    def publish_then_fail() -> None:
        try:
            with transaction.atomic():
                page.save_revision().publish()
                raise RuntimeError("the editor's request failed")
        except RuntimeError:
            pass

    assert events(publish_then_fail) == []


def test_a_draft_sends_nothing(tree, events):
    page = news_item(tree)
    assert events(lambda: page.save_revision()) == []


def test_unpublish_delete_and_move(tree, events):
    page = news_item(tree)
    assert [p["event"] for p in events(lambda: page.unpublish())] == ["page.unpublished"]
    page.save_revision().publish()

    other_index = factories.NewsIndexPageFactory(parent=tree["conferences"], slug="archive")
    (moved,) = events(lambda: Page.objects.get(pk=page.pk).move(other_index, pos="last-child"))
    assert (moved["event"], moved["urlPath"]) == ("page.moved", "/conferences/archive/library/")

    (deleted,) = events(lambda: Page.objects.get(pk=page.pk).delete())  # no page.unpublished as well
    assert (deleted["event"], deleted["id"], deleted["type"]) == ("page.deleted", str(page.pk), "news.newspage")


def test_scheduled_go_live_and_expiry(tree, events):
    page = news_item(tree, live=False)
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save_revision(approved_go_live_at=page.go_live_at)
    assert [p["event"] for p in events(lambda: call_command("publish_scheduled"))] == ["page.published"]

    NewsPage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert [p["event"] for p in events(lambda: call_command("publish_scheduled"))] == ["page.unpublished"]


def test_snippets_images_and_documents(tree, events):
    partnership = factories.PartnershipFactory(name="EU4Culture")
    image = factories.ImageFactory(title="Library")
    news = news_item(tree, partnerships=[partnership], hero_image=image)

    partnership.name = "EU4Culture programme"
    (changed,) = events(partnership.save)
    assert (changed["event"], changed["type"], changed["id"]) == (
        "snippet.changed",
        "partnerships.partnership",
        str(partnership.pk),
    )
    assert (changed["urlPath"], changed["url"]) == (None, None)
    assert changed["locale"] == "en"
    assert changed["affected"] == [str(news.pk)]
    assert changed["surrogateKeys"] == sorted([f"partnership-{partnership.pk}", f"page-{news.pk}"])

    image.title = "The new library"
    (image_changed,) = events(image.save)
    assert (image_changed["event"], image_changed["affected"]) == ("image.changed", [str(news.pk)])
    assert image_changed["surrogateKeys"] == sorted([f"image-{image.pk}", f"page-{news.pk}"])

    document = factories.DocumentFactory()
    (deleted,) = events(document.delete)
    assert (deleted["event"], deleted["type"]) == ("document.deleted", "wagtaildocs.document")


def test_only_active_endpoints_subscribed_to_the_event(tree, events):
    WebhookEndpoint.objects.update(active=False)
    WebhookEndpoint.objects.create(name="Images only", url="http://127.0.0.1:9/", events=[Event.IMAGE_CHANGED])
    page = news_item(tree, live=False)
    assert events(lambda: page.save_revision().publish()) == []
    assert [p["event"] for p in events(factories.ImageFactory)] == ["image.changed"]
