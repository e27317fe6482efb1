"""News items: the two seed reports rewritten, plus three short items grounded in the concept note.

The quotation in the Kutaisi item is the only text taken word for word from a seed: a quotation
may be shortened but never reworded. The publication dates of the Barcelona announcement and the
report item are demo choices inside the period the concept note implies (the draft report was
shared in December 2023, the final agenda was due in January 2024).
"""

import datetime

from demo.spec import (
    NewsSpec,
    heading,
    key_figure,
    link,
    links,
    page_link,
    paragraph,
    quote,
)

CULTURE_MEETING = NewsSpec(
    slug="culture-heritage-partnership-4th-meeting",
    title="Culture and Cultural Heritage Partnership holds its 4th meeting",
    date=datetime.date(2021, 2, 11),
    standfirst=(
        "Meeting online on 10 and 11 February 2021, the Urban Agenda partnership on culture and "
        "cultural heritage agreed on concrete next steps for 2021, a crucial year for putting its 11 "
        "Actions into practice."
    ),
    hero_image="hero-culture-heritage-meeting",
    hero_caption="The Partnership met online for two days.",
    body=[
        paragraph(
            "<p>The Culture and Cultural Heritage Partnership held its 4th meeting on 10 and 11 "
            "February 2021. The two days produced lively debate and a list of concrete points for "
            "the Partnership to act on.</p>"
        ),
        heading("Links and momentum"),
        paragraph(
            "<p>Participants stressed how much the Partnership can gain from connecting with other "
            "initiatives at EU, national and local level: each such link is a chance to reinforce "
            "its Actions.</p>"
            "<p>They also agreed that 2021 is a decisive year for carrying out the Actions, so the "
            "pace must not slacken. Members were invited to put their knowledge to use by contacting "
            "the Action Leaders and taking part in the work.</p>"
        ),
        heading("A year of implementation"),
        paragraph(
            "<p>The Italian and German coordinators opened the meeting by describing how the pandemic "
            "had weighed on the Partnership's work and targets. Even so, the Action Plan was presented "
            "at the DGUM in October 2020, following a broad public consultation, and work on its 11 "
            "Actions began with the new year. Their success, the coordinators said, depends on "
            "everyone pulling together and staying committed.</p>"
        ),
        key_figure("11", "Actions in the Partnership's Action Plan"),
        heading("Cohesion Policy and the New European Bauhaus"),
        paragraph(
            "<p>Speaking about Cohesion Policy after 2020, DG REGIO underlined once more that culture "
            "and tourism drive regional economies and create jobs.</p>"
            "<p>The JRC then introduced the New European Bauhaus (NEB), a new European initiative that "
            "looks for better ways of living together, a question the pandemic has made more pressing. "
            "It also sets out to bring the EU Green Deal closer to people by connecting them. The "
            "Partnership is considering what it could contribute to the NEB's design phase.</p>"
        ),
        paragraph(
            "<p>In their state of play, the coordinators proposed that the Partnership approach "
            "programmes and initiatives that could strengthen the national and European dialogue on "
            "cities and its ties with other initiatives. They also asked participants to help with "
            "communication and outreach so that the Partnership becomes better known.</p>"
        ),
        heading("Day two: the Actions"),
        paragraph(
            "<p>The second day was given over to implementation. Action Leaders reported on progress, "
            "and a plenary discussion with questions and answers followed, giving each Leader feedback "
            "from the whole Partnership.</p>"
        ),
        heading("Next steps"),
        paragraph(
            "<p>The "
            + page_link("conferences/culture-heritage-partnership-5th-meeting", "5th Partnership meeting")
            + " will again be held online, on the afternoon of Tuesday 20 April and the morning of "
            "Wednesday 21 April. A 6th meeting is being planned for June.</p>"
        ),
        links(
            [
                link("The 4th meeting", page="conferences/culture-heritage-partnership-4th-meeting"),
                link("The 5th meeting", page="conferences/culture-heritage-partnership-5th-meeting"),
            ],
            heading_text="Meetings",
        ),
    ],
    partnerships=("culture-cultural-heritage", "new-european-bauhaus"),
    organisations=("DG REGIO", "JRC"),
    conference="culture-heritage-partnership-4th-meeting",
    tags=("culture", "cultural-heritage", "urban-agenda", "new-european-bauhaus"),
)

KUTAISI_CONFERENCE = NewsSpec(
    slug="kutaisi-hosts-eu4culture-regional-network-conference",
    title="Kutaisi hosts the 2nd EU4Culture Regional Network Conference",
    date=datetime.date(2022, 10, 7),
    standfirst=(
        "On 6-7 October 2022 the Georgian city of Kutaisi welcomed the EU4Culture Cities Network, "
        "whose 14 non-capital cities from five Eastern Partnership countries are looking for ways to "
        "work together on culture."
    ),
    hero_image="hero-eu4culture-kutaisi",
    hero_caption="Kutaisi welcomed the network's second regional conference.",
    body=[
        paragraph(
            "<p>The EU-funded EU4Culture project held its 2nd Regional Network Conference in "
            + page_link("cities/kutaisi", "Kutaisi")
            + ", Georgia, on 6 and 7 October 2022. It was designed to help 14 cities and towns in five "
            "Eastern Partnership countries, none of them a capital, work together now that each has "
            "drawn up a Cultural Development Strategy.</p>"
        ),
        heading("Networking between cities"),
        paragraph(
            "<p>The programme centred on bringing together the members of the EU4Culture Cities "
            "Network and on finding a basis for further cultural cooperation among them. Mayors and "
            "other city representatives attended, along with the project partners and international "
            "experts.</p>"
            "<p>Through networking sessions and panel discussions, participants saw what regional "
            "cultural cooperation can offer their cities, were encouraged to spot shared interests, "
            "and started planning joint activities.</p>"
        ),
        key_figure("14", "cities in the network"),
        paragraph(
            "<p>The winner cities, which have been granted up to EUR 300,000 of EU funding to put "
            "their Cultural Development Strategies into practice, presented those strategies to the "
            "conference.</p>"
        ),
        key_figure("EUR 300,000", "maximum EU funding per winner city"),
        quote(
            "EU4Culture Cities Network is a unique cooperation platform for the cities to share "
            "experiences and generate new ideas that will enable them to develop joint cultural "
            "partnerships.",
            attribution="Christophe Masson",
            role="Team Leader Inclusive Societies, Directorate-General for Neighbourhood and "
            "Enlargement Negotiations (DG NEAR), European Commission",
        ),
        heading("About EU4Culture"),
        paragraph(
            "<p>EU4Culture is funded by the EU and supports the cultural and creative sector, "
            "especially in cities and towns outside the capitals of Armenia, Azerbaijan, Georgia, the "
            "Republic of Moldova and Ukraine. To connect them, the project created the EU4Culture "
            "Cities Network, which gathers the 14 cities it helped to prepare Cultural Development "
            "Strategies and gives them a place to share knowledge and work together.</p>"
            "<p>The project is carried out by the Goethe-Institut as lead partner, with the Institut "
            "français de Géorgie, the Danish Cultural Institute and Czech Centres.</p>"
        ),
        links(
            [
                link("Kutaisi city profile", page="cities/kutaisi"),
                link(
                    "The conference programme",
                    page="conferences/eu4culture-2nd-regional-network-conference",
                ),
            ],
            heading_text="Read more",
        ),
    ],
    cities=("kutaisi",),
    partnerships=("eu4culture", "eu4culture-cities-network"),
    organisations=("DG NEAR", "Goethe-Institut", "IFG", "DCI", "Czech Centres"),
    conference="eu4culture-2nd-regional-network-conference",
    tags=("culture", "eastern-partnership", "networking"),
)

BARCELONA_ANNOUNCED = NewsSpec(
    slug="barcelona-to-host-second-global-meeting",
    title="Barcelona to host the second global meeting of the Partnerships for Sustainable Cities",
    date=datetime.date(2024, 1, 8),
    standfirst=(
        "The programme's city-to-city partnerships will meet in Barcelona on 12-14 March 2024 to take "
        "stock of their results, hear about EU policy, discuss how to keep cooperation going and "
        "prepare recommendations for the EU."
    ),
    hero_image="hero-global-meeting-barcelona",
    body=[
        paragraph(
            "<p>The second and final global meeting of the Partnerships for Sustainable Cities will "
            "take place in "
            + page_link("cities/barcelona", "Barcelona")
            + " from 12 to 14 March 2024, organised with the Metropolitan Area of Barcelona (AMB). For "
            "many partnerships 2024 is the last year of implementation, which makes the meeting a "
            "natural moment to look back at results and ahead at what comes next.</p>"
        ),
        key_figure("57", "city-to-city partnerships launched under the programme"),
        heading("Three days, four objectives"),
        paragraph(
            "<p>The first day is devoted to results, the second to strategies for making "
            "decentralised cooperation last, and the third morning to visits of urban projects in the "
            "metropolitan area. Throughout, the meeting pursues four objectives:</p>"
            "<ul><li>show the results the projects have achieved;</li>"
            "<li>explain how EU policies towards cities are evolving;</li>"
            "<li>discuss the sustainability of decentralised cooperation;</li>"
            "<li>formulate recommendations for the EU.</li></ul>"
        ),
        links(
            [
                link(
                    "The meeting programme",
                    page="conferences/second-global-meeting-partnerships-for-sustainable-cities",
                ),
                link("Strategic & Monitoring Report (first draft)", document="strategic-monitoring-report"),
            ],
            heading_text="Read more",
        ),
    ],
    cities=("barcelona",),
    partnerships=("partnerships-for-sustainable-cities",),
    organisations=("DG INTPA", "AMB"),
    conference="second-global-meeting-partnerships-for-sustainable-cities",
    tags=("sustainable-cities", "decentralised-cooperation", "global-meeting"),
)

BRUSSELS_MEETING = NewsSpec(
    slug="first-global-meeting-brussels",
    title="City-to-city partnerships meet in Brussels for their first global meeting",
    date=datetime.date(2023, 3, 9),
    standfirst=(
        "From 7 to 9 March 2023 the partnerships of the Partnerships for Sustainable Cities programme "
        "gathered in Brussels for the first time, to get to know each other and talk with the EU about "
        "support."
    ),
    hero_image="hero-global-meeting-brussels",
    body=[
        paragraph(
            "<p>The first of the programme's two global meetings brought the city-to-city partnerships "
            "together in "
            + page_link("cities/brussels", "Brussels")
            + " from 7 to 9 March 2023. Participants built relations across partnerships, compared "
            "the implementation challenges they share and the experience gained in their projects, "
            "and discussed with EU stakeholders which kinds of support would help them.</p>"
            "<p>The meeting closed with visits to urban projects, a format the second meeting in "
            "Barcelona will repeat.</p>"
        ),
        links(
            [
                link("Proceedings of the first global meeting", document="proceedings-first-global-meeting"),
                link(
                    "The meeting page",
                    page="conferences/first-global-meeting-partnerships-for-sustainable-cities",
                ),
            ],
            heading_text="Read more",
        ),
    ],
    cities=("brussels",),
    partnerships=("partnerships-for-sustainable-cities",),
    organisations=("DG INTPA",),
    conference="first-global-meeting-partnerships-for-sustainable-cities",
    tags=("sustainable-cities", "decentralised-cooperation", "global-meeting"),
)

MONITORING_REPORT = NewsSpec(
    slug="strategic-monitoring-report-first-draft",
    title="First draft of the Strategic & Monitoring Report shared with the partnerships",
    date=datetime.date(2023, 12, 15),
    standfirst=(
        "A first draft of the programme's Strategic & Monitoring Report went to the city-to-city "
        "partnerships in December 2023; it will guide the discussion of results in Barcelona."
    ),
    hero_image="hero-monitoring-report",
    body=[
        paragraph(
            "<p>The draft collects a wealth of information on what the partnerships have achieved and "
            "the difficulties they have faced. Besides going to each partnership, it is available on "
            "the platform forum for discussion.</p>"
            "<p>It will frame the first day of the "
            + page_link(
                "conferences/second-global-meeting-partnerships-for-sustainable-cities",
                "second global meeting",
            )
            + ", where plenaries and working groups are to agree on no more than 10 lessons learnt "
            "that show the added value of decentralised cooperation.</p>"
        ),
        key_figure("10", "lessons learnt, at most, to come out of day 1 in Barcelona"),
        links(
            [link("Strategic & Monitoring Report (first draft)", document="strategic-monitoring-report")],
        ),
    ],
    partnerships=("partnerships-for-sustainable-cities",),
    organisations=("DG INTPA",),
    conference="second-global-meeting-partnerships-for-sustainable-cities",
    tags=("sustainable-cities", "decentralised-cooperation"),
)

NEWS: tuple[NewsSpec, ...] = (
    CULTURE_MEETING,
    KUTAISI_CONFERENCE,
    BRUSSELS_MEETING,
    MONITORING_REPORT,
    BARCELONA_ANNOUNCED,
)
