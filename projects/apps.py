from sites import sections


class ProjectsConfig(sections.SectionsAppConfig):
    name = "projects"
    verbose_name = "Progetti"
    section_page_types = {sections.PROJECTS: "ProjectIndexPage"}
