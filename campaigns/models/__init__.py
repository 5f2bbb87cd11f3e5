from .campaign_index_page import CampaignIndexPage
from .campaign_page import CampaignPage
from .event_page import EventPage
from .news_index_page import NewsIndexPage
from .news_page import NewsPage

__all__ = ["CampaignIndexPage", "CampaignPage", "EventPage", "NewsIndexPage", "NewsPage"]
