from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Email in uscita")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import OutboundEmail
        from .permissions import permission_policy

        register_permission_policy(OutboundEmail, permission_policy)
