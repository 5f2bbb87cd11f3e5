from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from directory.choices import DirectoryKind


class DirectoryCategory(TranslatableMixin, index.Indexed, models.Model):
    """A category of one kind of directory (e.g. "Antiviolenza" for centres and services).

    Translated with wagtail-localize; the slug stays the same in every language
    so a filtered URL (``?categoria=antiviolenza``) works whatever the language.
    """

    name = models.CharField(_("nome"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, allow_unicode=True, help_text=_("Compare negli indirizzi dei filtri.")
    )
    kind = models.CharField(
        _("elenco"),
        max_length=20,
        choices=DirectoryKind.choices,
        help_text=_("L'elenco in cui si usa la categoria."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), SynchronizedField("kind")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("kind")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("categoria degli elenchi")
        verbose_name_plural = _("categorie degli elenchi")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "kind", "slug"], name="directory_category_unique_slug"),
        ]

    def __str__(self):
        return self.name
