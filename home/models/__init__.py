from .base import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin, page_tabs
from .home_page import HomePage, HomePageFeaturedSection
from .standard_page import StandardPage

__all__ = [
    "HERO_PAGE_TRANSLATABLE_FIELDS",
    "BasePage",
    "HeroImageMixin",
    "page_tabs",
    "HomePage",
    "HomePageFeaturedSection",
    "StandardPage",
]
