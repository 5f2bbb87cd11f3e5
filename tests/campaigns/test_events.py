"""Events: their page and JSON-LD, the .ics download and the portal's iCal feed of upcoming events."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from campaigns.models import CampaignIndexPage
from tests.factories import CampaignPageFactory, EventPageFactory

from .conftest import offer_language, section, translate

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_event_page_shows_time_place_and_schema_org_event(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, title="8 marzo", slug="8-marzo")
    start = datetime(2030, 3, 8, 17, 30, tzinfo=ROME)
    EventPageFactory(
        parent=campaign,
        title="Incontro in biblioteca",
        slug="incontro",
        start=start,
        end=start + timedelta(hours=2),
        place_name="Biblioteca comunale",
        address="Via Roma 1",
        municipality="Siena",
        accessibility_notes="Sala senza barriere, interpretariato LIS.",
        registration_url="https://example.org/iscrizioni",
    )
    response = client.get("/it/campagne/8-marzo/incontro/", HTTP_HOST="siena.localhost")
    html = response.content.decode()

    assert response.status_code == 200
    assert "17:30" in html and "19:30" in html
    assert "Biblioteca comunale, Via Roma 1, Siena" in html
    assert "interpretariato LIS" in html
    assert 'href="https://example.org/iscrizioni"' in html
    assert 'href="/it/campagne/8-marzo/incontro/ical/"' in html
    assert 'href="/it/campagne/8-marzo/"' in html  # the campaign it belongs to

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2030-03-08T17:30:00+01:00"
    assert data["location"]["address"]["addressLocality"] == "Siena"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["url"] == "http://siena.localhost:8000/it/campagne/8-marzo/incontro/"


def test_online_event_is_a_virtual_location(client, campaign_index):
    event = EventPageFactory(
        parent=campaign_index, place_name="", address="", municipality="", online_url="https://meet.example.org/x"
    )
    data = json.loads(event.json_ld())
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_event_ics_download_parses_with_times_in_europe_rome(client, campaign_index):
    start = datetime(2030, 11, 25, 18, 0, tzinfo=ROME)
    EventPageFactory(parent=campaign_index, title="Fiaccolata", slug="fiaccolata", start=start, end=None)
    response = client.get("/it/campagne/fiaccolata/ical/", HTTP_HOST="siena.localhost")
    calendar = _calendar(response)
    assert "attachment" in response["Content-Disposition"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Fiaccolata"
    assert event.decoded("DTSTART") == start
    assert event["DTSTART"].params["TZID"] == "Europe/Rome"
    assert event.decoded("DTEND") == start + timedelta(hours=2)
    assert str(event["URL"]) == "http://siena.localhost:8000/it/campagne/fiaccolata/"
    assert calendar.walk("VTIMEZONE"), "the calendar describes the Europe/Rome time zone"


def test_portal_calendar_holds_only_upcoming_live_events_of_that_portal_and_language(client, siena, lucca):
    index = section(siena, CampaignIndexPage)
    campaign = CampaignPageFactory(parent=index, slug="campagna")
    soon = timezone.now() + timedelta(days=3)
    EventPageFactory(parent=index, title="Prossimo a Siena", start=soon)
    EventPageFactory(parent=campaign, title="Nella campagna", start=soon + timedelta(days=1))
    EventPageFactory(parent=index, title="Passato", start=timezone.now() - timedelta(days=3))
    EventPageFactory(parent=index, title="Bozza", start=soon, live=False)
    EventPageFactory(parent=section(lucca, CampaignIndexPage), title="A Lucca", start=soon)
    english = EventPageFactory(parent=index, title="Solo in italiano", start=soon + timedelta(days=2))
    translated = translate(english, "en")
    translated.title = "English only"
    translated.save_revision().publish()

    calendar = _calendar(client.get("/it/campagne/ical/", HTTP_HOST="siena.localhost"))
    assert _summaries(calendar) == ["Nella campagna", "Prossimo a Siena", "Solo in italiano"]

    offer_language(siena, "en")
    english_calendar = _calendar(client.get("/en/campagne/ical/", HTTP_HOST="siena.localhost"))
    assert _summaries(english_calendar) == ["English only"]

    network = _calendar(client.get("/it/campagne/ical/", HTTP_HOST="localhost"))
    assert _summaries(network) == ["A Lucca", "Nella campagna", "Prossimo a Siena", "Solo in italiano"]


def test_campaign_index_lists_next_events_and_links_the_calendar(client, campaign_index):
    EventPageFactory(parent=campaign_index, title="Presidio in piazza", start=timezone.now() + timedelta(days=1))
    html = client.get("/it/campagne/", HTTP_HOST="siena.localhost").content.decode()
    assert "Presidio in piazza" in html
    assert 'href="/it/campagne/ical/"' in html
