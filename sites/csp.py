"""Content-Security-Policy: the strict public policy of settings, and the admin's own.

``CONTENT_SECURITY_POLICY`` (or ``CONTENT_SECURITY_POLICY_REPORT_ONLY`` when
``CSP_REPORT_ONLY`` is on) holds the public policy: scripts from this site
only (public pages may be served from the cache, so no per-request nonce).
Wagtail's admin writes inline scripts and style attributes, so requests under
the admin get
``CSP_ADMIN_DIRECTIVES`` instead, in the same header.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        # A view's own override (django-csp decorators) wins; only the default policy is swapped.
        if parts.config is None and getattr(settings, name, None) and is_admin_request(request):
            parts.config = default_config(settings.CSP_ADMIN_DIRECTIVES)
        return parts


def is_admin_request(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))
