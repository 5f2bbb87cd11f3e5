from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .blocks import HelplineBlock
from .fields import list_of, optional_link


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        label=_("Social network"),
        choices=[
            ("facebook", "Facebook"),
            ("instagram", "Instagram"),
            ("x", "X"),
            ("youtube", "YouTube"),
            ("linkedin", "LinkedIn"),
            ("telegram", "Telegram"),
            ("whatsapp", "WhatsApp"),
        ],
    )
    url = blocks.URLBlock(label=_("Indirizzo"))

    class Meta:
        icon = "link-external"


class SettingsTranslationBlock(blocks.StructBlock):
    """The portal's texts in one more language (settings are one per portal, not per language)."""

    language = blocks.ChoiceBlock(
        label=_("Lingua"), choices=[(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    )
    footer_text = blocks.TextBlock(label=_("Testo a piè di pagina"), required=False)
    helpline_names = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        label=_("Nomi dei numeri di emergenza"),
        help_text=_("Nello stesso ordine dei numeri di emergenza; i numeri non cambiano."),
        default=[],
    )

    class Meta:
        icon = "globe"


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Branding and contacts of one portal; each portal's staff edit only their own."""

    portal_name = models.CharField(_("nome del portale"), max_length=120)
    province = models.CharField(_("provincia"), max_length=80, blank=True)
    region = models.CharField(_("regione"), max_length=80, blank=True)
    logo = optional_link(
        "wagtailimages.Image", _("logo"), help_text=_("Mostrato nell'intestazione accanto al nome del portale.")
    )

    contact_email = models.EmailField(_("email di contatto"), blank=True)
    contact_phone = models.CharField(_("telefono di contatto"), max_length=40, blank=True)
    contact_address = models.TextField(_("indirizzo"), blank=True)
    social_links = list_of("link", SocialLinkBlock(), _("social network"))

    data_controller = models.CharField(
        _("titolare del trattamento dei dati"),
        max_length=200,
        blank=True,
        help_text=_("Es. Provincia di Siena, con sede in …"),
    )
    privacy_contact = models.CharField(
        _("contatto del responsabile protezione dati (DPO)"),
        max_length=200,
        blank=True,
        help_text=_("Email o indirizzo a cui scrivere per esercitare i diritti sui propri dati."),
    )
    footer_text = models.TextField(_("testo a piè di pagina"), blank=True)

    privacy_page = optional_link("wagtailcore.Page", _("pagina privacy"))
    legal_notes_page = optional_link("wagtailcore.Page", _("pagina note legali"))
    accessibility_page = optional_link("wagtailcore.Page", _("dichiarazione di accessibilità"))

    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("lingue del portale"),
        blank=True,
        related_name="+",
        help_text=_(
            "Le lingue in cui il portale pubblica le pagine, oltre all'italiano (sempre presente). "
            "Le pagine in altre lingue non vengono mostrate."
        ),
    )

    show_help_strip = models.BooleanField(
        _('mostra la striscia "Aiuto subito"'),
        default=False,
        help_text=_("Mostra i numeri di emergenza in cima a ogni pagina del portale."),
    )
    emergency_helplines = list_of(
        "helpline",
        HelplineBlock(),
        _("numeri di emergenza"),
        help_text=_("Es. 1522 antiviolenza e stalking, Numero Verde Antitratta."),
    )

    translations = list_of(
        "language",
        SettingsTranslationBlock(),
        _("testi nelle altre lingue"),
        help_text=_("Il testo a piè di pagina e i nomi dei numeri di emergenza nelle lingue del portale."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("portal_name"), FieldPanel("province"), FieldPanel("region"), FieldPanel("logo")],
                        heading=_("Identità"),
                    )
                ],
                heading=_("Portale"),
            ),
            ObjectList(
                [FieldPanel("languages", widget=forms.CheckboxSelectMultiple), FieldPanel("translations")],
                heading=_("Lingue"),
            ),
            ObjectList(
                [
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                    FieldPanel("contact_address"),
                    FieldPanel("social_links"),
                    FieldPanel("footer_text"),
                ],
                heading=_("Contatti"),
            ),
            ObjectList(
                [FieldPanel("show_help_strip"), FieldPanel("emergency_helplines")],
                heading=_("Aiuto subito"),
            ),
            ObjectList(
                [
                    FieldPanel("data_controller"),
                    FieldPanel("privacy_contact"),
                    FieldPanel("privacy_page"),
                    FieldPanel("legal_notes_page"),
                    FieldPanel("accessibility_page"),
                ],
                heading=_("Privacy e note legali"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("impostazioni del portale")
        verbose_name_plural = _("impostazioni dei portali")

    def __str__(self):
        return self.portal_name or str(self.site)

    def _translation(self, language_code):
        for block in self.translations:
            if block.value["language"] == language_code:
                return block.value
        return None

    def localized_footer_text(self, language_code):
        translation = self._translation(language_code)
        return (translation and translation["footer_text"]) or self.footer_text

    def localized_helplines(self, language_code):
        """The emergency helplines with their names in the given language where staff wrote one."""
        translation = self._translation(language_code)
        names = list(translation["helpline_names"]) if translation else []
        helplines = []
        for index, block in enumerate(self.emergency_helplines):
            helpline = dict(block.value)
            if index < len(names) and names[index]:
                helpline["name"] = names[index]
            helplines.append(helpline)
        return helplines
