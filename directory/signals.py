from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sites import navigation

from .models import DirectoryCategory


# A category's name shows in the filters and on every card and entry page (cached pages and the
# cached filter choices): renaming, adding or deleting one must clear them like a publish does.
@receiver(post_save, sender=DirectoryCategory)
@receiver(post_delete, sender=DirectoryCategory)
def clear_cached_listings_on_category_change(**kwargs):
    navigation.invalidate()
