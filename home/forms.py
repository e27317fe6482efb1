"""The admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): Wagtail's, with a stricter file field
and alt text that is required and explained, never the file name."""

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .image_checks import DAMAGED, check_image_decodes, check_image_structure

ALT_TEXT_HELP = _(
    "What the image shows, for people who cannot see it (screen readers, slow connections), e.g. "
    "'Mayors on the stage of the Kutaisi theatre'. The API serves it as the image's alt text."
)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field with the checks of ``image_checks`` around its own, cheapest first."""

    def to_python(self, data: Any) -> Any:
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        self.check_image_file_size(data)  # from the upload's size: nothing read yet
        data.seek(0)
        content = data.read()
        data.seek(0)
        check_image_structure(content)
        try:
            file = super().to_python(data)  # format and pixel bound, from the header
        except OSError as error:  # Pillow reading a header it cannot make sense of
            raise ValidationError(DAMAGED, code="damaged_image") from error
        check_image_decodes(content)
        return file


class CitynewsImageForm(BaseImageForm):
    """Used by every admin view that takes an image file: single and multiple upload, edit.

    The multiple upload's file step (``home.image_upload``) turns ``alt_text_required`` off: there
    the editor drops files, and is asked for alt text in each image's details form after.
    """

    alt_text_required: ClassVar[bool] = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = CheckedImageField(required=field.required, label=field.label, widget=field.widget)
        if "description" in self.fields:
            description = self.fields["description"]
            description.required = self.alt_text_required
            description.label = _("Alt text")
            description.help_text = ALT_TEXT_HELP
