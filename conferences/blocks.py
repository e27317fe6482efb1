"""The structured parts of a concept note: objectives, agenda days with sessions, site visits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES
from home.rich_text_fields import CleanRichTextBlock


class ObjectiveBlock(blocks.StructBlock):
    keyword = blocks.CharBlock(max_length=60, help_text=_("One or two words, e.g. 'Results' or 'Sustainability'."))
    text = blocks.TextBlock()

    class Meta:
        icon = "tick"
        label = _("Objective")


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    WORKING_GROUP = "working_group", _("Working group")
    PANEL = "panel", _("Panel discussion")
    NETWORKING = "networking", _("Networking")
    VISIT = "visit", _("Site visit")
    BREAK = "break", _("Break")


class AgendaSessionBlock(blocks.StructBlock):
    start_time = blocks.TimeBlock(required=False)
    end_time = blocks.TimeBlock(required=False)
    title = blocks.CharBlock(max_length=255)
    kind = blocks.ChoiceBlock(choices=SessionKind.choices, default=SessionKind.PLENARY)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "time"
        label = _("Session")


class AgendaDayBlock(blocks.StructBlock):
    date = blocks.DateBlock()
    title = blocks.CharBlock(max_length=255, help_text=_("e.g. 'Day 1: results of the partnerships'."))
    description = CleanRichTextBlock(features=RICH_TEXT_FEATURES, required=False)
    sessions = blocks.ListBlock(AgendaSessionBlock(), default=[])

    class Meta:
        icon = "date"
        label = _("Agenda day")


class SiteVisitBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    theme = blocks.CharBlock(max_length=120, required=False, help_text=_("e.g. 'Sustainable mobility'."))
    description = blocks.TextBlock(required=False)
    status = blocks.ChoiceBlock(
        choices=[("confirmed", _("Confirmed")), ("proposed", _("Proposed option"))],
        default="confirmed",
        help_text=_("A concept note often lists options still to be chosen: mark them as proposed."),
    )

    class Meta:
        icon = "site"
        label = _("Site visit")
