from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from . import views


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [
        path("sicurezza/verifica/", views.VerifyView.as_view(), name="staff_2fa_verify"),
        path("sicurezza/due-fattori/", views.SetupView.as_view(), name="staff_2fa_setup"),
        path("sicurezza/accessi/", views.AccessSecurityView.as_view(), name="staff_access_security"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_2fa_setup"),
        "label": _("Autenticazione a due fattori"),
        "help_text": _("Attiva o controlla il codice dell'app di autenticazione richiesto all'accesso."),
    }


@hooks.register("register_settings_menu_item")
def access_security_menu_item():
    return AdminOnlyMenuItem(
        _("Sicurezza degli accessi"), reverse("staff_access_security"), icon_name="lock", order=610
    )
