from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Pagine di base"

    def ready(self):
        from sites import sections

        from .models import HomePage, StandardPage

        # A portal's root and its plain sections (privacy, "chi siamo" …) are home's page types.
        sections.register_page_type(sections.ROOT, HomePage)
        sections.register_page_type(sections.STANDARD, StandardPage)
