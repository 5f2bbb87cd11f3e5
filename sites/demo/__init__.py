"""The demo loader: builds the network site and the five portals with their content.

Each app that brings demo content has a ``demo`` module with ``load(context)``;
``DEMO_MODULES`` lists them in the order they run. Every step is idempotent:
it creates what is missing and leaves the rest alone.
"""

import importlib
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from sites.models import PortalSettings
from sites.portals import provision_portal

from . import languages
from .portals import HELPLINES, NETWORK, PORTALS

# Apps append their demo modules here as they gain content.
DEMO_MODULES = ["sites.demo.pages", "directory.demo", "forms.demo", "projects.demo", "campaigns.demo"]

DEMO_PASSWORD = "demo-password"  # noqa: S105 (development only, see _ensure_user)


@dataclass
class DemoContext:
    stdout: object
    network: object = None  # ProvisionResult of the network site
    portals: dict = field(default_factory=dict)  # key -> ProvisionResult
    specs: dict = field(default_factory=dict)  # key -> DemoPortal
    logins: list = field(default_factory=list)  # (url, username, password, role)

    def log(self, message):
        self.stdout.write(f"  {message}")


def _remove_wagtail_welcome_site():
    """Wagtail's migrations create a placeholder site on localhost; the network site replaces it."""
    from wagtail.models import Site

    for site in Site.objects.filter(
        root_page__content_type__model="page", root_page__content_type__app_label="wagtailcore"
    ):
        page = site.root_page
        site.delete()
        if page.depth == 2 and not page.get_children().exists():
            page.delete()


def _configure_settings(result, spec):
    portal_settings = PortalSettings.objects.get(site=result.site)
    if portal_settings.contact_email:
        return
    portal_settings.contact_email = spec.contact_email
    portal_settings.data_controller = f"{spec.name}, ufficio pari opportunità"
    portal_settings.privacy_contact = spec.contact_email.replace("@", ".dpo@", 1)
    portal_settings.footer_text = spec.about
    portal_settings.show_help_strip = True
    portal_settings.emergency_helplines = [("helpline", helpline) for helpline in HELPLINES]
    portal_settings.save()


def _ensure_user(context, username, *, password_for_debug, superuser=False, groups=(), url="", role=""):
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        if settings.DEBUG:
            context.logins.append((url, username, password_for_debug, role))
        return
    # Known demo passwords only with DEBUG on; otherwise random ones, shown once.
    password = password_for_debug if settings.DEBUG else secrets.token_urlsafe(12)
    user = User(username=username, email=f"{username}@example.org", is_staff=superuser, is_superuser=superuser)
    user.set_password(password)
    user.save()
    user.groups.add(*groups)
    context.logins.append((url, username, password, role))


def load(stdout):
    context = DemoContext(stdout=stdout)
    port = 8000
    with transaction.atomic():
        _remove_wagtail_welcome_site()
        for spec in (NETWORK, *PORTALS):
            result = provision_portal(port=port, **spec.provisioning())
            _configure_settings(result, spec)
            context.specs[spec.key] = spec
            if spec.network:
                context.network = result
            else:
                context.portals[spec.key] = result
            context.log(
                f"{spec.name}: {result.site.root_url}/"
                + (f" (created {len(result.created)} items)" if result.created else "")
            )

        admin_url = f"{context.network.site.root_url}/admin/"
        _ensure_user(
            context, "admin", password_for_debug=DEMO_PASSWORD, superuser=True, url=admin_url, role="superuser"
        )
        for key, result in context.portals.items():
            for role in ("editors", "moderators"):
                _ensure_user(
                    context,
                    f"{key}-{role[:-1]}",
                    password_for_debug=DEMO_PASSWORD,
                    groups=[result.groups[role]],
                    url=f"{result.site.root_url}/admin/",
                    role=f"{result.site.site_name} {role[:-1]}",
                )

        for module_name in DEMO_MODULES:
            importlib.import_module(module_name).load(context)
        # Last, once every page exists: the portals' languages and translations.
        languages.load(context)
    return context
