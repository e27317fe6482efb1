from django.apps import AppConfig


class DocumentImportConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "document_import"
    verbose_name = "Document import"
