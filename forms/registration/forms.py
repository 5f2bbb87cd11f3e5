"""The public registration form: the entry's public fields, then the private contact person.

Field names are the ``DirectoryEntryPage`` field names (``name`` stands for the page title),
so the model's validators and lengths apply unchanged; the description is plain text here
and becomes paragraphs on the page.
"""

import html
import re

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import linebreaks, strip_tags
from django.utils.translation import gettext_lazy as _

from directory.choices import Weekday
from directory.models import DirectoryCategory, DirectoryEntryPage
from directory.validators import entry_errors, normalize_fiscal_code, opening_hours_errors
from forms.protection import MAX_LONG_TEXT, ProtectedFormMixin
from forms.uploads import LogoField

# (legend, field names): the order of the form, one fieldset each. "name" is the page title.
SECTIONS = (
    (
        _("L'organizzazione"),
        (
            "name",
            "short_description",
            "description",
            "categories",
            "legal_form",
            "fiscal_code",
            "runts_number",
            "founding_year",
        ),
    ),
    (_("Indirizzo"), ("street_address", "postcode", "municipality", "province", "latitude", "longitude")),
    (
        _("Contatti pubblici"),
        ("phone", "email", "website", "facebook_url", "instagram_url", "linkedin_url", "youtube_url"),
    ),
    (_("Attività"), ("services", "target_groups", "languages", "opening_hours_note")),
    (_("Logo"), ("logo", "logo_alt")),
)
CONTACT_SECTION = (
    _("Persona di riferimento (riservata)"),
    ("contact_name", "contact_email", "contact_phone", "show_contact_person"),
)
# Model fields copied one to one from the form to the entry.
COPIED_FIELDS = tuple(
    name
    for _legend, names in (*SECTIONS, CONTACT_SECTION)
    for name in names
    if name not in ("name", "description", "categories", "logo")
)
REQUIRED = {"short_description", "municipality", "contact_name", "contact_email"}
TEXTAREAS = {"short_description": 3, "services": 4}
HELP = {
    "contact_email": _("Qui ricevi la conferma e il link privato per vedere lo stato della scheda e modificarla."),
    "contact_name": _("Non compare sul portale, a meno che tu lo chieda qui sotto."),
    "description": _("Chi siete, cosa fate, come partecipare. Separa i paragrafi con una riga vuota."),
}


def _model_formfield(name, **overrides):
    model_field = DirectoryEntryPage._meta.get_field(name)
    if isinstance(model_field, models.URLField):
        overrides.setdefault("assume_scheme", "https")
    field = model_field.formfield(**overrides)
    # A model field's own validators (CAP, codice fiscale, anno …) are not copied by formfield(): add them.
    field.validators.extend(v for v in model_field.validators if v not in field.validators)
    return field


def html_to_text(value):
    """The rich-text description as plain paragraphs, for a textarea."""
    value = re.sub(r"</p>\s*", "\n\n", value or "")
    value = re.sub(r"<br\s*/?>", "\n", value)
    return html.unescape(strip_tags(value)).strip()


def text_to_html(value):
    return linebreaks(value.strip(), autoescape=True) if value and value.strip() else ""


class OpeningHoursForm(django_forms.Form):
    weekday = django_forms.TypedChoiceField(
        label=_("Giorno"), choices=[("", "—"), *Weekday.choices], coerce=int, required=False, empty_value=None
    )
    opens = django_forms.TimeField(
        label=_("Apre alle"), required=False, widget=django_forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    closes = django_forms.TimeField(
        label=_("Chiude alle"), required=False, widget=django_forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def clean(self):
        data = super().clean()
        weekday, opens, closes = data.get("weekday"), data.get("opens"), data.get("closes")
        filled = [value is not None for value in (weekday, opens, closes)]
        if any(filled) and not all(filled) and not self.errors:
            raise ValidationError(_("Indica giorno, ora di apertura e ora di chiusura, oppure lascia vuota la riga."))
        for name, message in opening_hours_errors(opens, closes).items():
            self.add_error(name, message)
        return data

    def is_blank(self):
        return self.cleaned_data.get("weekday") is None


OpeningHoursFormSet = django_forms.formset_factory(
    OpeningHoursForm, extra=2, max_num=14, validate_max=True, absolute_max=21
)


class ListingRegistrationForm(ProtectedFormMixin, django_forms.Form):
    """Validates a registration or a change; ``hours`` is its opening-hours formset."""

    def __init__(self, data=None, files=None, *, index, entry=None, **kwargs):
        if data is not None:
            # Codes are written in capitals whatever was typed.
            data = data.copy()
            for name in ("province", "fiscal_code"):
                if name in data:
                    data[name] = data[name].strip().upper()
        initial = self.initial_from_entry(entry) if entry is not None else None
        super().__init__(data, files, initial=initial, **kwargs)
        self.index = index
        self.entry = entry

        self.fields["name"] = django_forms.CharField(label=_("Nome dell'organizzazione"), max_length=200)
        for _legend, names in (*SECTIONS, CONTACT_SECTION):
            for name in names:
                if name in ("name", "categories", "logo"):
                    continue
                if name == "description":
                    field = django_forms.CharField(
                        label=_("Descrizione completa"),
                        max_length=MAX_LONG_TEXT,
                        required=False,
                        widget=django_forms.Textarea(attrs={"rows": 6}),
                    )
                else:
                    field = _model_formfield(name)
                    if name in TEXTAREAS:
                        field.widget = django_forms.Textarea(attrs={"rows": TEXTAREAS[name]})
                field.required = name in REQUIRED or (field.required and name != "show_contact_person")
                if name in HELP:
                    field.help_text = HELP[name]
                self.fields[name] = field
            if "categories" in names:
                categories = DirectoryCategory.objects.filter(kind=index.kind, locale_id=index.locale_id)
                if categories.exists():
                    self.fields["categories"] = django_forms.ModelMultipleChoiceField(
                        label=_("Categorie"),
                        queryset=categories,
                        required=False,
                        widget=django_forms.CheckboxSelectMultiple,
                    )
            if "logo" in names:
                self.fields["logo"] = LogoField(
                    label=_("Logo"),
                    required=False,
                    help_text=_("Un'immagine JPEG, PNG o WebP.")
                    if entry is None or not entry.logo_id
                    else _("Lascia vuoto per tenere il logo attuale."),
                )
        # Keep the sections' order (the mixin added honeypot and consent first).
        order = [name for _legend, names in (*SECTIONS, CONTACT_SECTION) for name in names]
        self.order_fields([name for name in order if name in self.fields])
        self.hours = OpeningHoursFormSet(
            data,
            prefix="hours",
            initial=self.initial_hours(entry),
        )

    @staticmethod
    def initial_from_entry(entry):
        initial = {name: getattr(entry, name) for name in COPIED_FIELDS}
        initial["name"] = entry.title
        initial["description"] = html_to_text(entry.description)
        initial["categories"] = [category.pk for category in entry.categories.all()]
        return initial

    @staticmethod
    def initial_hours(entry):
        if entry is None:
            return []
        return [
            {"weekday": row.weekday, "opens": row.opens, "closes": row.closes}
            for row in sorted(entry.opening_hours.all(), key=lambda row: (row.weekday, row.opens))
        ]

    def sections(self):
        """[(legend, [bound fields])] for the template."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in (*SECTIONS, CONTACT_SECTION)
        ]

    def is_valid(self):
        # Both the form and the opening hours are checked, so every error shows at once.
        form_valid = super().is_valid()
        hours_valid = self.hours.is_valid()
        return form_valid and hours_valid

    def clean_fiscal_code(self):
        return normalize_fiscal_code(self.cleaned_data.get("fiscal_code", ""))

    def clean(self):
        data = super().clean()
        # The entry's own rules (directory.validators), as the admin applies them; a field that
        # already has an error is not told twice.
        errors = entry_errors(
            has_logo=bool(data.get("logo")) or bool(self.entry is not None and self.entry.logo_id),
            logo_alt=data.get("logo_alt"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
        )
        for name, message in errors.items():
            related = {"logo_alt"} if name == "logo_alt" else {"latitude", "longitude"}
            if not related & set(self.errors):
                self.add_error(name, message)
        return data

    def opening_hours(self):
        """The filled-in rows as (weekday, opens, closes)."""
        return [
            (form.cleaned_data["weekday"], form.cleaned_data["opens"], form.cleaned_data["closes"])
            for form in self.hours.forms
            if form.cleaned_data and not form.is_blank()
        ]
