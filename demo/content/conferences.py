"""Conferences and partnership meetings, in the order they took place.

The two global meetings of the Partnerships for Sustainable Cities follow the concept note of the
second one; the partnership meetings and the EU4Culture conference follow the two news reports.
Where a seed gives no programme (times, session lists), none is invented. The last entry is a
made-up event with fixed future dates, so that "upcoming" listings have something to show; its
title and summary say it is fictitious.
"""

import datetime

from demo.spec import (
    ConferenceSpec,
    agenda_day,
    document_link,
    link,
    links,
    objective,
    outcome,
    page_link,
    session,
    site_visit,
)

CULTURE_PARTNERSHIP = "culture-cultural-heritage"
GLOBAL_PROGRAMME = "partnerships-for-sustainable-cities"

CULTURE_4TH_MEETING = ConferenceSpec(
    slug="culture-heritage-partnership-4th-meeting",
    title="4th meeting of the Culture and Cultural Heritage Partnership",
    start_date=datetime.date(2021, 2, 10),
    end_date=datetime.date(2021, 2, 11),
    format="online",
    partnership=CULTURE_PARTNERSHIP,
    organisers=(),
    edition=4,
    summary=(
        "Two online days on linking the Partnership to other initiatives, keeping up the pace in a "
        "decisive year for its 11 Actions, and the New European Bauhaus."
    ),
    background=(
        "<p>The Urban Agenda partnership on culture and cultural heritage met online at the start of "
        "the first year in which its Actions are being carried out. Its Action Plan had been presented "
        "at the DGUM in October 2020 after a wide public consultation.</p>"
    ),
    agenda=[
        agenda_day(
            datetime.date(2021, 2, 10),
            "Day 1: the Partnership and its surroundings",
            [
                session(
                    "Opening by the Italian and German coordinators",
                    description="How the pandemic has affected the Partnership's work and targets.",
                ),
                session(
                    "Culture and tourism in Cohesion Policy after 2020",
                    description="A presentation by DG REGIO.",
                ),
                session("The New European Bauhaus", description="Presented by the JRC."),
                session("State of play of the Partnership", description="Presented by the coordinators."),
            ],
        ),
        agenda_day(
            datetime.date(2021, 2, 11),
            "Day 2: implementing the Actions",
            [
                session("Updates from the Action Leaders"),
                session("Plenary discussion and questions", kind="panel"),
            ],
        ),
    ],
)

CULTURE_5TH_MEETING = ConferenceSpec(
    slug="culture-heritage-partnership-5th-meeting",
    title="5th meeting of the Culture/Cultural Heritage Partnership",
    start_date=datetime.date(2021, 4, 20),
    end_date=datetime.date(2021, 4, 21),
    format="online",
    partnership=CULTURE_PARTNERSHIP,
    edition=5,
    previous_edition=CULTURE_4TH_MEETING.slug,
    summary=(
        "The Partnership's fifth meeting, held online over a Tuesday afternoon and the following Wednesday morning."
    ),
    background=(
        "<p>Announced at the end of the "
        + page_link("conferences/culture-heritage-partnership-4th-meeting", "4th meeting")
        + ". A sixth meeting was being prepared for June 2021.</p>"
    ),
    agenda=[
        agenda_day(datetime.date(2021, 4, 20), "Tuesday 20 April (afternoon)", []),
        agenda_day(datetime.date(2021, 4, 21), "Wednesday 21 April (morning)", []),
    ],
)

EU4CULTURE_CONFERENCE = ConferenceSpec(
    slug="eu4culture-2nd-regional-network-conference",
    title="2nd EU4Culture Regional Network Conference",
    start_date=datetime.date(2022, 10, 6),
    end_date=datetime.date(2022, 10, 7),
    host_city="kutaisi",
    organisers=("Goethe-Institut", "IFG", "DCI", "Czech Centres"),
    partnership="eu4culture-cities-network",
    edition=2,
    summary=(
        "Two days in Kutaisi for the 14 cities of the EU4Culture Cities Network to get to know each "
        "other better and find common ground for cultural cooperation."
    ),
    background=(
        "<p>EU4Culture, an EU-funded project, brought together the non-capital cities and towns of "
        "five Eastern Partnership countries that had prepared Cultural Development Strategies with its "
        "support. Networking sessions and panel discussions showed what regional cultural cooperation "
        "can bring, and the winner cities, each granted up to EUR 300,000 by the EU, presented their "
        "strategies.</p>"
    ),
    target_audience=(
        "<p>Mayors and other representatives of the network cities, the project partners and international experts.</p>"
    ),
)

FIRST_GLOBAL_MEETING = ConferenceSpec(
    slug="first-global-meeting-partnerships-for-sustainable-cities",
    title="First Global Meeting of the Partnerships for Sustainable Cities",
    start_date=datetime.date(2023, 3, 7),
    end_date=datetime.date(2023, 3, 9),
    host_city="brussels",
    organisers=("DG INTPA",),
    partnership=GLOBAL_PROGRAMME,
    edition=1,
    summary=(
        "The first of the programme's two gatherings of all its city-to-city partnerships, held in "
        "Brussels in March 2023."
    ),
    background=(
        "<p>The programme provides for two global meetings of all its city-to-city partnerships. The "
        "first one, in Brussels, built relations between the actors of the different partnerships, "
        "let them compare common implementation challenges and concrete project experience, and "
        "opened a dialogue with EU stakeholders on useful forms of support. It ended with visits to "
        "urban projects.</p>"
        "<p>Read the " + document_link("proceedings-first-global-meeting", "proceedings of the meeting") + ".</p>"
    ),
    target_audience="<p>Representatives of the city-to-city partnerships.</p>",
    objectives=[
        objective("Relations", "Connect the people working in the different city-to-city partnerships."),
        objective(
            "Exchange",
            "Compare shared implementation challenges and what the projects have learned in practice.",
        ),
        objective("Dialogue", "Discuss with EU stakeholders which kinds of support are most relevant."),
    ],
    documents=[
        links(
            [link("Proceedings of the first global meeting", document="proceedings-first-global-meeting")],
            heading_text="Documents",
        )
    ],
)

SECOND_GLOBAL_MEETING = ConferenceSpec(
    slug="second-global-meeting-partnerships-for-sustainable-cities",
    title="Second Global Meeting of the Partnerships for Sustainable Cities",
    start_date=datetime.date(2024, 3, 12),
    end_date=datetime.date(2024, 3, 14),
    host_city="barcelona",
    organisers=("DG INTPA", "AMB"),
    partnership=GLOBAL_PROGRAMME,
    edition=2,
    previous_edition=FIRST_GLOBAL_MEETING.slug,
    summary=(
        "The second and last global meeting of the programme's city-to-city partnerships, organised "
        "with the Metropolitan Area of Barcelona: results, EU policy, sustainability and "
        "recommendations for the EU."
    ),
    background=(
        "<p>As part of its partnership with local authorities, the EU (DG INTPA) chose in 2018 to back "
        "a new form of decentralised cooperation. The resulting programme, Partnerships for "
        "Sustainable Cities, promotes integrated urban development through peer-to-peer exchanges "
        "between local authorities of EU Member States and of partner countries facing similar "
        "challenges; 57 city-to-city partnerships have been started under it.</p>"
        "<p>Besides funding the activities each partnership asks for, the programme wants everyone "
        "involved (cities, local constituencies, EU Delegations and headquarters) to learn together, "
        "and to use those lessons to shape how EU policies and practice deal with cities and "
        "decentralised cooperation. Hence two global meetings of all partnerships: the "
        + page_link(
            "conferences/first-global-meeting-partnerships-for-sustainable-cities",
            "first one took place in Brussels from 7 to 9 March 2023",
        )
        + " (see the "
        + document_link("proceedings-first-global-meeting", "proceedings")
        + "), and this second and final one is held in Barcelona together with the Metropolitan Area "
        "of Barcelona (AMB).</p>"
        "<p>The timing matters: 2024 is the final year of implementation for many partnerships, which "
        "makes it a good moment both to take stock of results and to think about sustainability and "
        "future EU support. Inside the EU, two mid-term exercises will be complete by then: the review "
        "of programming and the evaluation of the EFIs (the new European Financing Instruments). Either "
        "may shift priorities and budgets in ways that affect cities and local authorities.</p>"
        "<p>The detailed agenda was to be shared in January 2024.</p>"
    ),
    target_audience=(
        "<p>First of all, representatives of the city-to-city partnerships, as at the first meeting. "
        "A broader group of EU and international actors is also invited to meet them.</p>"
    ),
    objectives=[
        objective(
            "RESULTS",
            "Deepen shared learning and show what the decentralised cooperation projects have achieved "
            "in their thematic areas, making the added value of this instrument visible.",
        ),
        objective(
            "EVOLVING EU POLICIES",
            "Bring participants up to date on how EU policies and practice towards cities and local "
            "authorities are changing.",
        ),
        objective(
            "SUSTAINABILITY",
            "Discuss in a structured way how decentralised cooperation can last, through the cities' "
            "own efforts and through EU support.",
        ),
        objective(
            "RECOMMENDATIONS",
            "Agree on a clear set of recommendations to the EU on promoting decentralised cooperation "
            "in its future external action.",
        ),
    ],
    agenda=[
        agenda_day(
            datetime.date(2024, 3, 12),
            "Day 1: results of the city-to-city partnerships",
            [
                session(
                    "What the partnerships achieved",
                    description="Plenary framed by the first draft Strategic & Monitoring Report.",
                ),
                session(
                    "Results by thematic area",
                    kind="working_group",
                    description="Working groups on achievements and challenges of the projects.",
                ),
                session(
                    "Lessons learnt",
                    description="Agreeing on up to 10 lessons that show the added value of decentralised cooperation.",
                ),
            ],
            description=(
                "<p>The debates draw on the "
                + document_link("strategic-monitoring-report", "first draft Strategic & Monitoring Report")
                + ", shared with the partnerships in December 2023 and open for discussion on the "
                "platform forum.</p>"
            ),
        ),
        agenda_day(
            datetime.date(2024, 3, 13),
            "Day 2: sustainability strategies",
            [
                session(
                    "Cities mobilising resources",
                    kind="panel",
                    description="How cities themselves can raise resources and make cooperation last, "
                    "drawing on good practice seen in the programme.",
                ),
                session(
                    "EU Delegations and decentralised cooperation",
                    kind="panel",
                    description="Whether Delegations could build decentralised cooperation into their "
                    "geographic portfolios, based on research by the Coordination Support team.",
                ),
                session(
                    "Further options from EU headquarters and other actors",
                    kind="panel",
                    description="Including the involvement of cities in the EU Global Gateway.",
                ),
            ],
            description=(
                "<p>Sessions look at sustainability from several angles and take recent EU policy "
                "developments into account; see the "
                + document_link("policy-note-global-gateway", "policy note on cities in the Global Gateway")
                + ".</p>"
            ),
        ),
        agenda_day(
            datetime.date(2024, 3, 14),
            "Day 3 (morning): site visits",
            [
                session(
                    "Visits to urban projects across the Barcelona metropolitan area",
                    kind="visit",
                    description="As at the first global meeting; participants choose one theme.",
                )
            ],
        ),
    ],
    site_visits=[
        site_visit("Public spaces", "Public spaces", "Projects that redesign streets and squares for residents."),
        site_visit(
            "Sustainable mobility",
            "Sustainable mobility",
            "How the metropolitan area moves people with less impact.",
        ),
        site_visit("Housing", "Housing", "Metropolitan housing projects."),
        site_visit(
            "Waste and water management",
            "Waste and water management",
            "Services that collect, treat and reuse waste and water.",
        ),
    ],
    expected_outcomes=[
        outcome(
            "Evidence of what decentralised cooperation partnerships achieve, and of what they add, "
            "towards the core objectives of the EU's external action."
        ),
        outcome(
            "Participating cities that know more about the EU's policies, strategies, approaches and "
            "instruments for cities and local authorities."
        ),
        outcome(
            "A concrete advocacy agenda, backed by clear recommendations, for giving decentralised "
            "cooperation a firmer place in the EU's external action toolbox."
        ),
    ],
    documents=[
        links(
            [
                link("Proceedings of the first global meeting", document="proceedings-first-global-meeting"),
                link("Strategic & Monitoring Report (first draft)", document="strategic-monitoring-report"),
                link(
                    "Policy note: cities and local authorities in the EU Global Gateway",
                    document="policy-note-global-gateway",
                ),
            ],
            heading_text="Documents",
        )
    ],
)

DEMO_UPCOMING_FORUM = ConferenceSpec(
    slug="citynews-demo-forum-2027",
    title="Citynews Demo Forum 2027 (fictitious event)",
    start_date=datetime.date(2027, 9, 21),
    end_date=datetime.date(2027, 9, 22),
    format="hybrid",
    host_city="brussels",
    summary=(
        "A made-up event kept in the demo data so that upcoming conferences can be shown. It is not "
        "organised by anyone and will not take place."
    ),
    background="<p>This page exists for demonstration only. Its dates are fixed and do not move.</p>",
    agenda=[
        agenda_day(
            datetime.date(2027, 9, 21),
            "Day 1: city partnerships in practice",
            [
                session("Welcome", start=datetime.time(9, 30), end=datetime.time(10, 0)),
                session(
                    "Working groups",
                    kind="working_group",
                    start=datetime.time(10, 0),
                    end=datetime.time(12, 30),
                ),
                session("Lunch", kind="break", start=datetime.time(12, 30), end=datetime.time(14, 0)),
            ],
        ),
        agenda_day(
            datetime.date(2027, 9, 22),
            "Day 2: networking",
            [session("Networking fair", kind="networking", start=datetime.time(9, 30))],
        ),
    ],
)

CONFERENCES: tuple[ConferenceSpec, ...] = (
    CULTURE_4TH_MEETING,
    CULTURE_5TH_MEETING,
    EU4CULTURE_CONFERENCE,
    FIRST_GLOBAL_MEETING,
    SECOND_GLOBAL_MEETING,
    DEMO_UPCOMING_FORUM,
)
