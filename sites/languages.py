"""Per-portal language sets: which languages each portal offers.

Neither Wagtail nor wagtail-localize knows that a portal offers only some of
the installed languages, so this module answers it from ``PortalSettings.languages``
(Italian, the default, is always offered).
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale, Page

from . import navigation


def default_language():
    return settings.LANGUAGE_CODE


def locales():
    """{language code: Locale} of every content language, cached with the navigation."""
    return navigation.cached("sites:locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def locale_code(locale_id):
    """The language code of the Locale with this id (from the cached list: no query once it is cached)."""
    for code, locale in locales().items():
        if locale.pk == locale_id:
            return code
    return Locale.objects.get(pk=locale_id).language_code


def default_locale():
    return locales().get(default_language()) or Locale.get_default()


def active_locale():
    return locales().get(translation.get_language()) or Locale.get_active()


def portal_language_codes(site):
    """Codes of the languages a site offers, in the order of settings.LANGUAGES."""
    if site is None:
        return [default_language()]

    def codes():
        from .models import PortalSettings

        chosen = set(
            PortalSettings.languages.through.objects.filter(portalsettings__site=site).values_list(
                "locale__language_code", flat=True
            )
        )
        chosen.add(default_language())
        return [code for code, _name in settings.LANGUAGES if code in chosen]

    return navigation.cached(f"sites:languages:{site.pk}", codes)


def preferred_language(request, codes):
    """The first language of the browser's Accept-Language that the portal offers, else Italian."""
    for accepted, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if accepted == "*":
            break
        try:
            variant = get_supported_language_variant(accepted)
        except LookupError:
            # "zh-CN" is offered as "zh-hans"; Django knows no such mapping.
            variant = "zh-hans" if accepted.lower().startswith("zh") else None
        if variant in codes:
            return variant
    return default_language()


def language_name(code):
    return get_language_info(code)["name_local"]


def live_translations(page, codes):
    """{language code: page} of the live, public translations of ``page`` (itself included) in ``codes``."""
    translations = (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code__in=codes)
        .live()
        .public()
        .select_related("locale")
        .defer_streamfields()
    )
    return {translation.locale.language_code: translation for translation in translations}


def language_links(request, page, current_code):
    """Switcher entries: each offered language links to the page's live translation, else to that
    language's home page; a language whose home is not published yet is left out (never a dead link)."""
    from .portal import get_portal

    portal = get_portal(request)
    codes = portal.language_codes
    page_urls = portal.translation_urls(page) if page is not None else {}
    home_urls = portal.translation_urls(portal.site.root_page) if portal.site is not None else {}
    links = []
    for code in codes:
        url = page_urls.get(code) or home_urls.get(code)
        if url:
            links.append(
                {
                    "code": code,
                    "name": language_name(code),
                    "url": url,
                    "active": code == current_code,
                    "is_translation": code in page_urls,
                }
            )
    return links
