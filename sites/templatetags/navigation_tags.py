import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from sites import languages, navigation
from sites.portal import get_portal

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    items = navigation.main_menu(request)
    current_path = getattr(current, "path", "")
    return [{**item, "active": bool(current_path) and current_path.startswith(item["path"])} for item in items]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """[{"title", "url"}] of the page's live ancestors from the portal's home down."""
    return navigation.breadcrumbs(context["request"], page)


@register.simple_tag(takes_context=True)
def portal_chrome(context):
    """Home URL, logo and footer links of the portal in the active language (see sites.navigation.chrome)."""
    return navigation.chrome(context["request"])


@register.simple_tag(takes_context=True)
def portal_home_url(context):
    """URL of the portal's home page in the active language."""
    return navigation.home_url(context["request"])


@register.simple_tag(takes_context=True)
def language_links(context):
    """Entries of the language switcher for the current page (see sites.languages.language_links)."""
    request = context["request"]
    return languages.language_links(request, context.get("page"), get_portal(request).language_code)


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """[(hreflang, full URL)] for every live translation of the page, plus x-default (Italian).

    Shares the switcher's translation query through ``request.portal``.
    """
    page = context.get("page")
    request = context["request"]
    if page is None or not hasattr(page, "translation_key"):
        return []
    urls = get_portal(request).translation_urls(page, full=True)
    if len(urls) < 2:
        return []
    alternates = sorted(urls.items())
    default = urls.get(languages.default_language())
    if default:
        alternates.append(("x-default", default))
    return alternates


@register.simple_tag(takes_context=True)
def portal_helplines(context):
    """The portal's emergency helplines, named in the active language where staff translated them."""
    portal = get_portal(context["request"])
    return portal.settings.localized_helplines(portal.language_code)


@register.simple_tag(takes_context=True)
def portal_footer_text(context):
    portal = get_portal(context["request"])
    return portal.settings.localized_footer_text(portal.language_code)


@register.simple_tag(takes_context=True)
def fallback_lang(context, item):
    """`` lang="it"`` on a listed item shown in Italian because it is not translated into the page's language."""
    page = context.get("page")
    if page is None or item.locale_id == page.locale_id:
        return ""
    return format_html(' lang="{}"', languages.default_language())


# --- fragments shared by every visitor of a portal in one language ------------------------------

HOLE = "\x00{}\x00"
HOLES = re.compile("\x00(\\d+)\x00")


class PerRequestNode(template.Node):
    """A part of a ``portal_fragment`` rendered for each request (see there)."""

    index = None

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        if context.get("_portal_fragment_pass") and self.index is not None:
            return HOLE.format(self.index)
        return self.nodelist.render(context)


class PortalFragmentNode(template.Node):
    """Rendered once per portal and language, until the next publish or settings change.

    What depends on the page or on the visitor (the language switcher, the current menu entry,
    the search box's words) goes in ``{% per_request %}`` parts: the fragment is stored with
    a placeholder for each, and they are rendered for every request with the fragment's context
    (so they must not sit inside a loop or read a ``with`` variable of the fragment).
    """

    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist
        self.holes = nodelist.get_nodes_by_type(PerRequestNode)
        for index, hole in enumerate(self.holes):
            hole.index = index

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        portal = get_portal(request)

        def parts():
            with context.push(_portal_fragment_pass=True):
                return HOLES.split(self.nodelist.render(context))

        site_id = portal.site.pk if portal.site is not None else 0
        stored = navigation.cached(f"navigation:fragment:{self.name}:{site_id}:{portal.language_code}", parts)
        # Text at even positions, the index of a per-request part at odd ones.
        return mark_safe(  # noqa: S308 (rendered by the template engine, which escaped it)
            "".join(
                part if position % 2 == 0 else self.holes[int(part)].render(context)
                for position, part in enumerate(stored)
            )
        )


@register.tag
def portal_fragment(parser, token):
    """``{% portal_fragment "name" %}…{% endportal_fragment %}``: see ``PortalFragmentNode``."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("portal_fragment takes one quoted name")
    nodelist = parser.parse(("endportal_fragment",))
    parser.delete_first_token()
    return PortalFragmentNode(bits[1][1:-1], nodelist)


@register.tag
def per_request(parser, token):
    """``{% per_request %}…{% endper_request %}`` inside a ``portal_fragment``."""
    nodelist = parser.parse(("endper_request",))
    parser.delete_first_token()
    return PerRequestNode(nodelist)
