"""Site-aware helpers shared by every app that lists pages across portals."""

from wagtail.models import Page, Site

from . import navigation


def portal_directory():
    """{root page path: {"id", "name", "root_url", "is_network"}} for every site, cached until a page or setting changes."""

    def build():
        directory = {}
        sites = {site.root_page.translation_key: site for site in Site.objects.select_related("root_page")}
        # Each language has its own copy of a portal's tree: map every copy's root to the portal.
        for root in Page.objects.filter(translation_key__in=sites.keys(), depth=2):
            site = sites[root.translation_key]
            directory[root.path] = {
                "id": site.pk,
                "name": site.site_name or site.hostname,
                "root_url": site.root_url,
                "is_network": site.is_default_site,
            }
        return directory

    return navigation.cached("sites:directory", build)


def portal_of(page):
    """The portal (as in ``portal_directory``) a page belongs to, or None."""
    directory = portal_directory()
    # A page's tree path starts with its portal root's path (4 characters per level).
    for length in range(len(page.path), 0, -4):
        found = directory.get(page.path[:length])
        if found:
            return found
    return None


def portal_root(page):
    """The home page (depth 2) of the portal tree ``page`` is in, in the page's own language."""
    if page.depth <= 2:
        return page
    return Page.objects.ancestor_of(page).get(depth=2)


def is_network_site(site):
    """The network site is the default site: it aggregates every portal's published content."""
    return bool(site and site.is_default_site)


def free_slug(base, siblings):
    """``base``, else ``base-2``, ``base-3`` …: the first slug no page or object in ``siblings`` has."""
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
