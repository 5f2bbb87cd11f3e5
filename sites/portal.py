"""One portal context per request: which portal, in which language, with which settings.

``PortalMiddleware`` puts a lazy ``request.portal`` on every request; nothing is looked
up until something reads it, so static files, /healthz and most admin requests never
touch the database for it. Every "which portal is this / is it the network / in which
language" question is answered here (see the README, "One request, one portal context").
"""

from functools import cached_property

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page, Site

from . import languages
from .utils import is_network_site


class Portal:
    """The portal a request is for: its Site, settings, languages, active locale and roots."""

    def __init__(self, site, request=None):
        self.site = site
        self.request = request
        self._locales = {}
        self._translation_urls = {}

    @classmethod
    def for_request(cls, request):
        return cls(Site.find_for_request(request), request)

    @property
    def is_network(self):
        """The network site is the default site: it aggregates every portal's published content."""
        return is_network_site(self.site)

    @cached_property
    def settings(self):
        from .models import PortalSettings

        if self.request is not None:
            return PortalSettings.for_request(self.request)
        return PortalSettings.for_site(self.site)

    @cached_property
    def language_codes(self):
        """Codes of the languages the portal offers (Italian always), in the order of settings.LANGUAGES."""
        return languages.portal_language_codes(self.site)

    @property
    def language_code(self):
        return translation.get_language() or languages.default_language()

    @property
    def locale(self):
        """The active locale (the request's language), looked up once per language."""
        code = self.language_code
        if code not in self._locales:
            self._locales[code] = Locale.get_active()
        return self._locales[code]

    @cached_property
    def roots(self):
        """{language code: the portal's home page in that language}, one per language tree."""
        if self.site is None:
            return {}
        key = self.site.root_page.translation_key
        return {
            root.locale.language_code: root
            for root in Page.objects.filter(depth=2, translation_key=key).select_related("locale")
        }

    @property
    def root(self):
        """The portal's home page in the active language (the Italian one when not translated)."""
        return self.roots.get(self.language_code) or (self.site.root_page if self.site else None)

    @cached_property
    def root_paths(self):
        return sorted(root.path for root in self.roots.values())

    def translation_urls(self, page, full=False):
        """{language code: URL} of the page's live translations in the portal's languages.

        One query per page and request: the language switcher and the hreflang links share it.
        """
        if page.pk not in self._translation_urls:
            self._translation_urls[page.pk] = languages.live_translations(page, self.language_codes)
        found = self._translation_urls[page.pk]
        return {
            code: (translated.get_full_url(self.request) if full else translated.get_url(self.request))
            for code, translated in found.items()
        }


def get_portal(request):
    """``request.portal``, also for requests that did not go through the middleware (emails, tests)."""
    portal = getattr(request, "portal", None)
    if portal is None:
        portal = request.portal = Portal.for_request(request)
    return portal


class PortalMiddleware:
    """Attach ``request.portal`` lazily: built the first time something reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.portal = SimpleLazyObject(lambda: Portal.for_request(request))
        return self.get_response(request)


def portal(request):
    """Context processor: ``{{ portal }}`` in every template (still lazy until a template reads it)."""
    if request is None:
        return {}
    found = getattr(request, "portal", None)
    return {"portal": found if found is not None else SimpleLazyObject(lambda: get_portal(request))}
