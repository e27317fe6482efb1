"""News pages: dated reports with a standfirst for newsletters and links to cities and partnerships."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import HeadlessMixin, IndexPage
from home.widgets import CountedTextarea

from .forms import NewsPageForm

STANDFIRST_MAX_LENGTH = 300


class NewsIndexPage(IndexPage):
    """The news section of a site; news items live only below it."""

    subpage_types = ["news.NewsPage"]


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(HeadlessMixin, Page):
    """One news item, e.g. a partnership meeting report or a network conference recap."""

    date = models.DateField(default=timezone.localdate, help_text=_("The date readers see on the item."))
    end_date = models.DateField(
        null=True, blank=True, help_text=_("For a meeting over several days, its last day (the date is the first).")
    )
    standfirst = models.TextField(
        max_length=STANDFIRST_MAX_LENGTH,
        help_text=_("Plain-text summary, at most %(max)d characters: newsletters print it as it is.")
        % {"max": STANDFIRST_MAX_LENGTH},
    )
    hero_image = models.ForeignKey(
        "home.CitynewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(max_length=255, blank=True)
    hero_credit = models.CharField(
        max_length=160, blank=True, help_text=_("Leave blank to use the image's own credit.")
    )
    body = StreamField(BodyBlock(), blank=True)
    partnerships = ParentalManyToManyField("partnerships.Partnership", blank=True, related_name="news_pages")
    organisations = ParentalManyToManyField(
        "partnerships.Organisation",
        blank=True,
        related_name="news_pages",
        help_text=_("Organisers, funders and implementing partners named in the item."),
    )
    conference = models.ForeignKey(
        "conferences.ConferencePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_pages",
        help_text=_("The conference or meeting this item reports on, if it has a page."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("topics"))
    source_url = models.URLField(
        blank=True, verbose_name=_("original source"), help_text=_("Where the item was first published.")
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]),
        FieldPanel("standfirst", widget=CountedTextarea(attrs={"rows": 3})),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")]),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
    ]
    context_panels = [
        MultipleChooserPanel("city_links", chooser_field_name="city", heading=_("Cities"), label=_("City")),
        FieldPanel("partnerships"),
        FieldPanel("conference"),
        FieldPanel("organisations"),
        FieldPanel("tags"),
        FieldPanel("source_url"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(context_panels, heading=_("Context")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    base_form_class = NewsPageForm
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        # Lists are newest (or oldest) first with the id as tie-breaker: read in index order, not sorted.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_date_id_idx")]

    def clean(self) -> None:
        super().clean()
        if self.date and self.end_date and self.end_date < self.date:
            raise ValidationError({"end_date": _("The last day cannot come before the first.")})


class NewsPageCity(Orderable):
    """A city a news item is about, in the order the editor chose."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="city_links")
    city = models.ForeignKey("cities.CityProfilePage", on_delete=models.CASCADE, related_name="news_links")

    panels = [FieldPanel("city")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "city"], name="unique_news_city")]
