"""Form widgets the content areas share."""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Locale


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


class MultipleSnippetChooser(forms.SelectMultiple):
    """Picks several snippets through Wagtail's own snippet chooser (search box, locale filter).

    The underlying ``<select multiple>`` stays the field's input: the script
    (home/js/multiple_snippet_chooser.js) hides it, lists the chosen items with a remove button,
    and selects what the editor picks in the chooser modal, opened in multiple-selection mode at
    ``locale`` (the page's language, set per form). Without JavaScript the select is what the
    editor sees, holding the form field's choices only. The modal's locale filter can be switched,
    so the form field, not this widget, is what refuses another language.
    """

    template_name = "home/widgets/multiple_snippet_chooser.html"

    def __init__(self, model: type[Model], locale: Locale | None = None, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.model = model
        self.locale = locale

    @property
    def media(self) -> forms.Media:
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                "home/js/multiple_snippet_chooser.js",
            ]
        )

    def get_chooser_modal_url(self) -> str:
        url = reverse(self.model.snippet_viewset.chooser_viewset.get_url_name("choose"))  # type: ignore[attr-defined]
        if self.locale is None:
            return url
        return f"{url}?{urlencode({'locale': self.locale.language_code})}"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["chooser_url"] = self.get_chooser_modal_url()
        widget["add_label"] = _("Add %(object)s") % {"object": self.model._meta.verbose_name}
        widget["chosen"] = [
            option for _group, options, _index in widget["optgroups"] for option in options if option["selected"]
        ]
        return context
