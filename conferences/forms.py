"""The conference's admin form: partnership and organisers offered in the page's own language only
(so one version of each), and the host-city chooser opening at the cities index of the page's site
and language."""

from typing import Any

from cities.models import CityIndexPage, CityProfilePage
from home.models import HomePage
from home.page_forms import PageLanguageChoicesForm
from home.widgets import StartingPageChooser


class ConferencePageForm(PageLanguageChoicesForm):
    same_language_fields = ("partnership", "organisers")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chooser = StartingPageChooser(target_models=[CityProfilePage])
        chooser.start_page_id = self.city_index_id()
        self.fields["host_city"].widget = chooser

    def city_index_id(self) -> int | None:
        """The cities index beside the conferences index the page is in, in the page's language."""
        parent = getattr(self, "parent_page", None)
        if parent is None:
            return None
        home = HomePage.objects.ancestor_of(parent, inclusive=True).last()
        if home is None:
            return None
        index = CityIndexPage.objects.child_of(home).filter(locale=self.page_locale).first()
        return index.pk if index is not None else None
