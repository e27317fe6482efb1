"""The "Import a document" action on the news and conference sections, and its admin URL."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton
from wagtail.models import Page

from .drafts import INDEX_MODELS
from .views import ImportDocumentView

LABEL = _("Import a document")


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    urls = [path("<int:parent_id>/", ImportDocumentView.as_view(), name="import")]
    return [path("import-document/", include((urls, "document_import"), namespace="document_import"))]


def _can_import(page: Page, user: AbstractBaseUser) -> bool:
    return (
        isinstance(page.specific_deferred, tuple(INDEX_MODELS.values()))
        and page.permissions_for_user(user).can_add_subpage()
    )


@hooks.register("register_page_header_buttons")
def import_header_button(
    page: Page, user: AbstractBaseUser, view_name: str, next_url: str | None = None
) -> Iterator[Button]:
    if _can_import(page, user):
        yield Button(
            LABEL, reverse("document_import:import", args=[page.pk]), icon_name="doc-full-inverse", priority=16
        )


@hooks.register("register_page_listing_buttons")
def import_listing_button(page: Page, user: AbstractBaseUser, next_url: str | None = None) -> Iterator[ListingButton]:
    if _can_import(page, user):
        yield ListingButton(LABEL, reverse("document_import:import", args=[page.pk]), priority=15)
