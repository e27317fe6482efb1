"""The conference's admin form: partnership and organisers offered in the page's own language only."""

from home.page_forms import PageLanguageChoicesForm


class ConferencePageForm(PageLanguageChoicesForm):
    same_language_fields = ("partnership", "organisers")
