"""StreamField blocks of campaigns: key messages, resources, partners, related pages."""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BodyBlock, DocumentLinkBlock


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class MessageBlock(blocks.StructBlock):
    """A key message of a campaign, set large and short."""

    text = blocks.CharBlock(label=_("Messaggio"), max_length=200)
    detail = blocks.TextBlock(label=_("Spiegazione"), required=False, help_text=_("Una o due frasi, facoltative."))

    class Meta:
        icon = "openquote"
        template = "blocks/campaigns_message_block.html"
        preview_value = {
            "text": "Chiedere aiuto è un diritto, anche senza documenti.",
            "detail": "Il numero verde risponde gratis, giorno e notte, anche nella tua lingua.",
        }
        description = _("Un messaggio chiave della campagna, in evidenza.")


class CampaignBodyBlock(BodyBlock):
    """The shared body blocks plus the campaign's key messages."""

    message = MessageBlock()


class ResourceStructValue(blocks.StructValue):
    @property
    def kind_label(self):
        return dict(RESOURCE_KINDS).get(self.get("kind"), "")

    @property
    def language_name(self):
        code = self.get("language")
        if not code:
            return ""
        try:
            return capfirst(get_language_info(code)["name_local"])
        except KeyError:
            return dict(settings.LANGUAGES).get(code, code)


RESOURCE_KINDS = [
    ("poster", _("Manifesto")),
    ("leaflet", _("Volantino")),
    ("guide", _("Guida")),
    ("other", _("Altro materiale")),
]


class ResourceBlock(DocumentLinkBlock):
    """A poster, leaflet or other material, in one language."""

    kind = blocks.ChoiceBlock(label=_("Tipo"), choices=RESOURCE_KINDS, default="leaflet")
    language = blocks.ChoiceBlock(
        label=_("Lingua del documento"),
        choices=language_choices,
        default="it",
        help_text=_("La lingua in cui è scritto il documento."),
    )

    class Meta:
        icon = "doc-full"
        value_class = ResourceStructValue
        template = "blocks/campaigns_resource_block.html"
        description = _("Un materiale da scaricare (manifesto, volantino …) con la sua lingua.")


class PartnerNameBlock(blocks.StructBlock):
    """A partner that has no entry in the portal's directories."""

    name = blocks.CharBlock(label=_("Nome"), max_length=200)
    role = blocks.CharBlock(
        label=_("Ruolo"), required=False, max_length=200, help_text=_("Es. ente gestore, firmatario del protocollo")
    )
    url = blocks.URLBlock(label=_("Sito web"), required=False)

    class Meta:
        icon = "group"
        template = "blocks/campaigns_partner_block.html"
        preview_value = {"name": "Questura di Lucca", "role": "firmataria del protocollo d'intesa"}
        description = _("Un partner indicato per nome (se non è negli elenchi del portale).")


class PartnerEntryBlock(blocks.StructBlock):
    """A partner listed in one of the portal's directories."""

    entry = blocks.PageChooserBlock(label=_("Scheda nell'elenco"), page_type="directory.DirectoryEntryPage")
    role = blocks.CharBlock(label=_("Ruolo"), required=False, max_length=200)

    class Meta:
        icon = "site"
        template = "blocks/campaigns_partner_block.html"
        description = _("Un partner che ha una scheda negli elenchi del portale (associazioni, servizi …).")


class PartnerBlock(blocks.StreamBlock):
    entry = PartnerEntryBlock()
    organisation = PartnerNameBlock()


class RelatedProjectsBlock(blocks.StreamBlock):
    project = blocks.PageChooserBlock(
        label=_("Progetto"),
        page_type="projects.ProjectPage",
        icon="folder-open-inverse",
        template="blocks/campaigns_related_page_block.html",
        description=_("Un progetto del portale legato alla campagna."),
    )
