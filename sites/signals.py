from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import navigation
from .models import PortalSettings


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_navigation_on_page_change(**kwargs):
    navigation.invalidate()


@receiver(post_save, sender=PortalSettings)
@receiver(post_delete, sender=PortalSettings)
def clear_navigation_on_settings_change(**kwargs):
    navigation.invalidate()


@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
def clear_navigation_on_site_change(**kwargs):
    navigation.invalidate()
