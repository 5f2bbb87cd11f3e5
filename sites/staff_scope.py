"""What a member of staff may see in the admin: their portal's pages, collections and languages.

Wagtail's own checks answer "may this user change that object?"; several admin views
(choosers, reports, counts, wagtail-localize) never ask, and list everything. Every
filter that keeps one portal's staff out of another portal's content asks this module,
so the answer is written once. Superusers manage the network and see everything.

A user's portals are the sites whose settings their groups may edit (``sites_for_user``);
a portal's pages are those under its root in every language (each language copy of a
tree is a separate root); its collection is the top-level collection named after it, as
``provision_portal`` creates it, with its children.
"""

from django.db.models import Q
from wagtail.models import Collection, Page

from .languages import portal_language_codes
from .permissions import sites_for_user
from .utils import portal_site

_CACHE = "_staff_scope_cache"


def is_unrestricted(user):
    return bool(user.is_active and user.is_superuser)


def _cached(user, key, compute):
    # request.user lives for one request: cache on it, never across requests.
    store = user.__dict__.setdefault(_CACHE, {})
    if key not in store:
        store[key] = compute()
    return store[key]


def portal_sites(user):
    """The portals the user works for (every site for a superuser, none for anyone else without a portal)."""
    if not user.is_authenticated:
        return []
    return _cached(user, "sites", lambda: list(sites_for_user(user).select_related("root_page")))


def portal_roots(user):
    """Every language copy of the root page of the user's portals."""

    def compute():
        keys = [site.root_page.translation_key for site in portal_sites(user)]
        return list(Page.objects.filter(depth=2, translation_key__in=keys).only("pk", "path", "translation_key"))

    return _cached(user, "roots", compute)


def page_filter(user, prefix=""):
    """A Q object matching the user's portal pages (``prefix`` like ``"pages__"`` for related lookups)."""
    if is_unrestricted(user):
        return Q()
    roots = portal_roots(user)
    if not roots:
        return Q(**{f"{prefix}pk__in": []})
    scope = Q()
    for root in roots:
        scope |= Q(**{f"{prefix}path__startswith": root.path})
    return scope


def scope_pages(queryset, user):
    return queryset if is_unrestricted(user) else queryset.filter(page_filter(user))


def can_see_page(user, page):
    if is_unrestricted(user):
        return True
    return any(page.path.startswith(root.path) for root in portal_roots(user))


def portal_collections(user):
    """The collections of the user's portals, with their children."""

    def compute():
        names = [site.site_name for site in portal_sites(user)]
        scope = Q(pk__in=[])
        for collection in Collection.objects.filter(depth=2, name__in=names):
            scope |= Q(path__startswith=collection.path)
        return list(Collection.objects.filter(scope).values_list("pk", flat=True))

    return _cached(user, "collections", compute)


def scope_collection_objects(queryset, user):
    """Images, documents or anything else with a ``collection``: only the user's portal's."""
    return queryset if is_unrestricted(user) else queryset.filter(collection_id__in=portal_collections(user))


def can_see_collection_object(user, obj):
    return is_unrestricted(user) or obj.collection_id in portal_collections(user)


def language_codes_for_page(page):
    """The languages the page's portal offers (PortalSettings), Italian always among them."""
    return portal_language_codes(portal_site(page))


def can_translate_page(user, page, locales=()):
    """May the user translate ``page`` into ``locales``: a page of their portal they may edit,
    into languages their portal offers (wagtail-localize only checks the global permission)."""
    if not user.has_perm("wagtail_localize.submit_translation"):
        return False
    if is_unrestricted(user):
        return True
    if not can_see_page(user, page) or not page.permissions_for_user(user).can_edit():
        return False
    codes = language_codes_for_page(page)
    return all(locale.language_code in codes for locale in locales)
