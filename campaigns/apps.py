from sites import sections


class CampaignsConfig(sections.SectionsAppConfig):
    name = "campaigns"
    verbose_name = "Campagne"
    section_page_types = {sections.CAMPAIGNS: "CampaignIndexPage", sections.NEWS: "NewsIndexPage"}
