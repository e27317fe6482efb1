"""Scheduled publishing, expiry, drafts and the moderation workflow, on news items.

Wagtail 8 schedules a page by publishing a revision whose ``go_live_at`` is in the future: the
page stays (or becomes) not live and the revision gets ``approved_go_live_at``.
``manage.py publish_scheduled`` (run by cron) publishes every revision whose
``approved_go_live_at`` has passed and unpublishes, marking ``expired``, every live page whose
``expire_at`` has passed. The "time machine" is a monkeypatched ``django.utils.timezone.now``,
which both the command and the publish action read.
"""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils import WagtailPageTestCase

from news.models import NewsPage
from tests.factories import NewsPageFactory, make_site_tree
from tests.news.test_news_pages import news_form

HOUR = datetime.timedelta(hours=1)


def travel_to(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def reload(page):
    return NewsPage.objects.get(pk=page.pk)


@pytest.fixture
def scheduled(site_tree):
    """A news item saved as a draft, then published with ``go_live_at`` an hour from now."""
    page = NewsPageFactory(parent=site_tree["news"], live=False, title="Embargoed")
    # whole seconds: a revision's JSON keeps milliseconds only
    page.go_live_at = (timezone.now() + HOUR).replace(microsecond=0)
    revision = page.save_revision()
    revision.publish()
    return reload(page), revision


def test_publishing_with_a_future_go_live_at_schedules_instead_of_going_live(scheduled):
    page, revision = scheduled
    revision.refresh_from_db()
    assert not page.live
    assert page.live_revision is None
    assert page.first_published_at is None
    assert revision.approved_go_live_at == page.go_live_at
    assert page.status_string == "scheduled"


def test_publish_scheduled_leaves_it_alone_before_go_live_at(scheduled):
    page, _ = scheduled
    call_command("publish_scheduled")
    assert not reload(page).live


def test_publish_scheduled_makes_it_live_once_go_live_at_has_passed(scheduled, monkeypatch):
    page, revision = scheduled
    later = page.go_live_at + datetime.timedelta(minutes=5)
    travel_to(monkeypatch, later)

    call_command("publish_scheduled")

    page = reload(page)
    revision.refresh_from_db()
    assert page.live
    assert page.live_revision == revision
    assert page.first_published_at == later
    assert revision.approved_go_live_at is None


def test_moving_only_approved_go_live_at_to_the_past_reschedules_it(scheduled):
    """The revision's own content still says go live in an hour: publishing it schedules it again."""
    page, revision = scheduled
    revision.approved_go_live_at = timezone.now() - HOUR
    revision.save(update_fields=["approved_go_live_at"])

    call_command("publish_scheduled")

    revision.refresh_from_db()
    assert not reload(page).live
    assert revision.approved_go_live_at == page.go_live_at


def test_moving_go_live_at_to_the_past_in_the_revision_publishes_it(scheduled):
    page, revision = scheduled
    past = timezone.now() - HOUR
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])

    call_command("publish_scheduled")

    page = reload(page)
    assert page.live
    assert page.go_live_at == past


def test_a_live_page_whose_expire_at_has_passed_is_unpublished_and_marked_expired(site_tree):
    page = NewsPageFactory(parent=site_tree["news"], expire_at=timezone.now() - HOUR)
    assert page.live

    call_command("publish_scheduled")

    page = reload(page)
    assert not page.live
    assert page.expired
    assert page.status_string == "expired"


def test_expiry_waits_for_expire_at(site_tree, monkeypatch):
    expire_at = timezone.now() + HOUR
    page = NewsPageFactory(parent=site_tree["news"], expire_at=expire_at)

    call_command("publish_scheduled")
    assert reload(page).live

    travel_to(monkeypatch, expire_at + datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page = reload(page)
    assert (page.live, page.expired) == (False, True)


class DraftAndModerationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = make_site_tree()
        cls.user = cls.create_superuser("editor")
        cls.page = NewsPageFactory(parent=cls.tree["news"], title="Original title")

    def setUp(self):
        self.client.force_login(self.user)
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @override_settings(CITYNEWS_HEADLESS=False)  # reads the live version off the CMS's own rendering
    def test_saving_a_draft_creates_a_revision_and_keeps_the_live_version(self):
        revisions = self.page.revisions.count()

        response = self.client.post(self.edit_url, news_form(title="Draft title", slug=self.page.slug))

        self.assertRedirects(response, self.edit_url)
        page = reload(self.page)
        assert page.revisions.count() == revisions + 1
        assert page.has_unpublished_changes
        assert page.get_latest_revision_as_object().title == "Draft title"
        assert page.title == "Original title"
        self.assertContains(self.client.get(page.url), "<h1>Original title</h1>", html=True)

    def test_submitting_to_moderation_then_approving_publishes_the_revision(self):
        workflow = self.page.get_workflow()
        assert workflow == Workflow.objects.get(name="Moderators approval")

        data = news_form(title="Moderated title", slug=self.page.slug)
        data["action-submit"] = "submit"
        self.client.post(self.edit_url, data)

        page = reload(self.page)
        state = page.current_workflow_state
        assert state is not None
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert state.workflow == workflow
        assert state.requested_by == self.user
        assert page.title == "Original title"  # not published yet
        task_state = state.current_task_state
        assert task_state.revision.as_object().title == "Moderated title"

        approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        self.client.post(approve_url, {"comment": "Good to go"})

        page = reload(self.page)
        state.refresh_from_db()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert page.title == "Moderated title"
        assert page.live_revision == task_state.revision
        assert not page.has_unpublished_changes
