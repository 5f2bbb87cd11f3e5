"""Page URLs without reversing Wagtail's URL pattern for each page.

Listings, cards, JSON-LD and the sitemap build dozens of URLs per request; Wagtail reverses its
``wagtail_serve`` pattern (in the page's language) for each. A page's path is that language's
prefix (``/it/``, reversed once) followed by the page's path under its site's root.
"""

import functools
import re

from django.urls import get_script_prefix, reverse
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Site

# A page path that Wagtail's URL pattern takes as it is (reverse() would neither quote nor refuse it).
PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_-]+/)*")


@functools.cache
def language_prefix(language_code, script_prefix):
    """``/it/``: the start of every page URL in a language."""
    with translation.override(language_code):
        return reverse("wagtail_serve", args=("",))


def url_parts(url_path, site_root_paths):
    """``Page.get_url_parts()`` of the page at ``url_path`` (site id, root URL, path), or None when
    only Wagtail can tell: a page in two sites or none, a slug to quote, no trailing slashes."""
    sites = [root for root in site_root_paths if url_path.startswith(root.root_path)]
    if len(sites) != 1 or not WAGTAIL_APPEND_SLASH:
        return None
    site_id, root_path, root_url, language_code = sites[0]
    path = url_path[len(root_path) :]
    if not PLAIN_PATH.fullmatch(path):
        return None
    # As Wagtail does: the active language when it is a variant of the page's.
    active = translation.get_language()
    try:
        if active and get_supported_content_language_variant(active) == language_code:
            language_code = active
    except LookupError:
        pass
    return site_id, root_url, language_prefix(language_code, get_script_prefix()) + path


def page_url(page, request):
    """``page.get_url(request)`` for any page, a plain ``Page`` too (search results, menus)."""
    roots = page._get_site_root_paths(request)
    found = url_parts(page.url_path, roots)
    if found is None:
        return page.get_url(request)
    site_id, root_url, path = found
    # As Wagtail does: a path on the request's own site (or when there is one site), else the full URL.
    site = Site.find_for_request(request)
    if (site is not None and site.pk == site_id) or len({root.site_id for root in roots}) == 1:
        return path
    return root_url + path
