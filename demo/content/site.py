"""The site skeleton: the home page, its three section listings and the public website address."""

from demo.spec import IndexSpec

HOME_TITLE = "Citynews"
HOME_SLUG = "citynews"
HOME_INTRO = (
    "<p>News, meetings and city profiles from the partnerships that link European cities with "
    "cities in partner countries.</p>"
)

INDEXES: tuple[IndexSpec, ...] = (
    IndexSpec(
        model="news.NewsIndexPage",
        slug="news",
        title="News",
        intro="<p>Reports from partnership meetings, network conferences and programme milestones.</p>",
    ),
    IndexSpec(
        model="conferences.ConferenceIndexPage",
        slug="conferences",
        title="Conferences",
        intro="<p>Global meetings, network conferences and partnership meetings, past and upcoming.</p>",
    ),
    IndexSpec(
        model="cities.CityIndexPage",
        slug="cities",
        title="Cities",
        intro="<p>Profiles of the cities and towns taking part in the programmes.</p>",
    ),
)

FRONTEND_BASE_URL = "https://www.citynews.example"

# Languages the demo translates into, besides the default one.
TRANSLATION_LANGUAGES = ("fr",)
