"""Admin page forms whose relation pickers offer only what belongs with the page being edited."""

from typing import Any, ClassVar

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class PageLanguageChoicesForm(WagtailAdminPageForm):
    """Relation fields named in ``same_language_fields`` list only the page's own language.

    Partnerships and organisations exist once per language; listing both versions side by side made
    editors pick "EU4Culture" twice or "Commission européenne" for an English page. A choice from
    another language is refused as an invalid choice, so no path stores one.
    """

    same_language_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale_id = self.page_locale_id
        for name in self.same_language_fields:
            field = self.fields.get(name)
            queryset = field.queryset if isinstance(field, forms.ModelChoiceField) else None
            if queryset is not None and locale_id is not None:
                field.queryset = queryset.filter(locale_id=locale_id)

    @property
    def page_locale_id(self) -> int | None:
        """The page's language: set on the instance by the add and edit views, else the parent's."""
        if self.instance.locale_id is not None:
            return int(self.instance.locale_id)
        parent = getattr(self, "parent_page", None)
        return int(parent.locale_id) if parent is not None else None
