"""Factories for every page type, one module per app, re-exported here."""

from .home import HomePageFactory, StandardPageFactory

__all__ = ["HomePageFactory", "StandardPageFactory"]
