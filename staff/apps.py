from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "Sicurezza del personale"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
