from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as search_views
from portal.health import healthz
from sites.admin_views import scope_admin_urls
from sites.sitemaps import portal_sitemap
from staff.views import StaffPasswordResetView

handler500 = "portal.errors.server_error"

# Admin views Wagtail leaves open across portals are wrapped or replaced (see sites/admin_views.py).
scope_admin_urls(wagtailadmin_urls.urlpatterns)

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before Wagtail's own: the reset link must point at the requesting portal, over https.
    path("admin/password_reset/", StaffPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", portal_sitemap, name="sitemap"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under a language prefix (/it/, /en/, /ar/ …); "/" redirects to one.
urlpatterns += i18n_patterns(
    path("cerca/", search_views.search, name="search"),
    path("cerca/suggerimenti/", search_views.autocomplete, name="search_autocomplete"),
    # Wagtail's page URLs allow no dots; a directory also serves its exports (export.csv, export.json).
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:csv|json)/?)$", wagtail_views.serve, name="wagtail_serve_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
