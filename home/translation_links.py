"""Admin forms refuse links to two language versions of one item: the API shows each item once, in
the reader's language, so the second link would only hide the editor's mistake."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


def refuse_two_language_versions(items: Iterable[TranslatableMixin], noun: str | Promise) -> None:
    """Raises when two of ``items`` share a translation key; ``noun`` names one item, e.g. "city"."""
    seen: set[object] = set()
    for item in items:
        if item.translation_key in seen:
            raise ValidationError(
                _("%(item)s is linked twice (in two languages): link each %(noun)s once.")
                % {"item": item, "noun": noun},
                code="two_language_versions",
            )
        seen.add(item.translation_key)
