from .base import BasePage, HeroImageMixin
from .home_page import HomePage, HomePageFeaturedSection
from .standard_page import StandardPage

__all__ = ["BasePage", "HeroImageMixin", "HomePage", "HomePageFeaturedSection", "StandardPage"]
