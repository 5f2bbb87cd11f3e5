"""StreamField blocks of the portal settings; feature apps reuse them (campaigns list helplines too)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HelplineBlock(blocks.StructBlock):
    """A phone line citizens can call. Numbers stay identical across translations."""

    name = blocks.CharBlock(label=_("Nome"), max_length=120, help_text=_("Es. 1522 – antiviolenza e stalking"))
    number = blocks.RegexBlock(
        label=_("Numero"),
        regex=r"^\+?[0-9 ]{3,20}$",
        error_messages={"invalid": _("Scrivi solo cifre e spazi, con il + iniziale se internazionale.")},
    )
    hours = blocks.CharBlock(label=_("Orari"), required=False, max_length=120, help_text=_("Es. 24 ore su 24"))
    free_of_charge = blocks.BooleanBlock(label=_("Gratuito"), required=False, default=True)
    languages = blocks.CharBlock(
        label=_("Lingue in cui risponde"), required=False, max_length=200, help_text=_("Es. italiano, inglese, arabo")
    )

    class Meta:
        icon = "mobile-alt"
        template = "blocks/helpline_block.html"
        preview_value = {
            "name": "1522 – antiviolenza e stalking",
            "number": "1522",
            "hours": "24 ore su 24",
            "free_of_charge": True,
            "languages": "italiano, inglese, francese, spagnolo, arabo",
        }
        description = _("Un numero di aiuto, mostrato come collegamento telefonico.")
