"""Admin hooks every content area shares."""

from django.contrib import messages
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from .rich_text_fields import placeholder_links_in


def warn_about_placeholder_links(request: HttpRequest, page: Page) -> None:
    """Tells the editor which links were removed on save because they led nowhere (``#``, empty...)."""
    words = placeholder_links_in(page)
    if words:
        messages.warning(
            request,
            _(
                "Links without a real address were removed, keeping their words: %(links)s. Add the links when you have them."
            )
            % {"links": "; ".join(f"“{w}”" for w in words)},
        )


hooks.register("after_create_page", warn_about_placeholder_links)
hooks.register("after_edit_page", warn_about_placeholder_links)


@hooks.register("insert_editor_js")
def tab_error_count_js() -> SafeString:
    """Tab error badges that count StreamField errors too (see the script)."""
    return format_html('<script src="{}"></script>', static("home/js/tab_error_count.js"))
