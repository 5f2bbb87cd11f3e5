from .base import BasePage, HeroImageMixin, page_tabs
from .home_page import HomePage, HomePageFeaturedSection
from .standard_page import StandardPage

__all__ = ["BasePage", "HeroImageMixin", "page_tabs", "HomePage", "HomePageFeaturedSection", "StandardPage"]
