"""Abstract pieces every public page type is built from."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from sites import languages, page_urls, routing
from sites.fields import alt_text, optional_link


class HeroImageMixin(models.Model):
    """A hero image whose alt text is required whenever an image is chosen."""

    hero_image = optional_link("wagtailimages.Image", _("immagine principale"))
    hero_image_alt = alt_text(
        _("testo alternativo dell'immagine"),
        _("Obbligatorio se scegli un'immagine: descrivi cosa mostra per chi non la vede."),
    )

    hero_panels = [
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Immagine principale"))
    ]

    hero_translatable_fields = [SynchronizedField("hero_image"), TranslatableField("hero_image_alt")]

    # The rendition listing cards show (prefetched by PortalPageQuerySet.with_card_images).
    card_image_spec = "fill-640x360"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Scrivi il testo alternativo dell'immagine principale.")})


class BasePage(Page):
    """Every public page type: site-aware helpers written once."""

    search_fields = Page.search_fields + [index.FilterField("locale_id")]

    # Declared explicitly (not guessed by wagtail-localize) so each page type
    # says which fields translators see and which stay in sync with Italian.
    page_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
    ]
    translatable_fields = page_translatable_fields

    # What a search result card shows (home.search). A page type names its own
    # summary-like fields, most telling first, and overrides search_date().
    search_snippet_fields = ("intro",)

    class Meta:
        abstract = True

    @property
    def localized_draft(self):
        """Wagtail's, with the active locale from the cached list instead of a query on every request."""
        locale = languages.active_locale()
        if locale.pk == self.locale_id:
            return self
        return self.get_translation_or_none(locale) or self

    def get_url_parts(self, request=None):
        # Without reversing Wagtail's URL pattern for each page (see sites.page_urls).
        found = page_urls.url_parts(self.url_path, self._get_site_root_paths(request))
        return found or super().get_url_parts(request)

    def get_view_restrictions(self):
        # Most pages have no restriction above them: no lookup for those (see sites.routing).
        if not routing.may_be_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_snippets(self):
        """The texts a search snippet is taken from, in order: the promotion's search description first."""
        texts = [self.search_description] + [getattr(self, name) for name in self.search_snippet_fields]
        return [text.strip() for text in texts if isinstance(text, str) and text.strip()]

    def search_date(self):
        """The date a search result shows (when an event starts, a news item's date …), or None."""
        return None


# A page type with a hero image translates these before its own fields.
HERO_PAGE_TRANSLATABLE_FIELDS = BasePage.page_translatable_fields + HeroImageMixin.hero_translatable_fields


def page_tabs(*tabs):
    """Editor tabs of a page type, ``(heading, panels)`` each, followed by Wagtail's Promotion and Settings tabs."""
    return TabbedInterface(
        [ObjectList(panels, heading=heading) for heading, panels in tabs]
        + [
            ObjectList(BasePage.promote_panels, heading=_("Promozione")),
            ObjectList(BasePage.settings_panels, heading=_("Impostazioni")),
        ]
    )
