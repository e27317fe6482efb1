"""City profile pages and the facts editors keep about each city, as inline, ordered rows."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import HeadlessMixin, IndexPage
from partnerships.models import YEAR_VALIDATORS


class CityIndexPage(IndexPage):
    """The one listing of city profiles under a site root."""

    subpage_types = ["cities.CityProfilePage"]


class CityProfilePage(HeadlessMixin, Page):
    """A city or town taking part in a programme; news and conferences point at it."""

    country = CountryField(help_text=_("ISO 3166 country."))
    region = models.CharField(max_length=120, blank=True, help_text=_("Region, province or oblast."))
    is_capital = models.BooleanField(default=False, verbose_name=_("capital city"))
    population = models.PositiveIntegerField(null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=YEAR_VALIDATORS, help_text=_("Year of the population figure.")
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    summary = models.TextField(
        max_length=500, blank=True, help_text=_("One or two sentences for listings and maps (plain text).")
    )
    body = StreamField(BodyBlock(), blank=True)
    image = models.ForeignKey("home.CitynewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    website = models.URLField(blank=True, help_text=_("The city's official website."))
    is_demo = models.BooleanField(
        default=False,
        verbose_name=_("demo content"),
        help_text=_("Generated for demonstration: facts are not verified."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("region"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("is_capital"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region"), FieldPanel("is_capital")]),
                FieldRowPanel([FieldPanel("population"), FieldPanel("population_year")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("website"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    network_panels = [
        InlinePanel("memberships", heading=_("Memberships"), label=_("Membership")),
        InlinePanel("strategies", heading=_("Strategies"), label=_("Strategy")),
        InlinePanel("funding", heading=_("Funding received"), label=_("Funding")),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_demo")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profile")),
            ObjectList(network_panels, heading=_("Networks and funding")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )

    parent_page_types = ["cities.CityIndexPage"]
    subpage_types: list[str] = []

    def clean(self) -> None:
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if self.population is not None and self.population_year is None:
            errors["population_year"] = _("Say which year the population figure is from.")
        if errors:
            raise ValidationError(errors)


class CityMembership(Orderable):
    """A city's place in a partnership or network, e.g. 'member since 2021'."""

    page = ParentalKey(CityProfilePage, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="city_memberships"
    )
    role = models.CharField(max_length=120, blank=True, help_text=_("e.g. 'Member', 'Lead city', 'Coordinator'."))
    since_year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)

    panels = [FieldPanel("partnership"), FieldRowPanel([FieldPanel("role"), FieldPanel("since_year")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "partnership"], name="unique_city_membership"),
        ]


class CityStrategy(Orderable):
    """A strategy the city adopted, e.g. its Cultural Development Strategy."""

    page = ParentalKey(CityProfilePage, on_delete=models.CASCADE, related_name="strategies")
    title = models.CharField(max_length=255)
    year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)
    summary = models.TextField(blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("year")]),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]


class CityFunding(Orderable):
    """Money the city received from a programme, e.g. EUR 300,000 from EU4Culture."""

    page = ParentalKey(CityProfilePage, on_delete=models.CASCADE, related_name="funding")
    amount = models.DecimalField(max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(
        max_length=3,
        default="EUR",
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO 4217 code, e.g. EUR."))],
    )
    programme = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funded_cities",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)
    purpose = models.CharField(max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency"), FieldPanel("year")]),
        FieldPanel("programme"),
        FieldPanel("purpose"),
    ]
