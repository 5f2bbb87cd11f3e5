from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from sites.fields import optional_link
from sites.utils import portal_of

from .mixins import ProtectedFormPageMixin


def _same_portal(page, other):
    """Whether two pages are in the same portal, in any of its language copies."""
    portal = portal_of(page)
    return portal is not None and portal == portal_of(other)


class ListingRegistrationPage(ProtectedFormPageMixin, BasePage):
    """The public form through which an organisation asks to be listed in one directory of the portal."""

    intro = models.TextField(
        _("introduzione"), blank=True, help_text=_("Chi può iscriversi e cosa succede dopo l'invio.")
    )
    target_index = optional_link(
        "wagtailcore.Page",
        _("elenco"),
        help_text=_("L'elenco dello stesso portale in cui entrano le schede inviate. Senza elenco il modulo è chiuso."),
    )
    thank_you_text = RichTextField(
        _("testo di ringraziamento"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Mostrato dopo l'invio, sopra la spiegazione dei passi successivi."),
    )

    template = "forms/listing_registration_page.html"
    thank_you_template = "forms/listing_registration_thank_you.html"
    rate_limit_scope = "listing-registration"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("target_index", "directory.DirectoryIndexPage"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro", boost=1.5)]
    translatable_fields = BasePage.page_translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("thank_you_text"),
        SynchronizedField("target_index"),
    ]

    class Meta:
        verbose_name = _("pagina di iscrizione a un elenco")
        verbose_name_plural = _("pagine di iscrizione a un elenco")

    def clean(self):
        super().clean()
        target = self.target_index
        if target is None:
            return
        if target.specific_class is None or target.specific_class._meta.label != "directory.DirectoryIndexPage":
            raise ValidationError({"target_index": _("Scegli un elenco (pagina di tipo elenco).")})
        if self.path and not _same_portal(self, target):
            raise ValidationError({"target_index": _("Scegli un elenco dello stesso portale.")})

    def get_target_index(self):
        """The live directory index (in this page's language when translated), or None when the form is closed."""
        from directory.models import DirectoryIndexPage

        if self.target_index_id is None:
            return None
        # One query: the chosen page as a directory (None when it is not one, or is gone).
        target = DirectoryIndexPage.objects.filter(pk=self.target_index_id).first()
        if target is None:
            return None
        if target.locale_id != self.locale_id:
            target = target.get_translation_or_none(self.locale) or target
        if not target.live:
            return None
        if not _same_portal(self, target):
            return None
        return target

    @path("", name="form")
    def form_view(self, request):
        from forms.registration.views import registration_form_view

        return registration_form_view(self, request)

    @path("scheda/<str:token>/", name="private_link")
    def private_link_view(self, request, token):
        from forms.registration.views import private_link_view

        return private_link_view(self, request, token)
