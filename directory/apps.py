from sites import sections


class DirectoryConfig(sections.SectionsAppConfig):
    name = "directory"
    verbose_name = "Elenchi"
    section_page_types = {sections.DIRECTORY: "DirectoryIndexPage"}

    def ready(self):
        super().ready()
        from . import signals  # noqa: F401 (categories clear the caches that name them)
