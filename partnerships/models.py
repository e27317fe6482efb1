"""Snippets that news, conferences and city profiles point at, so each is written once.

Both are translatable: a French page links to the French version of a partnership when it
exists, and the API falls back to the default language when it does not.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """An EU body or DG, a city authority, a cultural institute...: who organises, funds or acts."""

    class Kind(models.TextChoices):
        EU_INSTITUTION = "eu_institution", _("EU institution or body")
        DIRECTORATE = "directorate", _("Directorate-General or service")
        LOCAL_AUTHORITY = "local_authority", _("City or local authority")
        NATIONAL_AUTHORITY = "national_authority", _("National or regional authority")
        CULTURAL_INSTITUTE = "cultural_institute", _("Cultural institute")
        NETWORK = "network", _("Association or network")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=255)
    acronym = models.CharField(max_length=40, blank=True, help_text=_("e.g. 'DG NEAR', 'AMB'."))
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        help_text=_("The body this one belongs to, e.g. the European Commission for a DG."),
    )
    country = CountryField(blank=True)
    website = models.URLField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("website")]),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Partnership(TranslatableMixin, index.Indexed, models.Model):
    """A programme, network or city-to-city partnership that cities, news and conferences belong to."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Programme")
        NETWORK = "network", _("City network")
        CITY_TO_CITY = "city_to_city", _("City-to-city partnership")
        URBAN_AGENDA = "urban_agenda", _("Urban Agenda partnership")
        PROJECT = "project", _("Project")

    name = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, help_text=_("Used in API look-ups; unique per language."))
    acronym = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=32, choices=Kind.choices, default=Kind.PROGRAMME)
    funder = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_partnerships",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("The programme this partnership is part of, if any."),
    )
    description = models.TextField(blank=True)
    start_year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)
    website = models.URLField(blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
            ],
            heading=_("Identity"),
        ),
        FieldRowPanel([FieldPanel("funder"), FieldPanel("parent")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("website"),
    ]

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("acronym", boost=2),
        index.AutocompleteField("acronym"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        # The admin form has no locale field (the view sets it), so Django's unique check on
        # (slug, locale) is skipped and a clash would reach the database as an IntegrityError.
        if (
            self.slug
            and self.locale_id is not None
            and Partnership.objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk).exists()
        ):
            errors["slug"] = _("Another partnership in this language already uses this slug.")
        if errors:
            raise ValidationError(errors)
