"""The demo shows campaigns, events and news on every portal and on the network site."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from campaigns.models import CampaignPage, EventPage, NewsPage

pytestmark = pytest.mark.django_db


def test_demo_campaigns_events_and_news(client):
    call_command("load_demo", stdout=StringIO())

    html = client.get("/it/campagne/con-anna/", HTTP_HOST="lucca.localhost").content.decode()
    assert 'href="tel:800290290"' in html
    for partner in ("Questura di Lucca", "Comune di Capannori", "Azienda USL 12 Versilia", "CeIS"):
        assert partner in html
    assert "2006" in html

    national = CampaignPage.objects.get(slug="25-novembre", copied_from__isnull=True, locale__language_code="it")
    assert national.recurs_yearly
    portals = Site.objects.filter(is_default_site=False)
    for site in portals:
        home = site.root_page
        copy = CampaignPage.objects.descendant_of(home).get(copied_from=national)
        assert copy.live
        assert EventPage.objects.child_of(copy).live().count() == 1
        assert EventPage.objects.descendant_of(home).filter(slug="8-marzo").live().count() == 1
        assert NewsPage.objects.descendant_of(home).live().count() == 2
        assert client.get("/it/campagne/", HTTP_HOST=site.hostname).status_code == 200
        assert client.get("/it/notizie/rss/", HTTP_HOST=site.hostname).status_code == 200

    network = client.get("/it/campagne/", HTTP_HOST="localhost").content.decode()
    assert "Con Anna" in network and "25 novembre" in network
    # The national campaign is listed once on the network, not once per portal copy.
    assert network.count(">25 novembre – Giornata") == 1
