from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Progetti"

    def ready(self):
        from sites import sections

        from .models import ProjectIndexPage

        sections.register_page_type(sections.PROJECTS, ProjectIndexPage)
