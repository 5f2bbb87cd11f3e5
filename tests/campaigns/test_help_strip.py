"""“Help now”: a portal that enables it shows its emergency numbers on every page, as tel: links before the header."""

import pytest

from campaigns.models import CampaignIndexPage, NewsIndexPage
from sites.models import PortalSettings
from tests.factories import CampaignPageFactory, EventPageFactory, NewsPageFactory

from .conftest import section

pytestmark = pytest.mark.django_db

PAGES = [
    "/it/",
    "/it/chi-siamo/",
    "/it/campagne/",
    "/it/campagne/fiocco-bianco/",
    "/it/campagne/fiocco-bianco/presidio/",
    "/it/notizie/",
    "/it/notizie/una-notizia/",
]


@pytest.fixture
def portal_pages(siena, lucca):
    for site in (siena, lucca):
        campaign = CampaignPageFactory(parent=section(site, CampaignIndexPage), slug="fiocco-bianco")
        EventPageFactory(parent=campaign, slug="presidio")
        NewsPageFactory(parent=section(site, NewsIndexPage), slug="una-notizia")
    portal_settings = PortalSettings.for_site(siena)
    portal_settings.show_help_strip = True
    portal_settings.emergency_helplines = [
        ("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True}),
        ("helpline", {"name": "Numero Verde Antitratta", "number": "800 290 290", "free_of_charge": True}),
    ]
    portal_settings.save()


@pytest.mark.parametrize("path", PAGES)
def test_help_strip_is_on_every_page_of_a_portal_that_enables_it(client, portal_pages, path):
    html = client.get(path, HTTP_HOST="siena.localhost").content.decode()
    assert '<aside class="help-strip"' in html
    assert 'href="tel:1522"' in html
    assert 'href="tel:800290290"' in html
    # In the page order (and so the keyboard's) the numbers come before the header and its menu.
    assert html.index('class="skiplinks"') < html.index('href="tel:1522"') < html.index("it-header-wrapper")


@pytest.mark.parametrize("path", PAGES)
def test_help_strip_is_absent_where_the_portal_does_not_enable_it(client, portal_pages, path):
    html = client.get(path, HTTP_HOST="lucca.localhost").content.decode()
    assert "help-strip" not in html
    assert 'href="tel:1522"' not in html


def test_help_strip_needs_both_the_setting_and_some_numbers(client, portal_pages, siena):
    portal_settings = PortalSettings.for_site(siena)
    portal_settings.emergency_helplines = []
    portal_settings.save()
    assert "help-strip" not in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    assert "help-strip" not in client.get("/it/", HTTP_HOST="localhost").content.decode()
