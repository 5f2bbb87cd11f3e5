import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from campaigns.models import CampaignIndexPage, NewsIndexPage


def section(site, model):
    """A portal's standard section (created by provisioning, see sites/sections.py)."""
    return model.objects.child_of(site.root_page).get()


@pytest.fixture
def campaign_index(siena):
    return section(siena, CampaignIndexPage)


@pytest.fixture
def news_index(siena):
    return section(siena, NewsIndexPage)


def translate(page, language_code="en"):
    """Publish ``page`` (and any untranslated ancestor) in another language; returns the translation."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translation.get_ancestors(inclusive=True).filter(depth__gte=2, live=False):
        ancestor.specific.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def offer_language(site, language_code="en"):
    """Let a portal publish in one more language."""
    from sites import navigation
    from sites.models import PortalSettings

    PortalSettings.for_site(site).languages.add(Locale.objects.get(language_code=language_code))
    navigation.invalidate()  # the portal's languages are cached with the menu


def count_queries(client, path, host):
    """How many queries one successful page view takes."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return len(queries)
