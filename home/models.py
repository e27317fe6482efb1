"""The site root, the image model every page uses, and each site's public website address."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from .rich_text_fields import CleanRichTextField


class CitynewsImage(AbstractImage):
    """Wagtail's image plus a photo credit, which programme communications always print."""

    credit = models.CharField(
        max_length=160, blank=True, help_text=_("Photographer or source, e.g. '© City of Kutaisi'.")
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]


class CitynewsRendition(AbstractRendition):
    image = models.ForeignKey(CitynewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class IndexPage(Page):
    """What every section listing shares: a short introduction and one per site root."""

    intro = CleanRichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(Page):
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

    panels = [FieldPanel("base_url")]

    class Meta:
        verbose_name = _("front-end website")
