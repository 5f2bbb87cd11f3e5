"""Directory and entry pages cache the categories they name (``listing.directory_categories``)
until the next publish: changing a category must clear them too."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sites import navigation

from .models import DirectoryCategory


@receiver(post_save, sender=DirectoryCategory)
@receiver(post_delete, sender=DirectoryCategory)
def clear_cached_categories(**kwargs):
    navigation.invalidate()
