"""The news item's admin form: one link per city, whichever language version the editor picked, and
partnerships and organisations offered in the page's own language only (so one version of each)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from home.page_forms import PageLanguageChoicesForm
from home.translation_links import refuse_two_language_versions


class NewsPageForm(PageLanguageChoicesForm):
    same_language_fields = ("partnerships", "organisations")

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        links = self.formsets["city_links"]
        if not links.is_valid():  # cleans the rows (the page form is cleaned first); their errors show there
            return cleaned_data
        refuse_two_language_versions(
            (
                form.cleaned_data["city"]
                for form in links.forms
                if form.cleaned_data.get("city") is not None and not form.cleaned_data.get("DELETE")
            ),
            _("city"),
        )
        return cleaned_data
