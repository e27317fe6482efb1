from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site's content and the command that loads it; no models, and nothing imports it."""

    name = "demo"
    verbose_name = "Demo content"
