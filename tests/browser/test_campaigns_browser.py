from datetime import date, timedelta

import pytest
from django.utils import timezone

from campaigns.models import CampaignIndexPage, NewsIndexPage
from sites.models import PortalSettings
from tests.browser.conftest import assert_no_axe_violations, portal_url
from tests.factories import CampaignPageFactory, EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def siena_campaign(world):
    from wagtail.models import Site

    siena = Site.objects.get(hostname="siena.localhost")
    portal_settings = PortalSettings.for_site(siena)
    portal_settings.show_help_strip = True
    portal_settings.emergency_helplines = [
        ("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True})
    ]
    portal_settings.save()
    index = CampaignIndexPage.objects.child_of(siena.root_page).get()
    campaign = CampaignPageFactory(
        parent=index,
        title="Fiocco bianco",
        slug="fiocco-bianco",
        tagline="Gli uomini contro la violenza sulle donne",
        start_date=date(2020, 11, 25),
        end_date=date(2020, 12, 10),
        recurs_yearly=True,
        helplines=[("helpline", {"name": "1522 – antiviolenza e stalking", "number": "1522", "free_of_charge": True})],
        key_messages=[("message", {"text": "La violenza non è mai colpa di chi la subisce.", "detail": ""})],
        partners=[("organisation", {"name": "Provincia di Siena", "role": "promotrice", "url": ""})],
    )
    EventPageFactory(
        parent=campaign,
        title="Presidio in piazza",
        slug="presidio",
        start=timezone.now() + timedelta(days=3),
        accessibility_notes="Piazza senza barriere.",
        registration_url="https://example.org/iscrizioni",
    )
    news_index = NewsIndexPage.objects.child_of(siena.root_page).get()
    for n in range(3):
        NewsPageFactory(parent=news_index, title=f"Notizia {n}", date=timezone.localdate() - timedelta(days=n))
    return campaign


def test_campaign_page_help_strip_by_keyboard_and_accessibility(world, page, siena_campaign):
    page.goto(portal_url(world, "siena.localhost", "/it/campagne/fiocco-bianco/"))
    assert page.locator("h1").inner_text() == "Fiocco bianco"
    # The two skip links first, then the emergency number: reachable before the header and its menu.
    for _ in range(3):
        page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.closest('.help-strip') !== null, document.activeElement.href]")
    assert focused == [True, "tel:1522"]
    assert page.locator(".help-strip a.help-strip-link").is_visible()
    assert_no_axe_violations(page)


def test_event_page_and_news_index_accessibility(world, page, siena_campaign):
    page.goto(portal_url(world, "siena.localhost", "/it/campagne/fiocco-bianco/presidio/"))
    assert page.locator("h1").inner_text() == "Presidio in piazza"
    assert page.locator('a[href$="/ical/"]').count() == 1
    assert_no_axe_violations(page)

    page.goto(portal_url(world, "siena.localhost", "/it/notizie/"))
    assert page.locator("article h2").count() == 3
    assert_no_axe_violations(page)

    # A news item, reached from the index as a reader would.
    page.locator("article h2 a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Notizia 0"
    assert_no_axe_violations(page)
