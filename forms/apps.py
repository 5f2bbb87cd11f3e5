from django.apps import AppConfig


class FormsConfig(AppConfig):
    name = "forms"
    verbose_name = "Moduli e iscrizioni"

    def ready(self):
        from . import signals  # noqa: F401 (connects the moderation signal receivers)
