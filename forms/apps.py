from django.apps import AppConfig


class FormsConfig(AppConfig):
    name = "forms"
    verbose_name = "Moduli e iscrizioni"

    def ready(self):
        from sites import sections

        from . import signals  # connects the moderation signal receivers
        from .models import FormPage, ListingRegistrationPage

        sections.register_page_type(sections.REGISTRATION, ListingRegistrationPage)
        sections.register_page_type(sections.CONTACT, FormPage)

        signals.replace_wagtail_submission_notices()
