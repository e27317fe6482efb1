"""What points at a city: news items about it and the conferences it hosts, fetched cheaply."""

import pytest

from cities.models import CityProfilePage
from tests.factories import CityProfilePageFactory, ConferencePageFactory, NewsPageFactory


def test_news_and_conferences_of_a_city(site_tree):
    kutaisi = CityProfilePageFactory(parent=site_tree["cities"], title="Kutaisi")
    gyumri = CityProfilePageFactory(parent=site_tree["cities"], title="Gyumri")
    both = NewsPageFactory(parent=site_tree["news"], title="Twin cities", cities=[gyumri, kutaisi])
    only_kutaisi = NewsPageFactory(parent=site_tree["news"], title="Kutaisi hub", cities=[kutaisi])
    NewsPageFactory(parent=site_tree["news"], title="Elsewhere")
    hosted = ConferencePageFactory(parent=site_tree["conferences"], title="Kutaisi meeting", host_city=kutaisi)
    ConferencePageFactory(parent=site_tree["conferences"], title="Online meeting")

    assert {link.page for link in kutaisi.news_links.all()} == {both, only_kutaisi}
    assert [link.page for link in gyumri.news_links.all()] == [both]
    assert list(kutaisi.hosted_conferences.all()) == [hosted]
    assert not gyumri.hosted_conferences.exists()
    # and back again, in the order the editor chose
    assert [link.city for link in both.city_links.all()] == [gyumri, kutaisi]


@pytest.mark.parametrize("n", [1, 5])
def test_prefetching_news_and_conferences_of_n_cities_takes_constant_queries(site_tree, django_assert_num_queries, n):
    expected = {}
    for i in range(n):
        city = CityProfilePageFactory(parent=site_tree["cities"], title=f"City {i}")
        news = NewsPageFactory(parent=site_tree["news"], title=f"News of {i}", cities=[city])
        conference = ConferencePageFactory(parent=site_tree["conferences"], title=f"Conference in {i}", host_city=city)
        expected[city.pk] = ([news.title], [conference.title])

    # cities, their news links, the news pages, their hosted conferences
    with django_assert_num_queries(4):
        cities = CityProfilePage.objects.filter(pk__in=expected).prefetch_related(
            "news_links__page", "hosted_conferences"
        )
        found = {
            city.pk: (
                [link.page.title for link in city.news_links.all()],
                [c.title for c in city.hosted_conferences.all()],
            )
            for city in cities
        }

    assert found == expected
