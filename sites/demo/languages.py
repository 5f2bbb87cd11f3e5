"""The demo portals in their citizens' languages.

Runs after every app's demo content: sets the languages each portal offers and
translates its home page and sections through wagtail-localize (as staff would),
from the texts in ``translations.py``. Pages already translated are left alone.
"""

from wagtail.models import Locale, Page

from sites.models import PortalSettings
from sites.translation import source_strings, translate

from .portals import HELPLINES
from .translations import PORTAL_LANGUAGES, SLUGS, STRINGS


def strings_for(page, code):
    """Translations of the page's source strings into ``code`` (slugs included)."""
    found = {}
    for text in source_strings(page):
        if text in STRINGS and code in STRINGS[text]:
            found[text] = STRINGS[text][code]
        elif text == page.slug and code in SLUGS.get(text, {}):
            found[text] = SLUGS[text][code]
    return found


def settings_texts(spec, code):
    """The portal settings' footer and helpline names in ``code``."""
    return {
        "language": code,
        "footer_text": STRINGS.get(spec.about, {}).get(code, ""),
        "helpline_names": [STRINGS.get(helpline["name"], {}).get(code, "") for helpline in HELPLINES],
    }


def translate_tree(page, code, depth=1):
    """Translate ``page`` and, ``depth`` levels down, its live children (parents first)."""
    locale = Locale.objects.get(language_code=code)
    created = 0
    if not page.has_translation(locale):
        translate(page.specific, code, strings_for(page, code))
        created += 1
    if depth:
        for child in page.get_children().live():
            created += translate_tree(child, code, depth - 1)
    return created


# Content pages translated beyond the sections, by path under each portal's home (parents first).
CONTENT_PAGES = {
    "rete": ["campagne/25-novembre", "campagne/25-novembre/incontro-online-violenza-economica"],
    "lucca": ["campagne/con-anna", "campagne/25-novembre"],
    "siena": ["campagne/25-novembre"],
    "torino": ["campagne/25-novembre"],
    "brindisi": ["campagne/25-novembre"],
    "milano": ["campagne/25-novembre"],
}


def translate_content(home, key, codes):
    created = 0
    for path in CONTENT_PAGES.get(key, []):
        page = Page.objects.filter(url_path=f"{home.url_path}{path}/", locale=home.locale).live().first()
        if page is None:
            continue
        for code in codes:
            created += translate_tree(page, code, depth=0)
    return created


def load(context):
    for key, codes in PORTAL_LANGUAGES.items():
        result = context.network if key == "rete" else context.portals.get(key)
        if result is None:
            continue
        settings = PortalSettings.objects.get(site=result.site)
        if not settings.languages.exists():
            settings.languages.set(Locale.objects.filter(language_code__in=codes))
            settings.translations = [("language", settings_texts(context.specs[key], code)) for code in codes]
            settings.save()
        home = Page.objects.get(pk=result.home.pk)
        created = sum(translate_tree(home, code) for code in codes)
        created += translate_content(home, key, codes)
        if created:
            context.log(f"{result.site.site_name}: {created} pages translated into {', '.join(codes)}")
