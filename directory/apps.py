from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Elenchi"

    def ready(self):
        from sites import sections

        from .models import DirectoryIndexPage

        sections.register_page_type(sections.DIRECTORY, DirectoryIndexPage)
