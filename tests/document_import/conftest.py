"""A site with the cities, partnerships and organisations the seed documents name, in two languages."""

from typing import Any

import pytest
from wagtail.models import Locale

from tests.factories import CityProfilePageFactory, OrganisationFactory, PartnershipFactory


@pytest.fixture
def programme(site_tree: dict[str, Any]) -> dict[str, Any]:
    french = Locale.objects.get(language_code="fr")
    kutaisi = CityProfilePageFactory(parent=site_tree["cities"], title="Kutaisi", slug="kutaisi", country="GE")
    barcelona = CityProfilePageFactory(parent=site_tree["cities"], title="Barcelona", slug="barcelona", country="ES")
    commission = OrganisationFactory(name="European Commission")
    commission_fr = commission.copy_for_translation(french)
    commission_fr.name = "Commission europ\u00e9enne"
    commission_fr.save()
    eu4culture = PartnershipFactory(name="EU4Culture")
    eu4culture.copy_for_translation(french).save()  # "EU4Culture" in French too: must not be proposed twice
    return {
        **site_tree,
        "kutaisi": kutaisi,
        "barcelona": barcelona,
        "commission": commission,
        "eu4culture": eu4culture,
        "amb": OrganisationFactory(name="Metropolitan Area of Barcelona", acronym="AMB"),
        "goethe": OrganisationFactory(name="Goethe Institut"),
        "sustainable_cities": PartnershipFactory(name="Partnerships for Sustainable Cities"),
    }
