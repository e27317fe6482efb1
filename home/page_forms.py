"""Admin page forms whose relation pickers offer only what belongs with the page being edited."""

from functools import cached_property
from typing import Any, ClassVar

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

from home.widgets import MultipleSnippetChooser


class PageLanguageChoicesForm(WagtailAdminPageForm):
    """Relation fields named in ``same_language_fields`` list only the page's own language.

    Partnerships and organisations exist once per language; listing both versions side by side made
    editors pick "EU4Culture" twice or "Commission européenne" for an English page. A choice from
    another language is refused as an invalid choice, so no path stores one. The many-to-many ones
    are picked through Wagtail's searchable snippet chooser, opened at the page's language.
    """

    same_language_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale = self.page_locale
        for name in self.same_language_fields:
            field = self.fields.get(name)
            queryset = field.queryset if isinstance(field, forms.ModelChoiceField) else None
            if queryset is None or locale is None:
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = MultipleSnippetChooser(queryset.model, locale=locale)
                field.widget.is_required = field.required
            field.queryset = queryset.filter(locale=locale)  # also gives the widget its choices

    @cached_property
    def page_locale(self) -> Locale | None:
        """The page's language: set on the instance by the add and edit views, else the parent's."""
        if self.instance.locale_id is not None:
            return self.instance.locale
        parent = getattr(self, "parent_page", None)
        return parent.locale if parent is not None else None
