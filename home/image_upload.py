"""The admin's drag-and-drop image upload, with alt text asked for where the editor fills details.

Wagtail's multiple upload saves each dropped file first, from a form bound to nothing but the
file, a title and a collection; the editor then fills each image's details in a form of its own
(``get_image_multi_form``). Alt text is required in that second form, not in the first: requiring
it at the drop would turn every upload into a half-stored ``UploadedFile``.
"""

from typing import Any

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.images.views.multiple import AddView

from .forms import CitynewsImageForm


class AddImagesView(AddView):
    def get_upload_form_class(self) -> type[CitynewsImageForm]:
        form_class: type[CitynewsImageForm] = super().get_upload_form_class()
        return type("ImageFileForm", (form_class,), {"alt_text_required": False})


# Served at Wagtail's own address ("wagtailimages:add_multiple"), checked as every admin view is.
add_images: Any = require_admin_access(never_cache(AddImagesView.as_view()))
