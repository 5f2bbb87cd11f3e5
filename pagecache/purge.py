"""What to take out of Varnish when something a page shows changes.

A page's own URL and those of its live ancestors (its index page, the portal's home page with
its panels) are purged, with the feeds, calendars and exports that list the same items (each page
type names them in ``get_cached_paths``) and the portal's sitemap; every cached variant of those
paths goes (``?page=2``, filters). The
whole host is banned when the change reaches every page of a portal: its home page or a menu
section (the menu), a move (old URLs), its settings (footer, helplines) or its site. The network
site lists what every portal publishes, so its host is banned on every change. Wagtail's
``PurgeBatch`` builds the URLs; the requests themselves are sent by the task worker (``tasks.purge_frontend_cache``).
"""

from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Site

from portal.queue import enqueue
from sites.utils import portal_site

# Depth of a portal's home page in Wagtail's tree (under the one root); its children are the menu.
HOME_DEPTH = 2


def enabled():
    return bool(get_backends())


def host_of(site):
    """The Host header clients send for ``site`` (the port only when it is not the scheme's default)."""
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def network_hosts():
    return [host_of(site) for site in Site.objects.filter(is_default_site=True)]


def page_changed(page, whole_portal=False):
    """Purge ``page`` and its index and home pages; ban its portal when the change shows on every page."""
    if not enabled():
        return
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gte=HOME_DEPTH).live().specific(defer=True))
    hosts = set(network_hosts())
    site = portal_site(page)
    if site is not None and (whole_portal or page.depth <= HOME_DEPTH + 1):
        hosts.add(host_of(site))
    # The portal's sitemap lists its pages (the network host is banned whole anyway).
    if site is not None:
        batch.add_url(f"{site.root_url}/sitemap.xml")
    enqueue(purge_task(), urls=sorted(batch.urls), hosts=sorted(hosts))


def site_changed(site):
    """Ban the portal's host (settings: footer, helplines, languages) and the network's."""
    if not enabled() or site is None:
        return
    enqueue(purge_task(), urls=[], hosts=sorted({host_of(site), *network_hosts()}))


def purge_task():
    from .tasks import purge_frontend_cache

    return purge_frontend_cache
