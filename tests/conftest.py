"""Fixtures every test area shares: a site tree like the one editors work in."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from cities.models import CityIndexPage
from conferences.models import ConferenceIndexPage
from home.models import HomePage
from news.models import NewsIndexPage


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a rolled-back test leaves no cached lookups behind."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_tree(db):
    """The home page as the default site's root, with the three section listings below it."""
    Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Citynews", slug="citynews"))
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return {
        "site": site,
        "home": home,
        "news": home.add_child(instance=NewsIndexPage(title="News", slug="news")),
        "conferences": home.add_child(instance=ConferenceIndexPage(title="Conferences", slug="conferences")),
        "cities": home.add_child(instance=CityIndexPage(title="Cities", slug="cities")),
    }
