"""What points at a partnership: member cities, news items and conferences, fetched cheaply."""

import pytest

from partnerships.models import Partnership
from tests.factories import CityProfilePageFactory, ConferencePageFactory, NewsPageFactory, PartnershipFactory


def test_cities_news_and_conferences_of_a_partnership(site_tree):
    eu4culture = PartnershipFactory(name="EU4Culture")
    other = PartnershipFactory(name="Other programme")
    kutaisi = CityProfilePageFactory(
        parent=site_tree["cities"], memberships=[{"partnership": eu4culture, "role": "Winner city"}, other]
    )
    gyumri = CityProfilePageFactory(parent=site_tree["cities"], memberships=[eu4culture])
    CityProfilePageFactory(parent=site_tree["cities"], memberships=[other])
    news = NewsPageFactory(parent=site_tree["news"], partnerships=[eu4culture, other])
    NewsPageFactory(parent=site_tree["news"], partnerships=[other])
    conference = ConferencePageFactory(parent=site_tree["conferences"], partnership=eu4culture)
    ConferencePageFactory(parent=site_tree["conferences"], partnership=other)

    memberships = eu4culture.city_memberships.order_by("page__title")
    assert {(m.page.specific, m.role) for m in memberships} == {(kutaisi, "Winner city"), (gyumri, "")}
    assert list(eu4culture.news_pages.all()) == [news]
    assert list(eu4culture.conferences.all()) == [conference]
    assert other.news_pages.count() == 2


@pytest.mark.parametrize("n", [1, 5])
def test_prefetching_cities_news_and_conferences_of_n_partnerships_takes_constant_queries(
    site_tree, django_assert_num_queries, n
):
    expected = {}
    for i in range(n):
        partnership = PartnershipFactory(name=f"Partnership {i}")
        city = CityProfilePageFactory(parent=site_tree["cities"], title=f"Member {i}", memberships=[partnership])
        news = NewsPageFactory(parent=site_tree["news"], title=f"News {i}", partnerships=[partnership])
        conference = ConferencePageFactory(
            parent=site_tree["conferences"], title=f"Meeting {i}", partnership=partnership
        )
        expected[partnership.pk] = ([city.title], [news.title], [conference.title])

    # partnerships, memberships, member city pages, news pages (one join through the M2M table), conferences
    with django_assert_num_queries(5):
        partnerships = Partnership.objects.filter(pk__in=expected).prefetch_related(
            "city_memberships__page", "news_pages", "conferences"
        )
        found = {
            p.pk: (
                [m.page.title for m in p.city_memberships.all()],
                [page.title for page in p.news_pages.all()],
                [c.title for c in p.conferences.all()],
            )
            for p in partnerships
        }

    assert found == expected
