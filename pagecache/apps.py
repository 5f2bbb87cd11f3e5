from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """The full-page cache for anonymous visitors and the purges of the reverse proxy in front."""

    name = "pagecache"
    verbose_name = _("Cache delle pagine")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 (connects the purges)
