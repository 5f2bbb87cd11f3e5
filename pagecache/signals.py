"""Purge Varnish when a page, portal settings or a site change (the app's own page cache is
cleared by the site-wide version of ``sites.navigation``, see ``keys.py``).

Wagtail's ``wagtail.contrib.frontend_cache`` app is not installed on purpose: its own handlers
would purge the page alone, a second time, outside the publishing transaction.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from sites.models import PortalSettings

from . import purge


@receiver(page_published)
@receiver(page_unpublished)
def purge_published_page(instance, **kwargs):
    # Deleting a live page unpublishes it first, so deletions come through here too.
    purge.page_changed(instance)


@receiver(post_page_move)
def purge_moved_page(instance, **kwargs):
    # The old URLs of the page and of everything under it are gone: clear the whole portal.
    purge.page_changed(instance, whole_portal=True)


@receiver(post_save, sender=PortalSettings)
@receiver(post_delete, sender=PortalSettings)
def purge_portal_on_settings_change(instance, **kwargs):
    # Looked up by id: when a whole site is deleted its settings go with it.
    purge.site_changed(Site.objects.filter(pk=instance.site_id).first())


@receiver(m2m_changed, sender=PortalSettings.languages.through)
def purge_portal_on_languages_change(instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, PortalSettings):
        purge.site_changed(instance.site)


@receiver(post_save, sender="wagtailcore.Site")
def purge_portal_on_site_change(instance, **kwargs):
    purge.site_changed(instance)
