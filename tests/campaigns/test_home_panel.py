"""The home page features the running campaigns and the next events of its portal (of every portal on the network)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail_factories import ImageFactory

from campaigns.models import CampaignIndexPage
from sites import navigation
from tests.factories import CampaignPageFactory, EventPageFactory

from .conftest import count_queries, section

pytestmark = pytest.mark.django_db


def test_home_features_running_campaigns_and_next_three_events(client, siena, lucca):
    index = section(siena, CampaignIndexPage)
    today = timezone.localdate()
    CampaignPageFactory(parent=index, title="Campagna in corso")
    CampaignPageFactory(parent=index, title="Campagna futura", start_date=today + timedelta(days=10))
    CampaignPageFactory(parent=index, title="Campagna conclusa", start_date=date(2020, 1, 1), end_date=date(2020, 2, 1))
    CampaignPageFactory(parent=section(lucca, CampaignIndexPage), title="Campagna lucchese")
    now = timezone.now()
    for day in (5, 1, 3, 9):
        EventPageFactory(parent=index, title=f"Evento tra {day} giorni", start=now + timedelta(days=day))
    EventPageFactory(parent=index, title="Evento passato", start=now - timedelta(days=1))

    html = client.get("/it/", HTTP_HOST="siena.localhost").content.decode()

    assert "Campagne in corso e prossimi eventi" in html
    assert "Campagna in corso" in html
    for absent in ("Campagna futura", "Campagna conclusa", "Campagna lucchese", "Evento passato", "tra 9 giorni"):
        assert absent not in html
    assert html.index("Evento tra 1 giorni") < html.index("Evento tra 3 giorni") < html.index("Evento tra 5 giorni")
    assert 'href="/it/campagne/"' in html

    network = client.get("/it/", HTTP_HOST="localhost").content.decode()
    assert "Campagna in corso" in network and "Campagna lucchese" in network


def test_home_without_campaigns_or_events_has_no_panel(client):
    assert "Campagne in corso e prossimi eventi" not in client.get("/it/", HTTP_HOST="lucca.localhost").content.decode()


def _count_queries(client, host):
    return count_queries(client, "/it/", host)


@pytest.mark.parametrize("host", ["siena.localhost", "localhost"])
def test_home_query_count_does_not_grow_with_campaigns(client, siena, host):
    index = section(siena, CampaignIndexPage)
    now = timezone.now()

    def build(count):
        for n in range(count):
            campaign = CampaignPageFactory(parent=index, hero_image=ImageFactory(), hero_image_alt="Una piazza")
            EventPageFactory(parent=campaign, start=now + timedelta(days=n + 1))
        navigation.invalidate()  # as publishing them would
        _count_queries(client, host)  # makes the card renditions

    def after_a_publish():
        # Nothing cached: the panel's own queries are counted, not a cached copy of it.
        navigation.invalidate()
        return _count_queries(client, host)

    build(3)
    few = after_a_publish()
    build(27)
    many = after_a_publish()
    # Site, settings and menu lookups, the featured sections, then the campaigns panel: running
    # campaigns (one query), their images and renditions (one each), the next three events, the
    # "Campagne" section link and view restrictions. None of these runs once per campaign.
    assert few == many
    # Then the panel (its card renditions included) is kept for every visitor until the next publish.
    assert _count_queries(client, host) == 0


def test_the_next_events_follow_the_clock_without_a_publish(client, siena, monkeypatch):
    index = section(siena, CampaignIndexPage)
    start = timezone.now() + timedelta(days=1)
    EventPageFactory(parent=index, title="Incontro breve", start=start, end=start + timedelta(hours=2))
    EventPageFactory(parent=index, title="Incontro senza fine indicata", start=start + timedelta(hours=1), end=None)
    html = client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    assert "Incontro breve" in html and "Incontro senza fine indicata" in html

    monkeypatch.setattr("django.utils.timezone.now", lambda: start + timedelta(hours=1, minutes=30))
    html = client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    assert "Incontro breve" in html and "Incontro senza fine indicata" not in html
    monkeypatch.setattr("django.utils.timezone.now", lambda: start + timedelta(hours=3))
    assert "Incontro breve" not in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()


def test_running_campaigns_follow_the_calendar_without_a_publish(client, siena, monkeypatch):
    today = timezone.localdate()
    CampaignPageFactory(
        parent=section(siena, CampaignIndexPage), title="Campagna di oggi", start_date=today, end_date=today
    )
    assert "Campagna di oggi" in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: tomorrow)
    assert "Campagna di oggi" not in client.get("/it/", HTTP_HOST="siena.localhost").content.decode()
