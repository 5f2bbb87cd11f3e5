"""The full-page cache of anonymous visitors' pages, in the app's cache (Redis or local memory).

Two middleware, at two places in ``settings.MIDDLEWARE``:

- ``PageCachePolicyMiddleware``, deep in the stack (after LocaleMiddleware, before the portal and
  page lookups), decides which answers may be shared: a GET answered 200 to a request without a
  session or messages cookie, for a response that set no cookie, does not vary on cookies and
  said nothing about caching itself (form pages say ``no-cache``: they carry a CSRF token and a
  one-time submission token). Those get ``Cache-Control: public`` so that the proxy in front
  (Varnish, see deploy/varnish/) keeps them too; every other answer of a page is ``private``.
- ``PageCacheMiddleware``, second from the top (under the request log only), serves hits before
  the rest of the stack runs, and stores the answers the policy marked as the whole stack finally
  produced them: security, CSP and Permissions-Policy headers, language, Vary and compression
  included, so a hit is byte for byte the answer the stack would give (its request id aside).

What invalidates the entries: see ``keys.py``.
"""

import gzip
import re
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control

from sites import navigation

from . import keys


def request_is_anonymous(request):
    """No session (staff, password-protected pages, a form's thank-you) and no pending messages."""
    return not any(name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES)


def request_is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and request_is_anonymous(request)
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
        # Whitenoise answers static files with caching headers of its own: not worth a lookup.
        and not request.path_info.startswith(settings.STATIC_URL)
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


class PageCachePolicyMiddleware:
    """Mark the answers that are the same for every visitor ``public`` (and storable), the others ``private``.

    Sits where the view's own answer can still be judged: outside it, SessionMiddleware adds
    ``Vary: Cookie`` to every page whose template looked at the (anonymous) user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.PAGE_CACHE:
            return response
        if request.method == "GET" and request_is_cacheable(request) and response_is_cacheable(response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_SECONDS,
            )
            response.page_cache_storable = True  # read by PageCacheMiddleware, outside
        elif not response.has_header("Cache-Control"):
            # A page built for one visitor (or one that forbids caching itself) never reaches a shared cache.
            patch_cache_control(response, private=True, no_cache=True)
        return response


# GZipMiddleware's own rules (size threshold, only when shorter, Vary, ETag, random padding) make
# the compressed copy; it reads nothing of the request but this header.
_GZIP = GZipMiddleware(lambda request: None)
_ACCEPTS_GZIP = SimpleNamespace(META={"HTTP_ACCEPT_ENCODING": "gzip"})
# GZipMiddleware's test of Accept-Encoding (its own re_accepts_gzip is a lazy object, slower per call).
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


class PageCacheMiddleware:
    """Answer anonymous GET/HEAD requests from the cache before the rest of the stack runs.

    Only the request log is above it, so every hit is logged and gets a fresh request id. The
    rest of the stack adds nothing that differs between two anonymous requests for the same key
    (scheme, host, URL, language; see ``keys.py``): its headers are stored with the page. Each page
    is stored twice, plain and gzip-compressed (compressed once, not on every hit), and a client
    gets the copy GZipMiddleware would have given it. The one compressed copy carries one random
    padding for every visitor: BREACH needs a secret in the page, and a shared page has none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not request_is_cacheable(request):
            return self.get_response(request)
        key = keys.page_key(request)
        if key is None:
            return self.get_response(request)
        encoding = "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
        # One round trip: the site-wide version and this client's copy of the page.
        found = cache.get_many([navigation.VERSION_KEY, f"{key}:{encoding}"])
        version = found.get(navigation.VERSION_KEY)
        stored = found.get(f"{key}:{encoding}")
        if stored is not None and version is not None and stored["version"] == version:
            return HttpResponse(stored["body"], headers=stored["headers"])
        # Read before the page is built: a publish while it is built makes this copy stale at once.
        version = version if version is not None else navigation.version()
        response = self.get_response(request)
        if self._storable(response):
            copies = self._copies(response)
            cache.set_many(
                {
                    f"{key}:{name}": {"version": version, "headers": list(copy.items()), "body": copy.content}
                    for name, copy in copies.items()
                },
                settings.PAGE_CACHE_SECONDS,
            )
        return response

    @staticmethod
    def _storable(response):
        """Marked by the policy, and still nobody's own once the whole stack has run."""
        policy = response.get("Content-Security-Policy", "") + response.get("Content-Security-Policy-Report-Only", "")
        return (
            getattr(response, "page_cache_storable", False)
            and not response.cookies  # e.g. a session saved by a view: SessionMiddleware sets its cookie outside
            and "'nonce-" not in policy  # a per-request CSP nonce, should a public page ever use one
            and response.get("Content-Encoding", "gzip") == "gzip"
        )

    @staticmethod
    def _copies(response):
        """{"identity": the plain answer, "gzip": what GZipMiddleware answers a client that accepts gzip}.

        This client's own answer is one of the two, as it is; the other is made from it.
        """
        headers = dict(response.items())
        if "Content-Encoding" not in headers:
            plain = HttpResponse(response.content, headers=headers)
            return {"identity": response, "gzip": _GZIP.process_response(_ACCEPTS_GZIP, plain)}
        body = gzip.decompress(response.content)  # this client accepted gzip, and GZipMiddleware compressed it
        del headers["Content-Encoding"]
        headers["Content-Length"] = str(len(body))
        return {"identity": HttpResponse(body, headers=headers), "gzip": response}
