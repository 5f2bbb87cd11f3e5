"""Field factories for the links every app's models make to pages, images and sites."""

from django.db import models


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
