from sites import sections


class FormsConfig(sections.SectionsAppConfig):
    name = "forms"
    verbose_name = "Moduli e iscrizioni"
    section_page_types = {sections.REGISTRATION: "ListingRegistrationPage", sections.CONTACT: "FormPage"}

    def ready(self):
        super().ready()
        from . import signals  # connects the moderation signal receivers

        signals.replace_wagtail_submission_notices()
