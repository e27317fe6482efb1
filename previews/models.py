"""What an editor previewed, kept server-side so that the token handed to the front end stays short."""

import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.models import Page


class PagePreview(models.Model):
    """One previewed state of a page: the unsaved form as the admin's preview built it.

    Wagtail's own preview keeps the form data per user (``FormState``) and rebuilds the page on
    every request; a front end has no admin session, so the built page is serialized here, like a
    revision, and found again by the id its token carries. Rows outlive their token by no more
    than the next preview (see ``tokens.create_preview``).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"Preview of page {self.page_id} at {self.created_at:%Y-%m-%d %H:%M}"

    def as_page(self) -> Page:
        """The page in the previewed state (never saved: the live row is left as it is)."""
        return self.page.specific.with_content_json(self.content)
