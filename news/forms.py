"""The news item's admin form: one link per city, whichever language version the editor picked, and
partnerships and organisations offered in the page's own language only."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.page_forms import PageLanguageChoicesForm


class NewsPageForm(PageLanguageChoicesForm):
    same_language_fields = ("partnerships", "organisations")

    def clean(self) -> dict[str, Any]:
        """Refuses two language versions of one city: the API shows each city once, in the reader's language."""
        cleaned_data = super().clean()
        links = self.formsets["city_links"]
        if not links.is_valid():  # cleans the rows (the page form is cleaned first); their errors show there
            return cleaned_data
        seen: set[Any] = set()
        for form in links.forms:
            city = form.cleaned_data.get("city")
            if city is None or form.cleaned_data.get("DELETE"):
                continue
            if city.translation_key in seen:
                raise ValidationError(
                    _("%(city)s is linked twice (in two languages): link each city once.") % {"city": city.title}
                )
            seen.add(city.translation_key)
        return cleaned_data
