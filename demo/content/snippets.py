"""Organisations and partnerships: the snippets pages point at, created before any page.

Organisations are keyed by acronym or short name, partnerships by slug; records may name a
parent (or funder) that comes earlier in the same tuple.
"""

from demo.spec import OrganisationSpec, PartnershipSpec
from partnerships.models import Organisation, Partnership

OrgKind = Organisation.Kind
PartnershipKind = Partnership.Kind

ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        key="EC",
        name="European Commission",
        kind=OrgKind.EU_INSTITUTION,
        website="https://commission.europa.eu",
    ),
    OrganisationSpec(
        key="DG INTPA",
        name="Directorate-General for International Partnerships",
        acronym="DG INTPA",
        kind=OrgKind.DIRECTORATE,
        parent="EC",
        website="https://international-partnerships.ec.europa.eu",
    ),
    OrganisationSpec(
        key="DG REGIO",
        name="Directorate-General for Regional and Urban Policy",
        acronym="DG REGIO",
        kind=OrgKind.DIRECTORATE,
        parent="EC",
        website="https://ec.europa.eu/regional_policy",
    ),
    OrganisationSpec(
        key="DG NEAR",
        name="Directorate-General for Neighbourhood and Enlargement Negotiations",
        acronym="DG NEAR",
        kind=OrgKind.DIRECTORATE,
        parent="EC",
    ),
    OrganisationSpec(
        key="JRC",
        name="Joint Research Centre",
        acronym="JRC",
        kind=OrgKind.DIRECTORATE,
        parent="EC",
        website="https://joint-research-centre.ec.europa.eu",
    ),
    OrganisationSpec(
        key="AMB",
        name="Metropolitan Area of Barcelona",
        acronym="AMB",
        kind=OrgKind.LOCAL_AUTHORITY,
        country="ES",
        website="https://www.amb.cat",
    ),
    OrganisationSpec(
        key="Goethe-Institut",
        name="Goethe-Institut",
        kind=OrgKind.CULTURAL_INSTITUTE,
        country="DE",
        website="https://www.goethe.de",
    ),
    OrganisationSpec(
        key="IFG",
        name="Institut français de Géorgie",
        kind=OrgKind.CULTURAL_INSTITUTE,
        country="GE",
    ),
    OrganisationSpec(
        key="DCI",
        name="Danish Cultural Institute",
        kind=OrgKind.CULTURAL_INSTITUTE,
        country="DK",
    ),
    OrganisationSpec(
        key="Czech Centres",
        name="Czech Centres",
        kind=OrgKind.CULTURAL_INSTITUTE,
        country="CZ",
        website="https://www.czechcentres.cz",
    ),
)

PARTNERSHIPS: tuple[PartnershipSpec, ...] = (
    PartnershipSpec(
        slug="culture-cultural-heritage",
        name="Culture and Cultural Heritage Partnership",
        kind=PartnershipKind.URBAN_AGENDA,
        description=(
            "A partnership of the Urban Agenda for the EU on culture and cultural heritage, steered by "
            "an Italian and a German coordinator. Its Action Plan went through a broad public "
            "consultation and was presented at the DGUM in October 2020; its 11 Actions have been "
            "under way since the start of 2021."
        ),
    ),
    PartnershipSpec(
        slug="eu4culture",
        name="EU4Culture",
        kind=PartnershipKind.PROJECT,
        funder="EC",
        description=(
            "An EU-funded project backing the cultural and creative sector in the Eastern Partnership "
            "countries, with particular attention to cities and towns that are not capitals. It is "
            "run by the Goethe-Institut as lead partner together with the Institut français de "
            "Géorgie, the Danish Cultural Institute and Czech Centres."
        ),
    ),
    PartnershipSpec(
        slug="eu4culture-cities-network",
        name="EU4Culture Cities Network",
        kind=PartnershipKind.NETWORK,
        parent="eu4culture",
        funder="EC",
        description=(
            "Set up by EU4Culture for the 14 non-capital cities and towns of Armenia, Azerbaijan, "
            "Georgia, the Republic of Moldova and Ukraine that drew up Cultural Development "
            "Strategies with the project's help. Members use it to swap know-how and to plan "
            "cultural work together."
        ),
    ),
    PartnershipSpec(
        slug="partnerships-for-sustainable-cities",
        name="Partnerships for Sustainable Cities",
        kind=PartnershipKind.PROGRAMME,
        funder="DG INTPA",
        start_year=2018,
        description=(
            "A decentralised-cooperation programme that the EU, through DG INTPA, decided to support "
            "in 2018. It pairs local authorities from EU Member States with peers in partner "
            "countries so they can tackle shared urban challenges together and promote integrated "
            "urban development; 57 city-to-city partnerships were started under it."
        ),
    ),
    PartnershipSpec(
        slug="new-european-bauhaus",
        # The model has no "initiative" kind: PROGRAMME is the closest fit.
        name="New European Bauhaus",
        acronym="NEB",
        kind=PartnershipKind.PROGRAMME,
        funder="EC",
        start_year=2020,
        description=(
            "A European initiative looking for better ways of living together, which also aims to "
            "bring the European Green Deal closer to people by connecting them."
        ),
    ),
)
