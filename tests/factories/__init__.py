"""Factories for every page type, one module per app, re-exported here."""

from .campaigns import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)
from .directory import (
    DirectoryCategoryFactory,
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
    DirectoryOpeningHoursFactory,
)
from .forms import FormFieldFactory, FormPageFactory, ListingRegistrationPageFactory
from .home import HomePageFactory, StandardPageFactory

__all__ = [
    "CampaignIndexPageFactory",
    "CampaignPageFactory",
    "EventPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "DirectoryCategoryFactory",
    "DirectoryEntryPageFactory",
    "DirectoryIndexPageFactory",
    "DirectoryOpeningHoursFactory",
    "FormFieldFactory",
    "FormPageFactory",
    "HomePageFactory",
    "ListingRegistrationPageFactory",
    "StandardPageFactory",
]
