"""Deploy checks for what Django's own do not cover."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_staff_security(app_configs, **kwargs):
    warnings = []
    if not settings.DEBUG and not settings.EMAIL_LINKS_HTTPS:
        warnings.append(
            Warning(
                "EMAIL_LINKS_HTTPS is off: password-reset links in emails will use http://.",
                id="staff.W001",
            )
        )
    if not settings.DEBUG and not settings.WAGTAILADMIN_BASE_URL.startswith("https://"):
        warnings.append(
            Warning(
                "WAGTAILADMIN_BASE_URL does not start with https://: links in Wagtail's notification emails will not use https.",
                hint="Set WAGTAILADMIN_BASE_URL to the network site's https address.",
                id="staff.W002",
            )
        )
    if not settings.STAFF_2FA_REQUIRED_FOR:
        warnings.append(Warning("STAFF_2FA_REQUIRED_FOR is empty: no account needs a second factor.", id="staff.W003"))
    return warnings
