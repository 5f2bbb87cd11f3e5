from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.blocks import BodyBlock

from .base import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin


class StandardPage(HeroImageMixin, BasePage):
    """A plain content page: Chi siamo, Privacy, Note legali, Dichiarazione di accessibilità …"""

    intro = models.TextField(_("introduzione"), blank=True, help_text=_("Un breve paragrafo sotto il titolo."))
    body = StreamField(BodyBlock(), verbose_name=_("contenuto"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        *HeroImageMixin.hero_panels,
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5), index.SearchField("body")]
    translatable_fields = HERO_PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro"), TranslatableField("body")]

    class Meta:
        verbose_name = _("pagina standard")
        verbose_name_plural = _("pagine standard")
