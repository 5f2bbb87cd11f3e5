from sites import navigation, sections


class ProjectsConfig(sections.SectionsAppConfig):
    name = "projects"
    verbose_name = "Progetti"
    section_page_types = {sections.PROJECTS: "ProjectIndexPage"}

    def ready(self):
        super().ready()
        # The project index caches its sector choices and cards (ProjectIndexPage.get_context).
        navigation.invalidate_on_change(self.get_model("Sector"))
