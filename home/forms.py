"""The image form editors upload with: alt text is required and explained, never the file name."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

ALT_TEXT_HELP = _(
    "What the image shows, for people who cannot see it (screen readers, slow connections), e.g. "
    "'Mayors on the stage of the Kutaisi theatre'. The API serves it as the image's alt text."
)


class CitynewsImageForm(BaseImageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Alt text")
            field.help_text = ALT_TEXT_HELP
