from django import template

from sites.utils import portal_of

register = template.Library()


@register.filter
def portal_name(page):
    """The name of the portal a page belongs to (cards on the network site say where they come from)."""
    portal = portal_of(page)
    return portal["name"] if portal else ""
