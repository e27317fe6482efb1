"""Pages translated to French stay linked to their English original."""

from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage
from tests.factories import CityProfilePageFactory, NewsPageFactory


def test_french_translation_of_a_news_item_keeps_its_translation_key(site_tree):
    city = CityProfilePageFactory(parent=site_tree["cities"])
    english = NewsPageFactory(
        parent=site_tree["news"], title="Cultural hub opens", cities=[city], body=[("paragraph", "<p>Text</p>")]
    )
    french_locale = Locale.objects.get(language_code="fr")

    french = english.copy_for_translation(french_locale, copy_parents=True)

    french = NewsPage.objects.get(pk=french.pk)
    assert french.locale == french_locale
    assert french.translation_key == english.translation_key
    assert french.pk != english.pk
    assert french.title == english.title
    assert [link.city for link in french.city_links.all()] == [city]
    assert english.get_translation(french_locale) == french
    assert french.get_translation(english.locale) == english
    assert set(english.get_translations(inclusive=True)) == {english, french}
    # the missing French news listing and home page were created on the way, as translations too
    french_index = french.get_parent().specific
    assert isinstance(french_index, NewsIndexPage)
    assert french_index.translation_key == site_tree["news"].translation_key
    assert french_index.get_parent().translation_key == site_tree["home"].translation_key
    # a translation starts as a draft: nothing goes public in French before an editor publishes it
    assert not french.live
