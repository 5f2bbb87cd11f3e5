from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Measuring tools: grow a database to network scale, benchmark the public pages."""

    name = "bench"
    verbose_name = _("Misure di prestazione")
    default_auto_field = "django.db.models.BigAutoField"
