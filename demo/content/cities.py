"""City profiles: the two host cities of the global meetings and cities of the EU4Culture network.

The seeds name only Kutaisi, Barcelona and Brussels. The other network cities are plausible
non-capital cities of the five Eastern Partnership countries, chosen for the demo; which of them
are "winner cities" (EU funding of up to EUR 300,000 for their Cultural Development Strategy) is
illustrative too. Coordinates are real; populations are rounded figures with their year. Every
profile is flagged ``is_demo`` and says so in its body. City bodies link only to objects created
before them (images, documents), since conferences and news are built after the cities.
"""

from decimal import Decimal

from demo.spec import (
    CitySpec,
    FundingSpec,
    MembershipSpec,
    StrategySpec,
    heading,
    image,
    key_figure,
    paragraph,
)

NETWORK = "eu4culture-cities-network"
PROGRAMME = "partnerships-for-sustainable-cities"
WINNER_GRANT = Decimal("300000.00")

DEMO_NOTE = paragraph(
    "<p><i>Demo profile: the population is a rounded figure and the memberships and funding shown "
    "here are illustrative, not verified facts.</i></p>"
)


def network_city(
    *,
    slug: str,
    title: str,
    country: str,
    country_name: str,
    region: str,
    latitude: str,
    longitude: str,
    population: int,
    population_year: int,
    winner: bool = False,
    intro: str,
) -> CitySpec:
    """A non-capital city of the EU4Culture Cities Network, with its strategy and, if a winner, funding."""
    strategy = StrategySpec(
        title=f"Cultural Development Strategy of {title}",
        year=2021,
        summary=(
            f"Drawn up by {title} with support from EU4Culture; it sets the city's cultural priorities "
            "for the coming years (demo entry)."
        ),
    )
    funding: tuple[FundingSpec, ...] = ()
    body = [
        heading("In the EU4Culture Cities Network"),
        paragraph(
            f"<p>{intro}</p><p>{title} is one of the 14 non-capital cities and towns of the Eastern "
            "Partnership that prepared a Cultural Development Strategy with EU4Culture and then joined "
            "the project's cities network, where members exchange experience and look for partners "
            "for joint cultural projects.</p>"
        ),
    ]
    if winner:
        funding = (
            FundingSpec(
                amount=WINNER_GRANT,
                programme="eu4culture",
                year=2022,
                purpose="Putting the Cultural Development Strategy into practice (demo winner city)",
            ),
        )
        body += [
            key_figure("EUR 300,000", "maximum EU4Culture grant to a winner city"),
            paragraph(
                f"<p>In this demo, {title} is one of the winner cities that received EU funding to "
                "carry out its strategy.</p>"
            ),
        ]
    return CitySpec(
        slug=slug,
        title=title,
        country=country,
        region=region,
        latitude=Decimal(latitude),
        longitude=Decimal(longitude),
        population=population,
        population_year=population_year,
        summary=(
            f"A non-capital city in {country_name} and a member of the EU4Culture Cities Network"
            + (", among the demo winner cities." if winner else ".")
        ),
        image=f"city-{slug}",
        body=[*body, DEMO_NOTE],
        memberships=(MembershipSpec(NETWORK, "Member city (winner)" if winner else "Member city", 2022),),
        strategies=(strategy,),
        funding=funding,
    )


KUTAISI = network_city(
    slug="kutaisi",
    title="Kutaisi",
    country="GE",
    country_name="Georgia",
    region="Imereti",
    latitude="42.267900",
    longitude="42.694600",
    population=147_600,
    population_year=2014,
    winner=True,
    intro=(
        "The main city of the Imereti region in western Georgia welcomed the 2nd EU4Culture Regional "
        "Network Conference on 6 and 7 October 2022, when mayors, city representatives, project "
        "partners and international experts met to plan cultural cooperation."
    ),
)

BARCELONA = CitySpec(
    slug="barcelona",
    title="Barcelona",
    country="ES",
    region="Catalonia",
    latitude=Decimal("41.387400"),
    longitude=Decimal("2.168600"),
    population=1_656_000,
    population_year=2023,
    summary=(
        "The Catalan capital, where the Metropolitan Area of Barcelona co-organised the second global "
        "meeting of the Partnerships for Sustainable Cities in March 2024."
    ),
    image="city-barcelona",
    website="https://www.barcelona.cat",
    body=[
        heading("Host of the second global meeting"),
        paragraph(
            "<p>From 12 to 14 March 2024 Barcelona welcomed the city-to-city partnerships of the "
            "Partnerships for Sustainable Cities programme for their second and final global meeting, "
            "prepared together with the Metropolitan Area of Barcelona (AMB).</p>"
            "<p>On the morning of the last day, participants could visit urban projects across the "
            "metropolitan area on four themes:</p>"
            "<ul><li>public spaces</li><li>sustainable mobility</li><li>housing</li>"
            "<li>waste and water management</li></ul>"
        ),
        image("hero-global-meeting-barcelona", caption="The second global meeting took place in Barcelona."),
        DEMO_NOTE,
    ],
    memberships=(MembershipSpec(PROGRAMME, "Host city of the second global meeting", 2024),),
)

BRUSSELS = CitySpec(
    slug="brussels",
    title="Brussels",
    country="BE",
    region="Brussels-Capital Region",
    is_capital=True,
    latitude=Decimal("50.846700"),
    longitude=Decimal("4.352500"),
    population=1_241_000,
    population_year=2023,
    summary=(
        "Belgium's capital and seat of the European Commission, where the Partnerships for Sustainable "
        "Cities held their first global meeting in March 2023."
    ),
    image="city-brussels",
    website="https://be.brussels",
    body=[
        heading("Host of the first global meeting"),
        paragraph(
            "<p>The first gathering of all the programme's city-to-city partnerships took place in "
            "Brussels from 7 to 9 March 2023. Partners got to know each other, compared the problems "
            "they meet when running their projects and discussed with EU stakeholders which support "
            "would help them most.</p>"
        ),
        DEMO_NOTE,
    ],
    memberships=(MembershipSpec(PROGRAMME, "Host city of the first global meeting", 2023),),
)

CITIES: tuple[CitySpec, ...] = (
    KUTAISI,
    BARCELONA,
    BRUSSELS,
    network_city(
        slug="telavi",
        title="Telavi",
        country="GE",
        country_name="Georgia",
        region="Kakheti",
        latitude="41.919800",
        longitude="45.473100",
        population=19_600,
        population_year=2014,
        intro="The main town of Kakheti lies in the wine country of eastern Georgia.",
    ),
    network_city(
        slug="gyumri",
        title="Gyumri",
        country="AM",
        country_name="Armenia",
        region="Shirak Province",
        latitude="40.789400",
        longitude="43.847500",
        population=112_000,
        population_year=2022,
        winner=True,
        intro="Armenia's second city is the administrative centre of Shirak Province, in the north-west.",
    ),
    network_city(
        slug="vanadzor",
        title="Vanadzor",
        country="AM",
        country_name="Armenia",
        region="Lori Province",
        latitude="40.812800",
        longitude="44.488300",
        population=75_000,
        population_year=2022,
        intro="The administrative centre of Lori Province sits in a river valley in northern Armenia.",
    ),
    network_city(
        slug="ganja",
        title="Ganja",
        country="AZ",
        country_name="Azerbaijan",
        region="Ganja-Dashkasan",
        latitude="40.682800",
        longitude="46.360600",
        population=335_000,
        population_year=2021,
        intro="Ganja, in western Azerbaijan, is one of the country's largest cities.",
    ),
    network_city(
        slug="balti",
        title="Bălți",
        country="MD",
        country_name="the Republic of Moldova",
        region="Bălți Municipality",
        latitude="47.761700",
        longitude="27.928900",
        population=102_000,
        population_year=2014,
        winner=True,
        intro="Bălți is the main city of northern Moldova.",
    ),
    network_city(
        slug="cahul",
        title="Cahul",
        country="MD",
        country_name="the Republic of Moldova",
        region="Cahul District",
        latitude="45.907500",
        longitude="28.194400",
        population=30_000,
        population_year=2014,
        intro="Cahul is a town in the far south of Moldova, close to the Prut river.",
    ),
    network_city(
        slug="lviv",
        title="Lviv",
        country="UA",
        country_name="Ukraine",
        region="Lviv Oblast",
        latitude="49.839700",
        longitude="24.029700",
        population=717_000,
        population_year=2022,
        intro="Lviv is the largest city of western Ukraine and the centre of Lviv Oblast.",
    ),
)

# Slugs of the cities flagged as demo winners of an EU4Culture grant (used by tests and docs).
DEMO_WINNER_CITIES = tuple(city.slug for city in CITIES if city.funding)
