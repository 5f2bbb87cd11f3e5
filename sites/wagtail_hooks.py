"""Admin listings, choosers, counts and the admin API show a member of staff their own portal only.

The scope itself is decided in ``staff_scope``; views Wagtail offers no hook for are
replaced in ``admin_views`` (see ``portal/urls.py``).
"""

from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page

from . import staff_scope


@hooks.register("construct_page_chooser_queryset")
def page_chooser_in_portal(pages, request):
    return staff_scope.scope_pages(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_in_portal(parent_page, pages, request):
    return staff_scope.scope_pages(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_in_portal(images, request):
    return staff_scope.scope_collection_objects(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_in_portal(documents, request):
    return staff_scope.scope_collection_objects(documents, request.user)


class PortalPagesSummaryItem(PagesSummaryItem):
    """Wagtail counts every page under the deepest common ancestor of the user's pages: for staff
    of a portal translated into other languages that is the tree root, i.e. every portal."""

    def get_context_data(self, parent_context):
        user = self.request.user
        if staff_scope.is_unrestricted(user):
            return super().get_context_data(parent_context)
        sites = staff_scope.portal_sites(user)
        return {
            "root_page": sites[0].root_page if len(sites) == 1 else Page.get_first_root_node(),
            "total_pages": Page.objects.filter(staff_scope.page_filter(user)).count(),
            "site_name": ", ".join(site.site_name for site in sites),
        }


@hooks.register("construct_homepage_summary_items", order=100)
def count_portal_pages_only(request, items):
    items[:] = [PortalPagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in items]


@hooks.register("construct_admin_api", order=100)
def admin_api_in_portal(router):
    # Runs after Wagtail registered its endpoints: same names, scoped querysets.
    from .admin_views import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet, ScopedPagesAdminAPIViewSet

    router.register_endpoint("pages", ScopedPagesAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
