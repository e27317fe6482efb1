"""Admin menus for the snippets, with the search and filters editors need in long lists."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Partnership


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "group"
    menu_label = "Partnerships"
    list_display = ["name", "acronym", "kind", "funder"]
    list_filter = ["kind"]  # Wagtail adds its own language filter
    search_fields = ["name", "acronym", "description"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    list_display = ["name", "acronym", "kind", "country"]
    list_filter = ["kind"]  # Wagtail adds its own language filter
    search_fields = ["name", "acronym"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (PartnershipViewSet, OrganisationViewSet)
    menu_icon = "group"
    menu_label = "Networks"
    menu_name = "networks"


register_snippet(NetworkViewSetGroup)
