"""A list of codes picked from fixed choices, stored in one text column.

Stored as ",it,en," so that one code can be filtered on every database with
``field__contains=",en,"`` (see ``DirectoryEntryQuerySet.speaking``); forms get
checkboxes. Used for languages spoken at the desk and target groups.
"""

from django import forms
from django.core import exceptions
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.CharField):
    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)
        # item_choices are left out of deconstruct(): they shape forms and labels, never the column.

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(item) for item in value]
        return [item for item in str(value).split(",") if item]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return f",{','.join(value)}," if value else ""
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {code for code, _label in self.item_choices}
        unknown = [item for item in value if item not in known]
        if unknown:
            raise exceptions.ValidationError(_("Valore non valido: %(value)s"), params={"value": ", ".join(unknown)})

    def labels(self, value):
        names = dict(self.item_choices)
        return [names.get(code, code) for code in value]

    def formfield(self, **kwargs):
        defaults = {
            "choices": self.item_choices,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        for unsupported in ("max_length", "empty_value"):
            defaults.pop(unsupported, None)
        return forms.MultipleChoiceField(**defaults)
