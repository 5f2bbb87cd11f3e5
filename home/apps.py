from sites import sections


class HomeConfig(sections.SectionsAppConfig):
    name = "home"
    verbose_name = "Pagine di base"
    # A portal's root and its plain sections (privacy, "chi siamo" …) are home's page types.
    section_page_types = {sections.ROOT: "HomePage", sections.STANDARD: "StandardPage"}
