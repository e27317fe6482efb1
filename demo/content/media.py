"""Images and documents, generated with Pillow: no photograph or file is downloaded.

Images are keyed for the content modules and looked up by title in the database; documents the
same. Every image carries the credit ``IMAGE_CREDIT`` and every PDF says on each page that it is
a placeholder, so nobody mistakes them for the programmes' own material.
"""

from demo.spec import DocumentSpec, ImageSpec

IMAGE_CREDIT = "Citynews demo image"
DOCUMENT_FOOTER = "Citynews demo document: a generated placeholder, not the original publication."

CITY_IMAGE_SIZE = (1200, 800)
HERO_IMAGE_SIZE = (1600, 900)


def _city_image(
    key: str, city: str, country: str, colours: tuple[str, str], focal_point: tuple[int, int, int, int] | None
) -> ImageSpec:
    return ImageSpec(
        key=key,
        title=f"{city}, {country} (demo image)",
        description=f"Illustration with the name {city} written over a coloured skyline pattern.",
        headline=city,
        colours=colours,
        size=CITY_IMAGE_SIZE,
        focal_point=focal_point,
    )


CITY_IMAGES: tuple[ImageSpec, ...] = (
    _city_image("city-kutaisi", "Kutaisi", "Georgia", ("#0b3d91", "#e8a33d"), (840, 260, 300, 300)),
    _city_image("city-barcelona", "Barcelona", "Spain", ("#c0392b", "#f4d03f"), (300, 250, 320, 320)),
    _city_image("city-brussels", "Brussels", "Belgium", ("#1f2a44", "#f1c40f"), None),
    _city_image("city-telavi", "Telavi", "Georgia", ("#5b2c6f", "#f5b7b1"), None),
    _city_image("city-gyumri", "Gyumri", "Armenia", ("#7b241c", "#f0b27a"), None),
    _city_image("city-vanadzor", "Vanadzor", "Armenia", ("#145a32", "#abebc6"), None),
    _city_image("city-ganja", "Ganja", "Azerbaijan", ("#154360", "#76d7c4"), None),
    _city_image("city-balti", "Bălți", "Moldova", ("#4a235a", "#f9e79f"), None),
    _city_image("city-cahul", "Cahul", "Moldova", ("#0e6251", "#f8c471"), None),
    _city_image("city-lviv", "Lviv", "Ukraine", ("#1b4f72", "#f7dc6f"), None),
)

HERO_IMAGES: tuple[ImageSpec, ...] = (
    ImageSpec(
        key="hero-culture-heritage-meeting",
        title="Culture and Cultural Heritage Partnership meeting (demo image)",
        description="Illustration announcing the online meeting of the Culture and Cultural Heritage Partnership.",
        headline="Culture & Cultural Heritage",
        colours=("#2e4053", "#d35400"),
        size=HERO_IMAGE_SIZE,
    ),
    ImageSpec(
        key="hero-eu4culture-kutaisi",
        title="EU4Culture Regional Network Conference in Kutaisi (demo image)",
        description="Illustration for the EU4Culture network conference, with the name Kutaisi in large letters.",
        headline="EU4Culture · Kutaisi",
        colours=("#0b3d91", "#f39c12"),
        size=HERO_IMAGE_SIZE,
        focal_point=(1150, 330, 360, 360),
    ),
    ImageSpec(
        key="hero-global-meeting-brussels",
        title="First Global Meeting in Brussels (demo image)",
        description="Illustration for the first global meeting of the Partnerships for Sustainable Cities in Brussels.",
        headline="Global Meeting · Brussels",
        colours=("#1a5276", "#58d68d"),
        size=HERO_IMAGE_SIZE,
    ),
    ImageSpec(
        key="hero-global-meeting-barcelona",
        title="Second Global Meeting in Barcelona (demo image)",
        description="Illustration for the second global meeting of the Partnerships for Sustainable "
        "Cities in Barcelona.",
        headline="Global Meeting · Barcelona",
        colours=("#922b21", "#f5b041"),
        size=HERO_IMAGE_SIZE,
        focal_point=(420, 320, 380, 380),
    ),
    ImageSpec(
        key="hero-monitoring-report",
        title="Strategic and Monitoring Report (demo image)",
        description="Illustration of a report cover for the Partnerships for Sustainable Cities.",
        headline="Strategic & Monitoring Report",
        colours=("#17202a", "#5dade2"),
        size=HERO_IMAGE_SIZE,
    ),
)

IMAGES: tuple[ImageSpec, ...] = CITY_IMAGES + HERO_IMAGES

DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        key="proceedings-first-global-meeting",
        title="Proceedings of the first global meeting",
        filename="proceedings-first-global-meeting.pdf",
        pages=(
            (
                "Proceedings of the first global meeting",
                (
                    "Partnerships for Sustainable Cities",
                    "Brussels, 7-9 March 2023",
                ),
            ),
            (
                "What the meeting was for",
                (
                    "The first gathering of all city-to-city partnerships of the programme helped the "
                    "people involved in the different partnerships get to know one another.",
                    "Participants compared the implementation problems they have in common and the "
                    "experience gained in their projects.",
                    "They also talked with several EU stakeholders about the kinds of support that "
                    "would be useful to them.",
                ),
            ),
        ),
    ),
    DocumentSpec(
        key="strategic-monitoring-report",
        title="Strategic & Monitoring Report (first draft)",
        filename="strategic-monitoring-report-first-draft.pdf",
        pages=(
            (
                "Strategic & Monitoring Report (first draft)",
                (
                    "Partnerships for Sustainable Cities",
                    "Shared with the city-to-city partnerships in December 2023",
                ),
            ),
            (
                "How the draft is used",
                (
                    "The draft gathers what the partnerships have achieved and the difficulties they "
                    "met along the way.",
                    "It frames the first day of the second global meeting in Barcelona (12-14 March "
                    "2024), which is devoted to results.",
                    "It is also open for discussion on the platform forum.",
                ),
            ),
        ),
    ),
    DocumentSpec(
        key="policy-note-global-gateway",
        title="Policy note: cities and local authorities in the EU Global Gateway",
        filename="policy-note-cities-global-gateway.pdf",
        pages=(
            (
                "Policy note: cities and local authorities in the EU Global Gateway",
                (
                    "Prepared by the city-to-city coordination facility",
                    "Partnerships for Sustainable Cities",
                ),
            ),
            (
                "Why this note",
                (
                    "The note looks at how cities and local authorities can take part in the EU's "
                    "Global Gateway initiative.",
                    "It feeds the second day of the Barcelona meeting, on ways to keep decentralised "
                    "cooperation going after the current partnerships end.",
                ),
            ),
        ),
    ),
)
