"""Form widgets the content areas share."""

from typing import Any

from django import forms
from django.urls import reverse
from wagtail.admin.widgets import AdminPageChooser


class CountedTextarea(forms.Textarea):
    """A textarea with a live character count that refuses, never cuts, text over the limit.

    A plain ``maxlength`` makes the browser cut pasted text silently; this widget drops it and
    shows "123 / 300 characters" instead, turning into a warning when the text is too long. The
    form's own length validation then refuses the save with a message.
    """

    class Media:
        js = ["home/js/character_count.js"]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        limit = widget_attrs.pop("maxlength", None)
        if limit:
            widget_attrs["data-max-characters"] = limit
        return context


class StartingPageChooser(AdminPageChooser):
    """A page chooser that opens at ``start_page_id`` (set per form) rather than where Wagtail guesses.

    Wagtail opens an empty chooser at the pages' common ancestor, which is the tree's root once the
    pages exist in two languages, and a filled one at the chosen page's parent; this one always
    opens at the listing editors pick from.
    """

    start_page_id: int | None = None

    def get_chooser_modal_url(self) -> str:
        if self.start_page_id is None:
            return str(super().get_chooser_modal_url())
        return reverse("wagtailadmin_choose_page_child", args=[self.start_page_id])

    def get_js_init_options(self, id_: str, name: str, value_data: dict[str, Any] | None) -> dict[str, Any]:
        options: dict[str, Any] = super().get_js_init_options(id_, name, value_data)
        if self.start_page_id is not None:
            options.pop("parentId", None)  # the script would append it to the start page's URL
        return options
