"""Site-aware helpers shared by every app that lists pages across portals."""

from wagtail.models import Page, Site

from . import navigation


def portal_directory():
    """{root page path: {"id", "name", "root_url", "is_network", "root_paths"}} for every site.

    Cached until a page or setting changes. Every language copy of a portal's tree has its own
    root (depth 2); each maps to the portal, and ``root_paths`` lists all of them.
    """

    def build():
        sites = {site.root_page.translation_key: site for site in Site.objects.select_related("root_page")}
        roots = list(Page.objects.filter(translation_key__in=sites.keys(), depth=2).only("path", "translation_key"))
        paths = {}
        for root in roots:
            paths.setdefault(root.translation_key, []).append(root.path)
        directory = {}
        for root in roots:
            site = sites[root.translation_key]
            directory[root.path] = {
                "id": site.pk,
                "name": site.site_name or site.hostname,
                "root_url": site.root_url,
                "is_network": site.is_default_site,
                "root_paths": sorted(paths[root.translation_key]),
            }
        return directory

    return navigation.cached("sites:directory", build)


def portal_of(page, directory=None):
    """The portal (as in ``portal_directory``) a page belongs to, whatever its language, or None.

    This is the one answer to "which portal is this page in": no query once the directory is cached.
    A caller asking for many pages passes the ``directory`` it read once.
    """
    # Portal roots are the tree's depth-2 pages; a page's path starts with its root's path.
    return (directory or portal_directory()).get(page.path[: Page.steplen * 2])


def portal_site(page):
    """The Site of the portal ``page`` is in, or None."""
    found = portal_of(page)
    return Site.objects.filter(pk=found["id"]).first() if found else None


def portal_root_paths(page):
    """Paths of the home page of ``page``'s portal in every language (empty outside any portal)."""
    found = portal_of(page)
    return found["root_paths"] if found else []


def portal_root(page):
    """The home page (depth 2) of the portal tree ``page`` is in, in the page's own language."""
    if page.depth <= 2:
        return page
    return Page.objects.get(path=page.path[: Page.steplen * 2])


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
