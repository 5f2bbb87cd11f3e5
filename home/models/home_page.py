from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.blocks import BodyBlock
from sites import languages, navigation, routing

from .base import HERO_PAGE_TRANSLATABLE_FIELDS, BasePage, HeroImageMixin


class HomePage(HeroImageMixin, BasePage):
    """The root of a portal (or of the network site)."""

    hero_title = models.CharField(
        _("titolo in evidenza"),
        max_length=200,
        blank=True,
        help_text=_("Il messaggio principale in cima alla home. Se vuoto si usa il titolo della pagina."),
    )
    intro = models.TextField(_("introduzione"), blank=True, help_text=_("Due o tre frasi su chi siete e cosa offrite."))
    body = StreamField(BodyBlock(), verbose_name=_("contenuto"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("intro")], heading=_("Presentazione")),
        *HeroImageMixin.hero_panels,
        InlinePanel("featured_sections", heading=_("Sezioni in evidenza"), label=_("Sezione")),
        FieldPanel("body"),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = HERO_PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("hero_title"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    # A portal root sits directly under Wagtail's root page.
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page del portale")
        verbose_name_plural = _("home page dei portali")

    @property
    def localized_draft(self):
        """The portal's home page in the active language: every request in a language other than
        Italian routes from it, so the translation is cached (specific) until the next publish."""
        locale = languages.active_locale()
        if locale.pk == self.locale_id:
            return self
        return navigation.cached(
            f"home:translation:{self.translation_key}:{locale.pk}",
            lambda: (self.get_translation_or_none(locale) or self).specific,
        )

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return routing.route(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def featured_sections():
            sections = []
            for item in self.featured_sections.select_related("page"):
                if item.page and item.page.live:
                    section = item.page.localized
                    text = item.text or getattr(section.specific, "intro", "")
                    sections.append({"title": section.title, "url": section.get_url(request), "text": text})
            return sections

        # The same for every visitor of this home page in a language, until the next publish.
        language = translation.get_language()
        context["featured_sections"] = navigation.cached(f"home:featured:{self.pk}:{language}", featured_sections)
        # Apps add panels to the home page (e.g. running campaigns) without home importing them:
        # each "portal_home_panels" hook returns {"template": ..., **its context} or None.
        context["home_panels"] = [panel for fn in hooks.get_hooks("portal_home_panels") if (panel := fn(request, self))]
        return context


class HomePageFeaturedSection(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_sections", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("testo breve"), max_length=250, blank=True)

    panels = [FieldPanel("page"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("sezione in evidenza")
