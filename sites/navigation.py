"""Main menu of a portal, and the cache every site-wide lookup shares.

Values are cached under a version number that any change to pages, sites or portal
settings replaces (see ``signals.py``), so nothing needs to know which keys to delete.
"""

import time

from django.core.cache import cache

VERSION_KEY = "navigation:version"


def invalidate():
    cache.set(VERSION_KEY, time.time_ns(), None)


def version():
    """The current site-wide version: it changes whenever a page, site or portal setting does."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(VERSION_KEY, version, None)
    return version


def cached(key, compute, timeout=60 * 60):
    """``compute()``, cached under ``key`` until a page, site or portal setting changes."""
    versioned_key = f"{key}:{version()}"
    value = cache.get(versioned_key)
    if value is None:
        value = compute()
        cache.set(versioned_key, value, timeout)
    return value


def main_menu(request):
    """[{"title", "url", "path"}] for the live, in-menu children of the portal's home in the active language."""
    from .portal import get_portal

    portal = get_portal(request)
    if portal.site is None:
        return []

    def items():
        root = portal.site.root_page.localized
        return [
            {"title": page.title, "url": page.get_url(request), "path": page.path}
            for page in root.get_children().live().public().in_menu()
        ]

    return cached(f"navigation:menu:{portal.site.pk}:{portal.language_code}", items)


def home_url(request):
    from .portal import get_portal

    site = get_portal(request).site
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"
