"""One portal context per request: which portal, in which language, with which settings.

``PortalMiddleware`` puts a lazy ``request.portal`` on every request; nothing is looked
up until something reads it, so static files, /healthz and most admin requests never
touch the database for it. Every "which portal is this / is it the network / in which
language" question is answered here (see the README, "One request, one portal context").
"""

from functools import cached_property

from django.http.request import split_domain_port
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from . import languages, navigation
from .utils import is_network_site


def find_site(request):
    """Wagtail's ``Site.find_for_request``, cached per host and port, its root page already specific.

    The result is put where Wagtail looks first (``request._wagtail_site``), so routing, settings
    and page URLs of the request reuse it instead of querying for the site again.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]

        def lookup():
            site = Site._find_for_request(request)
            if site is not None:
                # Routing starts from ``site.root_page.localized.specific``: no query for it in Italian.
                site.root_page = site.root_page.specific
            return site

        request._wagtail_site = navigation.cached(f"sites:site:{hostname}:{request.get_port()}", lookup)
    return request._wagtail_site


class Portal:
    """The portal a request is for: its Site, settings, languages, active locale and roots."""

    def __init__(self, site, request=None):
        self.site = site
        self.request = request
        self._translation_urls = {}

    @classmethod
    def for_request(cls, request):
        return cls(find_site(request), request)

    @property
    def is_network(self):
        """The network site is the default site: it aggregates every portal's published content."""
        return is_network_site(self.site)

    @cached_property
    def settings(self):
        """The portal's ``PortalSettings``, cached with the navigation; also what ``PortalSettings.for_request`` returns."""
        from .models import PortalSettings

        if self.site is None:
            return (
                PortalSettings.for_request(self.request) if self.request is not None else PortalSettings.for_site(None)
            )
        found = navigation.cached(f"sites:settings:{self.site.pk}", lambda: PortalSettings.for_site(self.site))
        if self.request is not None:
            found._request = self.request
            setattr(self.request, PortalSettings.get_cache_attr_name(), found)
        return found

    @cached_property
    def language_codes(self):
        """Codes of the languages the portal offers (Italian always), in the order of settings.LANGUAGES."""
        return languages.portal_language_codes(self.site)

    @property
    def language_code(self):
        return translation.get_language() or languages.default_language()

    @property
    def locale(self):
        """The active locale (the request's language)."""
        return languages.active_locale()

    @cached_property
    def roots(self):
        """{language code: the portal's home page in that language}, one per language tree."""
        if self.site is None:
            return {}
        key = self.site.root_page.translation_key

        def roots():
            pages = Page.objects.filter(depth=2, translation_key=key).select_related("locale").defer_streamfields()
            return {root.locale.language_code: root for root in pages}

        return navigation.cached(f"sites:roots:{self.site.pk}", roots)

    @property
    def root(self):
        """The portal's home page in the active language (the Italian one when not translated)."""
        return self.roots.get(self.language_code) or (self.site.root_page if self.site else None)

    @cached_property
    def root_paths(self):
        return sorted(root.path for root in self.roots.values())

    def translation_urls(self, page, full=False):
        """{language code: URL} of the page's live translations in the portal's languages.

        Cached per portal and page until something is published: the language switcher and the
        hreflang links share it (one query when it is not cached).
        """
        if page.pk not in self._translation_urls:

            def urls():
                found = languages.live_translations(page, self.language_codes)
                return {
                    code: (translated.get_url(self.request), translated.get_full_url(self.request))
                    for code, translated in found.items()
                }

            site_id = self.site.pk if self.site is not None else 0
            self._translation_urls[page.pk] = navigation.cached(
                f"sites:translations:{site_id}:{page.translation_key}", urls
            )
        return {code: urls[1] if full else urls[0] for code, urls in self._translation_urls[page.pk].items()}


def get_portal(request):
    """``request.portal``, also for requests that did not go through the middleware (emails, tests)."""
    portal = getattr(request, "portal", None)
    if portal is None:
        portal = request.portal = Portal.for_request(request)
    return portal


class PortalMiddleware:
    """Attach ``request.portal`` lazily: built the first time something reads it; the site-wide
    cache version is read once for the whole request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.portal = SimpleLazyObject(lambda: Portal.for_request(request))
        with navigation.one_version():
            return self.get_response(request)


def portal(request):
    """Context processor: ``{{ portal }}`` in every template (still lazy until a template reads it)."""
    if request is None:
        return {}
    found = getattr(request, "portal", None)
    return {"portal": found if found is not None else SimpleLazyObject(lambda: get_portal(request))}
