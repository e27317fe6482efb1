from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Event


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=Event.choices, widget=forms.CheckboxSelectMultiple, help_text="Send only these events."
    )
