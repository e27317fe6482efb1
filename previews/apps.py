from django.apps import AppConfig


class PreviewsConfig(AppConfig):
    name = "previews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Listed after wagtail.search in INSTALLED_APPS, so Wagtail's handlers are connected by now.
        from home.rolled_back_writes import guard_search_index

        guard_search_index()
