from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from sites import languages


class SectorQuerySet(models.QuerySet):
    def for_active_locale(self):
        """[Sectors] in the active language, the default language's when none is translated (one query)."""
        active, default = languages.active_locale(), languages.default_locale()
        both = list(self.filter(locale__in=[active, default]))
        return [sector for sector in both if sector.locale_id == active.pk] or [
            sector for sector in both if sector.locale_id == default.pk
        ]


class Sector(TranslatableMixin, index.Indexed, models.Model):
    """A field of intervention (inclusione sociale, contrasto alla violenza …) shared by every portal."""

    name = models.CharField(_("nome"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, allow_unicode=True, help_text=_("Usato nei filtri dell'elenco dei progetti.")
    )
    description = models.TextField(_("descrizione"), blank=True)

    objects = SectorQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug"), TranslatableField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("settore")
        verbose_name_plural = _("settori")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_sector_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


register_snippet(Sector)
