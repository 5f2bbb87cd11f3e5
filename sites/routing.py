"""Page routing and view restrictions in a fixed number of queries, whatever the depth of the page.

Wagtail routes a path one level at a time (two queries per level: the child, then its specific
row) and looks up the view restrictions of every page it serves (two more). Here a portal's home
page finds the whole chain of pages a path names in one query, and pages skip the restriction
lookup when no restriction covers them (the paths of restricted pages are cached). The page a
visitor's path names is cached until the next publish, so most requests route with no query.
"""

import hashlib

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from . import navigation


def restricted_paths():
    """Tree paths of the pages that carry a view restriction, and of alias pages (which take their source's)."""

    def paths():
        return {
            "restricted": list(PageViewRestriction.objects.values_list("page__path", flat=True)),
            "aliases": list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
        }

    return navigation.cached("sites:restricted-paths", paths)


def may_be_restricted(page):
    """False when neither the page nor an ancestor has a view restriction or is an alias."""
    found = restricted_paths()
    return any(page.path.startswith(path) for path in found["restricted"] + found["aliases"])


def _routes_itself(page, components):
    """Whether a routable page answers ``components`` with one of its own views (Wagtail asks it before its children)."""
    model = page.specific_class
    if model is None or not issubclass(model, RoutablePageMixin) or not page.live:
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(components) + "/")
    except Exception:  # Resolver404 (an Http404): not one of its routes
        return False
    return True


def route(root, request, path_components):
    """What ``root.route(request, path_components)`` returns, with the pages on the path fetched in one query."""
    page, consumed = _page_on_path(root, request, path_components)
    return page.route(request, path_components[consumed:])


def _page_on_path(root, request, path_components):
    """(specific page, number of path components it consumed), cached for visitors.

    Only a path that names a page is cached (what a routable page answers below it, or a 404, is
    worked out each time), so the entries are bounded by the number of pages. Staff get the page
    from the database: the admin's bar shows draft state that changes without a publish.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return _find_page(root, path_components)
    found = None

    def whole_path():
        nonlocal found
        found = _find_page(root, path_components)
        page, consumed = found
        return page if consumed == len(path_components) else None

    path = "/".join(path_components)
    page = navigation.cached(f"sites:route:{root.pk}:{hashlib.sha256(path.encode()).hexdigest()}", whole_path)
    return found if page is None else (page, len(path_components))


def _find_page(root, path_components):
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[:n]) for n in range(1, len(path_components) + 1)
    ]
    chain = Page.objects.descendant_of(root).filter(url_path__in=prefixes).defer_streamfields().order_by("depth")
    parent, consumed = root, 0
    for page in chain:
        # A missing level ends the path; a routable page answers its own routes before its children's.
        if page.depth != parent.depth + 1 or (
            parent is not root and _routes_itself(parent, path_components[consumed:])
        ):
            break
        page._cached_parent_obj = parent
        parent, consumed = page, consumed + 1
    if parent is root:
        raise Http404
    return parent.specific, consumed
