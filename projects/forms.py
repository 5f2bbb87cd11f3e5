"""The filters of the project index: a GET form, so every combination is a shareable URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.project_page import Scope, Status

SORT_CHOICES = [("newest", _("Più recenti")), ("title", _("Titolo (A–Z)"))]


def _select(label):
    """A filter whose options the form sets in __init__, "Tutti" first."""
    return forms.ChoiceField(label=label, required=False)


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Cerca"), required=False, max_length=200)
    status = _select(_("Stato"))
    sector = _select(_("Settore"))
    scope = _select(_("Ambito territoriale"))
    municipality = _select(_("Comune"))
    year_from = forms.IntegerField(label=_("Dall'anno"), required=False, min_value=1900, max_value=2100)
    year_to = forms.IntegerField(label=_("All'anno"), required=False, min_value=1900, max_value=2100)
    sort = forms.ChoiceField(label=_("Ordina per"), required=False, choices=SORT_CHOICES)

    FILTERS = ("q", "status", "sector", "scope", "municipality", "year_from", "year_to")

    def __init__(self, data=None, *, sectors=(), municipalities=()):
        super().__init__(data)
        anything = [("", _("Tutti"))]
        self.fields["status"].choices = anything + list(Status.choices)
        self.fields["scope"].choices = anything + list(Scope.choices)
        self.fields["sector"].choices = anything + [(sector.slug, sector.name) for sector in sectors]
        self.fields["municipality"].choices = anything + [(name, name) for name in municipalities]

    def value(self, name):
        """The cleaned value of a filter, or None when missing or invalid (invalid filters are ignored)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    @property
    def select_fields(self):
        return [self[name] for name in ("status", "sector", "scope", "municipality", "sort")]

    @property
    def is_filtered(self):
        return any(self.value(name) for name in self.FILTERS)
