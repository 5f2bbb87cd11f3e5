"""The full-page cache of anonymous visitors' pages, in the app's cache (Redis or local memory).

A page is stored only when nothing in it belongs to one visitor: a GET answered 200 to a
request without a session, for a response that set no cookie, does not vary on cookies and
said nothing about caching itself (form pages say ``no-cache``: they carry a CSRF token and a
one-time submission token). Such responses get ``Cache-Control: public`` so that the proxy in
front (Varnish, see deploy/varnish/) keeps them too; every other response of a page is
``private`` so that no proxy does. What invalidates the entries: see ``keys.py``.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import keys

# Headers a stored page keeps; the outer middleware (security, CSP, language, request id) adds its own on every answer.
STORED_HEADERS = ("Content-Type", "Content-Disposition", "X-Frame-Options", "Vary", "Link")


def request_is_anonymous(request):
    """No session (staff, password-protected pages, a form's thank-you) and no pending messages."""
    return not any(name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES)


def request_is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and request_is_anonymous(request)
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def response_is_cacheable(response):
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in vary
        and not response.has_header("Cache-Control")
    )


class PageCacheMiddleware:
    """Serve anonymous GETs from the cache; store the pages that are the same for every visitor.

    Sits after LocaleMiddleware (the active language is part of the key) and before the portal
    and page lookups, so a page served from the cache costs no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE:
            return self.get_response(request)
        if not request_is_cacheable(request):
            return self._private(self.get_response(request))
        key = keys.page_key(request)
        stored = cache.get(key)
        if stored is not None:
            return self._public(self._rebuild(stored))
        response = self.get_response(request)
        if request.method != "GET" or not response_is_cacheable(response):
            return self._private(response)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        cache.set(key, self._store(response), settings.PAGE_CACHE_SECONDS)
        return self._public(response)

    @staticmethod
    def _store(response):
        headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
        return {"content": response.content, "headers": headers}

    @staticmethod
    def _rebuild(stored):
        response = HttpResponse(stored["content"], headers=stored["headers"])
        response["Content-Length"] = str(len(response.content))  # CommonMiddleware, inside, did not run
        return response

    @staticmethod
    def _public(response):
        patch_cache_control(
            response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS, s_maxage=settings.PAGE_CACHE_SECONDS
        )
        return response

    @staticmethod
    def _private(response):
        # A page built for one visitor (or one that forbids caching itself) never reaches a shared cache.
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
