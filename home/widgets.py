"""Form widgets the content areas share."""

from typing import Any

from django import forms


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
