"""Data and helpers for the list, look-up, locale, search and topic tests.

``programme`` builds a small programme once per test module, inside a transaction that is rolled
back when the module ends; every test still runs in its own savepoint (the ``db`` fixture that
``graphql`` requests), so what a test adds or changes is undone after it. Tests must not change
the model instances of ``programme`` in memory: fetch a fresh copy to change something.

The module is registered as a pytest plugin (``pytest_plugins`` in ``tests/conftest.py``): ask
for ``programme`` in a test's arguments.

The programme (dates in October 2022, titles chosen so that date and title orders differ)::

    partnerships  EU4Culture (project, funded by DG NEAR)
                  EU4Culture Cities Network (network, part of EU4Culture, funded by DG NEAR)
                  Urban Agenda Culture (urban agenda, no members)
    organisations European Commission > DG NEAR; Kutaisi City Hall (GE)
    cities        Kutaisi (GE), Gyumri (AM), Barcelona (ES), Tbilisi (GE, capital), Batumi (GE, draft)
    conferences   Regional Network Conference, 2022-10-06/07, Kutaisi, network, edition 1
                  Second Network Conference, 2023-05-10/11, Gyumri, network, edition 2 (follows 1), hybrid
    news          news-1 2022-10-01 "Culture forum opens in Kutaisi"  Kutaisi, Gyumri   culture           network     conference 1
                  news-2 2022-10-02 "Barcelona shares mobility plans" Barcelona         mobility          EU4Culture
                  news-3 2022-10-03 "Gyumri joins the network"        Gyumri, Kutaisi   culture, mobility network
                  news-4 2022-10-04 "A tram for Barcelona"            Barcelona         mobility          network
                  news-5 2022-10-05 "Kutaisi hosts artists"           Kutaisi, Batumi   culture           both        conference 2
                  draft  2022-10-06 "Draft about Kutaisi" (never published): Kutaisi, tag "secret", network, conference 1
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.db import transaction
from wagtail.models import Locale, Page

from home.models import FrontendSettings
from partnerships.models import Organisation, Partnership
from tests import factories

BASE_URL = "https://www.example.org"

NEWS_TITLES = {
    1: "Culture forum opens in Kutaisi",
    2: "Barcelona shares mobility plans",
    3: "Gyumri joins the network",
    4: "A tram for Barcelona",
    5: "Kutaisi hosts artists",
}
NEWEST = [NEWS_TITLES[n] for n in (5, 4, 3, 2, 1)]
OLDEST = list(reversed(NEWEST))
BY_TITLE = sorted(NEWEST)


def build_programme() -> dict[str, Any]:
    tree = factories.make_site_tree()
    FrontendSettings.objects.update_or_create(site=tree["site"], defaults={"base_url": BASE_URL})
    ec = factories.OrganisationFactory(name="European Commission", acronym="EC", kind=Organisation.Kind.EU_INSTITUTION)
    dg = factories.OrganisationFactory(name="DG NEAR", acronym="DG NEAR", kind=Organisation.Kind.DIRECTORATE, parent=ec)
    city_hall = factories.OrganisationFactory(
        name="Kutaisi City Hall", kind=Organisation.Kind.LOCAL_AUTHORITY, country="GE"
    )
    programme = factories.PartnershipFactory(
        name="EU4Culture", slug="eu4culture", acronym="E4C", kind=Partnership.Kind.PROJECT, funder=dg
    )
    network = factories.PartnershipFactory(
        name="EU4Culture Cities Network",
        slug="eu4culture-network",
        kind=Partnership.Kind.NETWORK,
        funder=dg,
        parent=programme,
    )
    agenda = factories.PartnershipFactory(
        name="Urban Agenda Culture", slug="urban-agenda-culture", kind=Partnership.Kind.URBAN_AGENDA
    )
    image = factories.ImageFactory(title="Kutaisi", credit="© Kutaisi City Hall")
    document = factories.DocumentFactory(title="Kutaisi Cultural Development Strategy")
    cities = tree["cities"]
    kutaisi = factories.CityProfilePageFactory(
        parent=cities,
        title="Kutaisi",
        slug="kutaisi",
        country="GE",
        region="Imereti",
        image=image,
        population=130000,
        population_year=2022,
        latitude=Decimal("42.2679"),
        longitude=Decimal("42.6946"),
        memberships=[{"partnership": network, "role": "Member", "since_year": 2021}],
        strategies=[{"title": "Cultural Development Strategy", "year": 2020, "document": document}],
        funding=[
            {"amount": Decimal("300000"), "currency": "EUR", "programme": programme, "year": 2022, "purpose": "Arts"}
        ],
    )
    gyumri = factories.CityProfilePageFactory(
        parent=cities,
        title="Gyumri",
        slug="gyumri",
        country="AM",
        memberships=[{"partnership": network, "role": "Lead city", "since_year": 2020}],
    )
    barcelona = factories.CityProfilePageFactory(parent=cities, title="Barcelona", slug="barcelona", country="ES")
    tbilisi = factories.CityProfilePageFactory(
        parent=cities, title="Tbilisi", slug="tbilisi", country="GE", is_capital=True, memberships=[programme]
    )
    batumi = factories.CityProfilePageFactory(
        parent=cities, title="Batumi", slug="batumi", country="GE", live=False, memberships=[network]
    )
    first = factories.ConferencePageFactory(
        parent=tree["conferences"],
        title="Regional Network Conference",
        slug="regional-network-conference",
        start_date=datetime.date(2022, 10, 6),
        end_date=datetime.date(2022, 10, 7),
        host_city=kutaisi,
        partnership=network,
        organisers=[dg, city_hall],
        edition=1,
    )
    second = factories.ConferencePageFactory(
        parent=tree["conferences"],
        title="Second Network Conference",
        slug="second-network-conference",
        start_date=datetime.date(2023, 5, 10),
        end_date=datetime.date(2023, 5, 11),
        host_city=gyumri,
        partnership=network,
        format="hybrid",
        edition=2,
        previous_edition=first,
    )
    relations = {
        1: {"cities": [kutaisi, gyumri], "tags": ["culture"], "partnerships": [network], "conference": first},
        2: {"cities": [barcelona], "tags": ["mobility"], "partnerships": [programme]},
        3: {"cities": [gyumri, kutaisi], "tags": ["culture", "mobility"], "partnerships": [network]},
        4: {"cities": [barcelona], "tags": ["mobility"], "partnerships": [network]},
        5: {
            "cities": [kutaisi, batumi],
            "tags": ["culture"],
            "partnerships": [network, programme],
            "conference": second,
        },
    }
    news = [
        factories.NewsPageFactory(
            parent=tree["news"],
            title=NEWS_TITLES[n],
            slug=f"news-{n}",
            date=datetime.date(2022, 10, n),
            organisations=[city_hall, dg] if n == 1 else [],
            **relations[n],
        )
        for n in range(1, 6)
    ]
    draft = factories.NewsPageFactory(
        parent=tree["news"],
        title="Draft about Kutaisi",
        slug="draft",
        date=datetime.date(2022, 10, 6),
        cities=[kutaisi],
        tags=["secret"],
        partnerships=[network],
        conference=first,
        live=False,
    )
    return {
        **tree,
        "ec": ec,
        "dg": dg,
        "city_hall": city_hall,
        "programme": programme,
        "network": network,
        "agenda": agenda,
        "image": image,
        "document": document,
        "kutaisi": kutaisi,
        "gyumri": gyumri,
        "barcelona": barcelona,
        "tbilisi": tbilisi,
        "batumi": batumi,
        "first_conference": first,
        "second_conference": second,
        "news_items": news,
        "draft_news": draft,
    }


@pytest.fixture(scope="module", name="programme")
def programme_fixture(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The programme above, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_programme()
        transaction.set_rollback(True)


def french() -> Locale:
    return Locale.objects.get(language_code="fr")


def translate(page: Page, publish: bool = True, **fields: Any) -> Page:
    """The French version of ``page`` as an editor makes it: copied (parents too), edited, published."""
    copy = page.specific.copy_for_translation(french(), copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    revision = copy.save_revision()
    if publish:
        revision.publish()
    return type(copy).objects.get(pk=copy.pk)


def titles(connection: dict[str, Any]) -> list[str]:
    """The node titles of a connection, in order."""
    return [edge["node"]["title"] for edge in connection["edges"]]


def names(connection: dict[str, Any]) -> list[str]:
    """The node names of a connection (partnerships), in order."""
    return [edge["node"]["name"] for edge in connection["edges"]]
