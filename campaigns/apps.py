from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Campagne"

    def ready(self):
        from sites import sections

        from .models import CampaignIndexPage, NewsIndexPage

        sections.register_page_type(sections.CAMPAIGNS, CampaignIndexPage)
        sections.register_page_type(sections.NEWS, NewsIndexPage)
