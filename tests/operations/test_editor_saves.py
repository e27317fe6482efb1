"""An editor's save that races a database failure commits whole or reports the failure: a real lock,
held by the test on a second connection, makes PostgreSQL refuse the save halfway (after Wagtail has
written the new revision, before it points the page at it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg2
import pytest
from django.db import connection
from django.urls import reverse

from news.models import NewsPage
from tests.factories import NewsPageFactory, make_site_tree
from tests.news.test_news_pages import news_form


@pytest.fixture
def page(transactional_db: None, django_db_serialized_rollback: None) -> Any:
    tree = make_site_tree()
    page = NewsPageFactory(parent=tree["news"], title="Original title")
    page.save_revision()
    return page


@pytest.fixture
def editor(client: Any, django_user_model: Any) -> Any:
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


@contextmanager
def page_table_locked() -> Iterator[None]:
    """Another session holds a SHARE lock on pages: reads go on, writing a page waits, then times out."""
    settings = connection.settings_dict
    holder = psycopg2.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname=settings["NAME"]
    )
    try:
        holder.cursor().execute("LOCK TABLE wagtailcore_page IN SHARE MODE")
        yield
    finally:
        holder.rollback()
        holder.close()


def test_a_save_refused_halfway_keeps_every_revision_says_so_and_succeeds_when_sent_again(editor, page):
    """One test: the page table lock needs committed data, so this runs as a transactional test."""
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = news_form(title="Draft title", slug=page.slug)
    before = list(page.revisions.order_by("pk").values_list("pk", "content"))

    with page_table_locked():
        refused = editor.post(edit_url, form)

    assert refused.status_code == 503
    assert refused["Retry-After"]
    assert "nothing was saved" in refused.content.decode()
    with page_table_locked():  # the same save from a browser: a page that says where the work is
        shown = editor.post(edit_url, form, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert (shown.status_code, shown["Content-Type"]) == (503, "text/html; charset=utf-8")
    assert b"<strong>nothing was saved</strong>" in shown.content
    assert b"still in the form" in shown.content
    assert b"http-equiv" not in shown.content  # a refresh would lose the form
    # Nothing half-written: no orphan revision, the page still points at its last one.
    assert list(page.revisions.order_by("pk").values_list("pk", "content")) == before
    assert NewsPage.objects.get(pk=page.pk).latest_revision_id == before[-1][0]

    saved = editor.post(edit_url, form)

    assert saved.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert list(page.revisions.order_by("pk").values_list("pk", "content"))[: len(before)] == before
    assert page.revisions.count() == len(before) + 1
    assert page.get_latest_revision_as_object().title == "Draft title"
