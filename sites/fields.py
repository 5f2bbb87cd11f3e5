"""Field factories for the links every app's models make to pages, images and sites."""

from django.db import models
from wagtail.fields import StreamField


def optional_link(to, verbose_name, *, on_delete=models.SET_NULL, related_name="+", blank=True, **options):
    """A foreign key that may be empty: it is cleared when its target goes (unless `on_delete` says otherwise)
    and, by default, the target keeps no reverse accessor."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=blank,
        on_delete=on_delete,
        related_name=related_name,
        **options,
    )


def list_of(name, block, verbose_name, **options):
    """An optional StreamField holding one kind of block, ``name``: a list editors add to and reorder."""
    return StreamField([(name, block)], verbose_name=verbose_name, blank=True, **options)


def alt_text(verbose_name, help_text):
    """The alternative text of an image field: optional here, the page's clean() requires it with an image."""
    return models.CharField(verbose_name, max_length=250, blank=True, help_text=help_text)
