"""Render form controls with Bootstrap Italia classes and the ARIA links to their help and errors."""

from django import template

register = template.Library()

_CLASS_BY_TYPE = {
    "checkbox": "form-check-input",
    "select": "form-select",
    "checkboxselectmultiple": "",
    "radioselect": "",
    "clearablefile": "form-control",
    "file": "form-control",
}


@register.simple_tag
def form_control(field):
    """The widget of a bound field with its CSS class, aria-describedby and aria-invalid."""
    attrs = {}
    css = _CLASS_BY_TYPE.get(field.widget_type, "form-control")
    if css:
        attrs["class"] = f"{css} is-invalid" if field.errors else css
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)
