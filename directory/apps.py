from sites import navigation, sections


class DirectoryConfig(sections.SectionsAppConfig):
    name = "directory"
    verbose_name = "Elenchi"
    section_page_types = {sections.DIRECTORY: "DirectoryIndexPage"}

    def ready(self):
        super().ready()
        # Directory and entry pages cache the categories they name (listing.directory_categories).
        navigation.invalidate_on_change(self.get_model("DirectoryCategory"))
