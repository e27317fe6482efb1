"""The admin's Webhooks menu: endpoints to edit, deliveries and attempts to read (admins only)."""

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import WebhookEndpointForm
from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from .permissions import SuperuserOnlyPolicy


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = "Endpoints"
    list_display = ["name", "url", "active"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("url"), FieldPanel("secret"), FieldPanel("events"), FieldPanel("active")],
        base_form_class=WebhookEndpointForm,
    )


class WebhookDeliveryViewSet(SnippetViewSet):
    model = WebhookDelivery
    icon = "mail"
    menu_label = "Deliveries"
    list_display = ["event", "endpoint", "status", "response_code", "attempts", "created_at", "delivered_at"]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = ["id", "event", "endpoint", "status", "attempts", "response_code", "next_attempt_at", "body"]


class WebhookAttemptViewSet(SnippetViewSet):
    model = WebhookAttempt
    icon = "history"
    menu_label = "Attempts"
    list_display = ["delivery", "number", "succeeded", "response_code", "error", "duration_ms", "started_at"]
    list_filter = ["succeeded"]


class WebhooksViewSetGroup(SnippetViewSetGroup):
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet, WebhookAttemptViewSet)
    menu_icon = "link-external"
    menu_label = "Webhooks"
    menu_name = "webhooks"


register_permission_policy(WebhookEndpoint, SuperuserOnlyPolicy(WebhookEndpoint))
register_permission_policy(WebhookDelivery, SuperuserOnlyPolicy(WebhookDelivery, actions={"view"}))
register_permission_policy(WebhookAttempt, SuperuserOnlyPolicy(WebhookAttempt, actions={"view"}))
register_snippet(WebhooksViewSetGroup)
