"""StreamField blocks of a project sheet: the lists an office fills in."""

import re

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentLinkBlock

LEADING_COUNT = re.compile(r"^\s*(?:circa|oltre|almeno|più di|piu di|fino a)?\s*\d", re.IGNORECASE)


class ObjectiveBlock(blocks.TextBlock):
    class Meta:
        icon = "success"
        template = "blocks/projects_list_item_block.html"
        preview_value = "Favorire l'accesso delle donne con background migratorio ai servizi del territorio."
        description = _("Un obiettivo del progetto, in una o due frasi.")


class ActivityBlock(blocks.TextBlock):
    class Meta:
        icon = "list-ul"
        template = "blocks/projects_list_item_block.html"
        preview_value = "Percorsi di orientamento e accompagnamento al lavoro, di gruppo e individuali."
        description = _("Un'attività o azione del progetto.")


class BeneficiaryValue(blocks.StructValue):
    @property
    def count_label(self):
        """'300', 'circa 350', '100–150' or '' when the entry has no count."""
        count, count_max = self.get("count"), self.get("count_max")
        if count is None:
            return ""
        text = number_format(count, force_grouping=True)
        if count_max and count_max != count:
            text = f"{text}–{number_format(count_max, force_grouping=True)}"
        if self.get("approximate"):
            text = f"{_('circa')} {text}"
        return text

    @property
    def count_in_text(self):
        """The description already starts with its number ("300 persone …"): don't repeat it."""
        return bool(LEADING_COUNT.match(self.get("description") or ""))


class BeneficiaryBlock(blocks.StructBlock):
    count = blocks.IntegerBlock(label=_("Numero"), required=False, min_value=0)
    count_max = blocks.IntegerBlock(
        label=_("Numero massimo"),
        required=False,
        min_value=0,
        help_text=_("Solo per un intervallo, es. 100/150 donne: 100 nel numero, 150 qui."),
    )
    approximate = blocks.BooleanBlock(label=_("Numero approssimato (circa)"), required=False)
    description = blocks.TextBlock(
        label=_("Chi sono"), help_text=_("Es. «30 donne che seguono il corso di autoimprenditoria»")
    )

    def clean(self, value):
        value = super().clean(value)
        count, count_max = value.get("count"), value.get("count_max")
        if count_max is not None and (count is None or count_max < count):
            raise blocks.StructBlockValidationError(
                block_errors={"count_max": [_("Il numero massimo deve essere maggiore del numero.")]}
            )
        return value

    class Meta:
        icon = "group"
        value_class = BeneficiaryValue
        template = "blocks/projects_beneficiary_block.html"
        preview_value = {"count": 30, "description": "30 donne che partecipano alla formazione sull'autoimprenditoria"}
        description = _("Un gruppo di beneficiari, con il numero se è noto: la pagina ne mostra il totale.")


class ResultBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Risultato"))
    status = blocks.ChoiceBlock(
        label=_("Stato"),
        choices=[("obtained", _("Ottenuto")), ("expected", _("Atteso"))],
        default="expected",
    )

    class Meta:
        icon = "tick-inverse"
        template = "blocks/projects_result_block.html"
        preview_value = {"text": "Sei centri territoriali aperti in provincia.", "status": "obtained"}
        description = _("Un risultato del progetto, ottenuto o atteso.")


class ProjectDocumentBlock(DocumentLinkBlock):
    class Meta:
        icon = "doc-full"
        template = "blocks/projects_document_block.html"
        description = _("Un documento da scaricare (scheda, bando, rapporto finale …).")
