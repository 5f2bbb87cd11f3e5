"""Helpers for the search tests: pages of any page type that exists, translations, private pages."""

import pytest
from django.apps import apps
from wagtail.models import Locale, Page, PageViewRestriction

import tests.factories as factories
from home.models import StandardPage


def site_home(site, language="it"):
    home = site.root_page
    if language == "it":
        return home.specific
    return home.get_translation(Locale.objects.get(language_code=language)).specific


def add_standard_page(parent, title, intro="", live=True, **fields):
    return factories.StandardPageFactory(parent=parent, title=title, intro=intro, live=live, **fields)


def publish_translation(page, language):
    """The page copied into ``language`` (parents too) and published, as a translator would."""
    locale = Locale.objects.get(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors(inclusive=True).filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def offer_language(site, language):
    """Let the portal serve ``language`` (portals serve only the languages their settings list)."""
    from sites.models import PortalSettings

    portal_settings = PortalSettings.for_site(site)
    if hasattr(portal_settings, "languages"):
        portal_settings.languages.add(Locale.objects.get(language_code=language))
        portal_settings.save()


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def _find_parent(model, site):
    """A page of the portal's tree that may hold ``model``; created from its factory if there is none."""
    allowed = model.allowed_parent_page_models()
    home = site.root_page
    for page in Page.objects.descendant_of(home, inclusive=True).specific():
        if type(page) in allowed:
            return page
    for parent_model in allowed:
        factory = getattr(factories, f"{parent_model.__name__}Factory", None)
        if factory is not None and parent_model in home.specific_class.allowed_subpage_models():
            return factory(parent=home.specific)
    return None


# Page types the search must find: (model label, field holding their summary-like text).
PAGE_TYPES = [
    ("home.StandardPage", "intro"),
    ("projects.ProjectPage", "summary"),
    ("directory.DirectoryEntryPage", "short_description"),
    ("campaigns.CampaignPage", "tagline"),
    ("campaigns.EventPage", "summary"),
    ("campaigns.NewsPage", "summary"),
]


@pytest.fixture
def make_typed_page():
    """make_typed_page("projects.ProjectPage", site, title, text) → a live page, or pytest.skip when the type is not built yet."""

    def make(label, site, title, text):
        try:
            model = apps.get_model(label)
        except LookupError:
            pytest.skip(f"{label} does not exist yet")
        if model is StandardPage:
            return add_standard_page(site.root_page.specific, title, intro=text)
        factory = getattr(factories, f"{model.__name__}Factory", None)
        if factory is None:
            pytest.skip(f"{label} has no factory yet")
        parent = _find_parent(model, site)
        if parent is None:
            pytest.skip(f"no parent page type for {label} in the test portal")
        field = dict(PAGE_TYPES).get(label)
        fields = {field: text} if field and hasattr(model, field) else {}
        return factory(parent=parent, title=title, **fields)

    return make
