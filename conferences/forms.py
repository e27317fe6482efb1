"""The conference's admin form: one link per organiser, whichever language version the editor picked."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from home.translation_links import refuse_two_language_versions


class ConferencePageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        try:
            refuse_two_language_versions(cleaned_data.get("organisers") or [], _("organiser"))
        except ValidationError as error:
            self.add_error("organisers", error)
        return cleaned_data
