"""Keys of the page cache: one entry per scheme, host, path with query string, language and encoding.

The key is built from the raw request, before any middleware has run (see ``middleware.py``).
The language is the one LocaleMiddleware will activate: the URL's prefix (``/it/``, ``/en/`` …)
for every page under one; for the few answers outside them (``/sitemap.xml``) the language
cookie or Accept-Language, which LocaleMiddleware then declares in ``Vary: Accept-Language``.

Each entry carries the site-wide version of ``sites.navigation`` it was built under, and counts
only while that version is current: any publish, unpublish, move or deletion of a page, and any
change to a site or to portal settings, replaces the version and so clears every stored page at
once (publishing is rare; a page is built again on its next visit). The version sits in the entry
rather than in its key so that a hit reads the version and the page in one round trip to the cache.
What changes with time alone (upcoming events) lasts at most ``PAGE_CACHE_SECONDS``.
"""

import hashlib

from django.utils import translation


def page_key(request):
    """The key without its encoding, or None for a request that names no host.

    The Host header is taken as sent, unchecked: a host that ALLOWED_HOSTS refuses gets a 400
    from the stack below, so nothing is ever stored under it (and checking it costs every hit).
    """
    host = request.META.get("HTTP_HOST")
    if not host:
        return None
    language = translation.get_language_from_request(request, check_path=True)
    url = f"{request.scheme}://{host}{request.get_full_path()}"
    # A short digest: the cache checks every character of every key it is given.
    return f"pagecache:{language}:{hashlib.blake2b(url.encode(), digest_size=16).hexdigest()}"
