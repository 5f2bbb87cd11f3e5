"""Main menu of a portal, cached per site and language, cleared on any page change."""

import time

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

VERSION_KEY = "navigation:version"


def invalidate():
    cache.set(VERSION_KEY, time.time_ns(), None)


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(VERSION_KEY, version, None)
    return version


def main_menu(request):
    """[{"title", "url", "path"}] for the live, in-menu children of the portal's home in the active language."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    language = translation.get_language() or ""
    key = f"navigation:menu:{site.pk}:{language}:{_version()}"
    items = cache.get(key)
    if items is None:
        root = site.root_page.localized
        items = [
            {"title": page.title, "url": page.get_url(request), "path": page.path}
            for page in root.get_children().live().public().in_menu()
        ]
        cache.set(key, items, 60 * 60)
    return items


def home_url(request):
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"
