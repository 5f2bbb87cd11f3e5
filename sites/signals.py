from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished, post_page_move

from . import navigation
from .models import PortalSettings


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
# Deleting a live page unpublishes it first; a deleted draft may still have been listed nowhere, but
# clearing costs little and a delete of a whole branch must not leave any of it behind.
@receiver(post_delete, sender="wagtailcore.Page")
def clear_navigation_on_page_change(**kwargs):
    navigation.invalidate()


@receiver(post_save, sender=PortalSettings)
@receiver(post_delete, sender=PortalSettings)
# The admin saves the languages after the settings row: that write must clear the cache too.
@receiver(m2m_changed, sender=PortalSettings.languages.through)
def clear_navigation_on_settings_change(**kwargs):
    navigation.invalidate()


@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
@receiver(post_save, sender="wagtailcore.Locale")
@receiver(post_delete, sender="wagtailcore.Locale")
# Cached translation links leave out pages behind a view restriction.
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def clear_navigation_on_site_change(**kwargs):
    navigation.invalidate()


@receiver(copy_for_translation_done)
def extend_permissions_to_translated_portal_root(sender, source_obj, target_obj, **kwargs):
    from wagtail.models import Page

    if isinstance(target_obj, Page) and target_obj.depth == 2:
        from .portals import extend_portal_to_translated_root

        extend_portal_to_translated_root(source_obj, target_obj)
    navigation.invalidate()
