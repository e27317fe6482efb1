"""The admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): Wagtail's, plus whole-image checks."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from .image_checks import check_image_bytes


class CitynewsImageForm(BaseImageForm):
    """Used by every admin view that takes an image file: single and multiple upload, edit."""

    def clean_file(self) -> object:
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            file.seek(0)
            check_image_bytes(file.read())
            file.seek(0)
        return file
