from django.apps import AppConfig


class SitesConfig(AppConfig):
    name = "sites"
    label = "sites"
    verbose_name = "Portali"

    def ready(self):
        from . import signals  # noqa: F401
