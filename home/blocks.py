"""StreamField blocks shared by every page type.

Each block has an icon, a template, a preview value and a description so the
editor's block picker shows what it does before it is inserted.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Testo"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Livello"),
        choices=[("h2", _("Titolo di sezione (H2)")), ("h3", _("Sottotitolo (H3)"))],
        default="h2",
        help_text=_("Usa H2 per le sezioni principali e H3 al loro interno, senza saltare livelli."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Chi può chiedere aiuto", "level": "h2"}
        description = _("Un titolo che apre una sezione della pagina.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        preview_value = "<p>Il centro offre ascolto, orientamento al lavoro e sostegno gratuito.</p>"
        description = _("Testo con grassetto, corsivo, elenchi e collegamenti.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Immagine"))
    alt_text = blocks.CharBlock(
        label=_("Testo alternativo"),
        max_length=250,
        help_text=_("Descrivi cosa mostra l'immagine per chi non la vede (obbligatorio)."),
    )
    caption = blocks.CharBlock(label=_("Didascalia"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("Un'immagine con testo alternativo obbligatorio e didascalia.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citazione"))
    attribution = blocks.CharBlock(label=_("Autrice o fonte"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Nessuna donna deve sentirsi sola davanti alla violenza.",
            "attribution": "Consulta pari opportunità",
        }
        description = _("Una citazione messa in evidenza.")


class LinkStructValue(blocks.StructValue):
    """Lets templates say ``value.url`` whether the link is a page or an address."""

    @property
    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""

    @property
    def text(self):
        if self.get("label"):
            return self["label"]
        page = self.get("page")
        return page.title if page else self.get("external_url", "")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Testo del collegamento"), required=False, max_length=120)
    page = blocks.PageChooserBlock(label=_("Pagina del portale"), required=False)
    external_url = blocks.URLBlock(label=_("Indirizzo esterno"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Scegli una pagina oppure scrivi un indirizzo esterno (uno solo).")]}
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        template = "blocks/link_block.html"
        description = _("Un collegamento a una pagina del portale o a un indirizzo esterno.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titolo"), max_length=120)
    text = blocks.TextBlock(label=_("Testo"), required=False)
    link = LinkBlock(label=_("Collegamento"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        description = _("Un invito all'azione con un pulsante.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Documento"))
    title = blocks.CharBlock(
        label=_("Titolo"), required=False, max_length=200, help_text=_("Se vuoto si usa il titolo del documento.")
    )


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Titolo dell'elenco"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documenti"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_links_block.html"
        description = _("Un elenco di documenti da scaricare (formato e dimensione indicati).")


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        template = "blocks/embed_block.html"
        description = _("Un video o contenuto incorporato da un indirizzo (es. YouTube, Vimeo).")


class BodyBlock(blocks.StreamBlock):
    """The body of content pages; other apps extend it with their own blocks."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentLinksBlock()
    embed = VideoEmbedBlock()
