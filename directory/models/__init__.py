from .category import DirectoryCategory
from .entry_page import (
    PRIVATE_FIELDS,
    PUBLIC_FIELDS,
    DirectoryEntryPage,
    DirectoryEntryQuerySet,
    DirectoryOpeningHours,
)
from .index_page import DirectoryIndexPage

__all__ = [
    "PRIVATE_FIELDS",
    "PUBLIC_FIELDS",
    "DirectoryCategory",
    "DirectoryEntryPage",
    "DirectoryEntryQuerySet",
    "DirectoryIndexPage",
    "DirectoryOpeningHours",
]
