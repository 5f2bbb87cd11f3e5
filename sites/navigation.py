"""Main menu of a portal, and the cache every site-wide lookup shares.

Values are cached under a version number that any change to pages, sites or portal
settings replaces (see ``signals.py``), so nothing needs to know which keys to delete.
"""

import contextlib
import contextvars
import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

VERSION_KEY = "navigation:version"
# The version a request read (see one_version): a page reads the cache a dozen times or more.
_held = contextvars.ContextVar("navigation_version", default=None)


def invalidate():
    value = time.time_ns()
    cache.set(VERSION_KEY, value, None)
    held = _held.get()
    if held is not None:
        held["version"] = value


def _invalidate_on_signal(**kwargs):
    invalidate()


def invalidate_on_change(model):
    """Saving or deleting a ``model`` (a snippet that cached pages and lists name: categories,
    sectors) replaces the version too, as publishing a page does."""
    post_save.connect(_invalidate_on_signal, sender=model, dispatch_uid=f"navigation:{model._meta.label}:save")
    post_delete.connect(_invalidate_on_signal, sender=model, dispatch_uid=f"navigation:{model._meta.label}:delete")


def version():
    """The current site-wide version: it changes whenever a page, site or portal setting does."""
    held = _held.get()
    if held is not None and "version" in held:
        return held["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(VERSION_KEY, version, None)
    if held is not None:
        held["version"] = version
    return version


@contextlib.contextmanager
def one_version():
    """Within the block (a request: see sites.portal.PortalMiddleware) the version is read from
    the cache once, so the request sees one state of the site throughout (its own changes too)."""
    token = _held.set({})
    try:
        yield
    finally:
        _held.reset(token)


def cached(key, compute, timeout=60 * 60, expires=None):
    """``compute()``, cached under ``key`` until a page, site or portal setting changes.

    ``expires(value)`` is, for what also changes with time alone, the moment the value stops
    being right (the next events: when the first of them is over) or None; after it the value
    is computed again. A value of None is never stored.
    """
    versioned_key = f"{key}:{version()}"
    entry = cache.get(versioned_key)
    if entry is None or (entry[1] is not None and timezone.now() > entry[1]):
        value = compute()
        if value is None:
            return None
        entry = (value, expires(value) if expires is not None else None)
        cache.set(versioned_key, entry, timeout)
    return entry[0]


def cached_many(keys, compute, timeout=60 * 60):
    """{key: value} for each of ``keys``, cached like ``cached`` (in one round trip to the cache):
    ``compute(missing keys)`` gives {key: value} for those that were not cached, all at once."""
    suffix = f":{version()}"
    stored = cache.get_many([key + suffix for key in keys])
    found = {key: stored[key + suffix][0] for key in keys if key + suffix in stored}
    missing = [key for key in keys if key not in found]
    if missing:
        computed = compute(missing)
        cache.set_many({key + suffix: (value, None) for key, value in computed.items() if value is not None}, timeout)
        found.update(computed)
    return found


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
    return chrome(request)["home_url"]


# The PortalSettings page fields the footer links to, each in the visitor's language.
FOOTER_PAGES = ("privacy_page", "legal_notes_page", "accessibility_page")
LOGO_SPEC = "height-82"


# The PortalSettings fields every page's <head> reads (without unpickling the whole settings).
HEAD_FIELDS = ("portal_name", "footer_text")


def chrome(request):
    """What the header and footer need beyond the settings' own fields, per portal and language:
    {"home_url", "logo": {"url", "width", "height"} or None, "privacy_page": URL or "", …},
    and the settings' HEAD_FIELDS."""
    from .portal import get_portal

    portal = get_portal(request)
    if portal.site is None:
        head = {name: getattr(portal.settings, name) for name in HEAD_FIELDS}
        return {"home_url": "/", "logo": None, **dict.fromkeys(FOOTER_PAGES, ""), **head}

    def build():
        settings = portal.settings
        # A translated home page still in draft is not linked: the Italian one is.
        root = portal.root if portal.root.live else portal.site.root_page
        values = {"home_url": root.get_url(request) or "/", "logo": None}
        values.update({name: getattr(settings, name) for name in HEAD_FIELDS})
        if settings.logo_id:
            rendition = settings.logo.get_rendition(LOGO_SPEC)
            values["logo"] = {"url": rendition.url, "width": rendition.width, "height": rendition.height}
        for name in FOOTER_PAGES:
            page = getattr(settings, name)
            values[name] = page.localized.get_url(request) if page is not None else ""
        return values

    return cached(f"navigation:chrome:{portal.site.pk}:{portal.language_code}", build)


def breadcrumbs(request, page):
    """[{"title", "url"}] of the page's live ancestors from the portal's home down, per page and language."""
    from .portal import get_portal

    site = get_portal(request).site
    if site is None or page is None:
        return []

    def crumbs():
        ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth).live().defer_streamfields()
        return [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]

    return cached(f"navigation:breadcrumbs:{site.pk}:{page.pk}", crumbs)
