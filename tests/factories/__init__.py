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
from .projects import (
    ProjectIndexPageFactory,
    ProjectMunicipalityFactory,
    ProjectPageFactory,
    ProjectPartnerFactory,
    SectorFactory,
)

__all__ = [
    "CampaignIndexPageFactory",
    "CampaignPageFactory",
    "DirectoryCategoryFactory",
    "DirectoryEntryPageFactory",
    "DirectoryIndexPageFactory",
    "DirectoryOpeningHoursFactory",
    "EventPageFactory",
    "FormFieldFactory",
    "FormPageFactory",
    "HomePageFactory",
    "ListingRegistrationPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "ProjectIndexPageFactory",
    "ProjectMunicipalityFactory",
    "ProjectPageFactory",
    "ProjectPartnerFactory",
    "SectorFactory",
    "StandardPageFactory",
]
