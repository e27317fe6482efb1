"""The site root, the image model every page uses, and each site's public website address."""

import contextlib
from typing import Any
from urllib.parse import urlencode

from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from previews.tokens import create_preview

from .frontend import FrontendUrlMixin
from .rich_text_fields import CleanRichTextField
from .row_loading import BuiltFromRowsMixin


class CitynewsImage(AbstractImage):
    """Wagtail's image plus a photo credit, which programme communications always print."""

    credit = models.CharField(
        max_length=160, blank=True, help_text=_("Photographer or source, e.g. '© City of Kutaisi'.")
    )

    # The original's format, and whether a GIF moves, read from the file's header whenever Wagtail
    # reads its size and hash (upload, replacement): so answering which format a rendition comes in
    # never opens the original, which with object storage is a download.
    file_format = models.CharField(max_length=10, blank=True, editable=False)
    animated = models.BooleanField(default=False, editable=False)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    def read_file_format(self) -> None:
        """Reads ``file_format`` and ``animated`` from the file as Wagtail's renditions read them
        (only a GIF is checked for animation: the one format Wagtail renders otherwise when still)."""
        with self.get_willow_image() as willow:
            self.file_format = str(willow.format_name)
            self.animated = self.file_format == "gif" and bool(willow.auto_orient().has_animation())

    def _set_image_file_metadata(self) -> None:
        super()._set_image_file_metadata()
        self.read_file_format()
        self.file.seek(0)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.file_format and self.file:
            # A file that cannot be read now (gone from storage) must not stop an editor saving the
            # image: it is read again when an answer first needs its format.
            with contextlib.suppress(OSError):
                self.read_file_format()
        super().save(*args, **kwargs)


class CitynewsRendition(AbstractRendition):
    image = models.ForeignKey(CitynewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class FrontendPreviewMixin:
    """The admin's Preview shows the page on the site's front end, passing a signed preview token.

    Wagtail builds the page from the editor's unsaved form and calls ``serve_preview`` on it, in
    the preview panel and in a new tab alike; this keeps that state and redirects there. A page
    never saved yet, or a site without a front-end preview address, keeps the CMS's own template.
    """

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        page: Page = self
        site = page.get_site() if page.pk else None
        preview_url = FrontendSettings.for_site(site).preview_url if site else ""
        if not preview_url:
            return super().serve_preview(request, mode_name)  # type: ignore[misc]
        separator = "&" if "?" in preview_url else "?"
        return HttpResponseRedirect(f"{preview_url}{separator}{urlencode({'token': create_preview(page, site)})}")


class HeadlessMixin(FrontendUrlMixin, FrontendPreviewMixin, BuiltFromRowsMixin):
    """What every page of ours shares: "View live" at its front-end address, Preview on the front
    end, and light construction from database rows."""


class IndexPage(HeadlessMixin, Page):
    """What every section listing shares: a short introduction and one per site root."""

    intro = CleanRichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(HeadlessMixin, Page):
    """The root of one site's content tree: news, conferences and cities hang below it."""

    intro = CleanRichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "conferences.ConferenceIndexPage", "cities.CityIndexPage"]


@register_setting(icon="site")
class FrontendSettings(BaseSiteSetting):
    """Where this site's public website lives: the API builds every page URL on it, not the CMS's."""

    base_url = models.URLField(
        blank=True,
        help_text=_(
            "Address of the public website that shows this site's content, e.g. "
            "'https://www.example.org'. Page URLs in the API start with it."
        ),
    )

    preview_url = models.URLField(
        blank=True,
        help_text=_(
            "Address on the public website that shows a draft, e.g. 'https://www.example.org/api/preview'. "
            "The admin's Preview opens it with '?token=...'; the website asks the API's `preview` field "
            "for the page. Leave blank to preview with the CMS's plain template."
        ),
    )

    panels = [FieldPanel("base_url"), FieldPanel("preview_url")]

    class Meta:
        verbose_name = _("front-end website")
