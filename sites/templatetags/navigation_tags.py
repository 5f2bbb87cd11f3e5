from django import template
from django.utils.html import format_html

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
