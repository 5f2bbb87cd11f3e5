from django.apps import AppConfig


class FormsConfig(AppConfig):
    name = "forms"
    verbose_name = "Moduli e iscrizioni"

    def ready(self):
        from . import signals  # connects the moderation signal receivers

        signals.replace_wagtail_submission_notices()
