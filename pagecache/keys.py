"""Keys of the page cache: one entry per scheme, host, path, query string and language.

Every key carries the site-wide version of ``sites.navigation``, which any publish, unpublish,
move or deletion of a page, and any change to a site or to portal settings, replaces: those
changes clear every stored page at once (publishing is rare; a page is built again on its next
visit). What changes with time alone (upcoming events) lasts at most ``PAGE_CACHE_SECONDS``.
"""

import hashlib

from django.utils import translation

from sites import navigation


def page_key(request):
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"pagecache:{navigation.version()}:{translation.get_language()}:{digest}"
