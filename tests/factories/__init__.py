"""Factories for every page type, one module per app, re-exported here."""

from .directory import (
    DirectoryCategoryFactory,
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
    DirectoryOpeningHoursFactory,
)
from .home import HomePageFactory, StandardPageFactory

__all__ = [
    "DirectoryCategoryFactory",
    "DirectoryEntryPageFactory",
    "DirectoryIndexPageFactory",
    "DirectoryOpeningHoursFactory",
    "HomePageFactory",
    "StandardPageFactory",
]
