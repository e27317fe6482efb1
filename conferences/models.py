"""Conference pages; their status (upcoming, ongoing, past) is always derived from their dates."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock, LinksBlock
from home.models import HeadlessMixin, IndexPage
from home.rich_text_fields import CleanRichTextField
from home.widgets import CountedTextarea

from .blocks import AgendaDayBlock, ObjectiveBlock, SiteVisitBlock
from .forms import ConferencePageForm


class ConferenceIndexPage(IndexPage):
    """The conferences section of a site."""

    subpage_types = ["conferences.ConferencePage"]


class ConferenceStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Ongoing")
    PAST = "past", _("Past")


class ConferencePage(HeadlessMixin, Page):
    """A conference or partnership meeting, written from its concept note."""

    class DocumentKind(models.TextChoices):
        CONCEPT_NOTE = "concept_note", _("Concept note")
        DRAFT_AGENDA = "draft_agenda", _("Draft agenda")
        AGENDA = "agenda", _("Agenda")
        PROGRAMME = "programme", _("Programme")
        REPORT = "report", _("Report")

    class DocumentStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINAL = "final", _("Final")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    start_date = models.DateField()
    end_date = models.DateField()
    format = models.CharField(max_length=16, choices=Format.choices, default=Format.IN_PERSON)
    host_city = models.ForeignKey(
        "cities.CityProfilePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_conferences",
    )
    venue = models.CharField(max_length=255, blank=True)
    organisers = ParentalManyToManyField("partnerships.Organisation", blank=True, related_name="organised_conferences")
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conferences",
        help_text=_("The programme or partnership this conference belongs to."),
    )
    edition = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("e.g. 2 for the second meeting."))
    # A foreign key, not one-to-one: each translation of an edition points at the same previous one.
    previous_edition = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_editions",
    )
    summary = models.TextField(max_length=500, blank=True, help_text=_("Plain text for listings."))
    background = CleanRichTextField(blank=True, features=RICH_TEXT_FEATURES)
    objectives = StreamField([("objective", ObjectiveBlock())], blank=True)
    agenda = StreamField([("day", AgendaDayBlock())], blank=True)
    site_visits = StreamField([("visit", SiteVisitBlock())], blank=True)
    expected_outcomes = StreamField([("outcome", blocks.TextBlock(label=_("Outcome")))], blank=True)
    target_audience = CleanRichTextField(blank=True, features=RICH_TEXT_FEATURES)
    body = StreamField(
        BodyBlock(), blank=True, help_text=_("Narrative beyond the background: sections, quotes, key figures.")
    )
    document_kind = models.CharField(
        max_length=20,
        choices=DocumentKind.choices,
        blank=True,
        help_text=_("What the page was written from, e.g. a concept note."),
    )
    document_status = models.CharField(max_length=10, choices=DocumentStatus.choices, blank=True)
    documents = StreamField([("links", LinksBlock())], blank=True, help_text=_("Reports, notes, proceedings."))
    registration_url = models.URLField(blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("background"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("format")]),
                FieldRowPanel([FieldPanel("host_city"), FieldPanel("venue")]),
                FieldPanel("registration_url"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("summary", widget=CountedTextarea(attrs={"rows": 4})),
        FieldPanel("background"),
        FieldPanel("target_audience"),
        FieldPanel("body"),
    ]
    programme_panels = [
        FieldPanel("objectives"),
        FieldPanel("agenda"),
        FieldPanel("site_visits"),
        FieldPanel("expected_outcomes"),
        FieldPanel("documents"),
    ]
    context_panels = [
        FieldRowPanel([FieldPanel("document_kind"), FieldPanel("document_status")]),
        FieldPanel("partnership"),
        FieldPanel("organisers"),
        FieldRowPanel([FieldPanel("edition"), PageChooserPanel("previous_edition", "conferences.ConferencePage")]),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(context_panels, heading=_("Context")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    base_form_class = ConferencePageForm
    parent_page_types = ["conferences.ConferenceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("conference")
        # Lists are soonest (or latest) first with the id as tie-breaker: read in index order, not sorted.
        indexes = [models.Index(fields=["start_date", "page_ptr"], name="conference_start_id_idx")]

    def status_on(self, day: datetime.date) -> ConferenceStatus:
        if day < self.start_date:
            return ConferenceStatus.UPCOMING
        if day > self.end_date:
            return ConferenceStatus.PAST
        return ConferenceStatus.ONGOING

    @property
    def status(self) -> ConferenceStatus:
        """Derived from the dates in the site's time zone, so it can never go stale."""
        return self.status_on(timezone.localdate())

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                raise ValidationError({"end_date": _("The conference cannot end before it starts.")})
            outside = [
                day.value["date"] for day in self.agenda if not self.start_date <= day.value["date"] <= self.end_date
            ]
            if outside:
                raise ValidationError(
                    {
                        "agenda": _("Agenda days must fall between the start and end dates (%(days)s).")
                        % {"days": ", ".join(str(d) for d in outside)}
                    }
                )
        if self.previous_edition_id and self.previous_edition_id == self.pk:
            raise ValidationError({"previous_edition": _("A conference cannot follow itself.")})
