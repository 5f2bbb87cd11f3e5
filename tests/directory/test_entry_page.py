import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest

from tests.factories import DirectoryCategoryFactory, DirectoryEntryPageFactory, DirectoryOpeningHoursFactory

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


def _entry(index, **kwargs):
    fields = {
        "title": "Donne & Lavoro <Siena>",
        "slug": "donne-e-lavoro",
        "short_description": "Sportello per il lavoro delle donne.",
        "description": "<p>Una lunga <b>storia</b> di impegno.</p>",
        "street_address": "Via di Città 1",
        "postcode": "53100",
        "municipality": "Siena",
        "province": "SI",
        "latitude": "43.318800",
        "longitude": "11.330800",
        "phone": "0577 000000",
        "email": "sportello@example.org",
        "website": "https://example.org/",
        "instagram_url": "https://instagram.example.org/donne",
        "services": "Orientamento al lavoro\n- Bilancio delle competenze",
        "target_groups": ["women", "job_seekers"],
        "languages": ["it", "uk"],
        "legal_form": "aps",
        "fiscal_code": "12345678903",
        "runts_number": "12345",
        "founding_year": 1998,
        "contact_name": "Maria Riservata",
        "contact_email": "maria.riservata@example.org",
        "contact_phone": "333 0000000",
    }
    fields.update(kwargs)
    return DirectoryEntryPageFactory(parent=index, **fields)


def _json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_entry_page_shows_public_fields_and_hides_the_contact_person(client, siena_services, monkeypatch):
    category = DirectoryCategoryFactory(kind="service", name="Orientamento")
    entry = _entry(siena_services, categories=[category])
    DirectoryOpeningHoursFactory(entry=entry, weekday=0, opens=datetime.time(9), closes=datetime.time(13))
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime.datetime(2026, 11, 23, 10, tzinfo=ROME))

    response = client.get("/it/centri-e-servizi/donne-e-lavoro/", HTTP_HOST="siena.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Donne &amp; Lavoro &lt;Siena&gt;",
        "Sportello per il lavoro delle donne.",
        "<b>storia</b>",
        "Orientamento",
        "Via di Città 1, 53100 Siena (SI)",
        'href="tel:0577000000"',
        "sportello@example.org",
        "<li>Bilancio delle competenze</li>",
        "donne, persone in cerca di lavoro",
        "italiano, ucraino",
        "Associazione di promozione sociale (APS)",
        "12345678903",
        "12345",
        "1998",
        "Aperto ora",
        "lunedì",
        "09:00–13:00",
        "Instagram",
    ):
        assert text in html, text
    for private in ("Maria Riservata", "maria.riservata@example.org", "333 0000000"):
        assert private not in html

    data = _json_ld(html)
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "Donne & Lavoro <Siena>"
    assert data["address"]["addressLocality"] == "Siena"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 43.3188, "longitude": 11.3308}
    assert data["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Monday"
    assert "contactPoint" not in data
    # Nothing in the data can close the script element early.
    assert "<Siena>" not in html


def test_contact_person_is_shown_only_when_the_organisation_opts_in(client, siena_associations, monkeypatch):
    _entry(siena_associations, show_contact_person=True)
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime.datetime(2026, 11, 24, 10, tzinfo=ROME))
    html = client.get("/it/associazioni/donne-e-lavoro/", HTTP_HOST="siena.localhost").content.decode()
    assert "Maria Riservata" in html
    assert "maria.riservata@example.org" in html
    data = _json_ld(html)
    assert data["@type"] == "Organization"
    assert data["contactPoint"]["name"] == "Maria Riservata"
    # No opening hours: no open/closed badge.
    assert "Aperto ora" not in html and "Chiuso ora" not in html


def test_closed_now_and_personal_fiscal_code_not_published(client, siena_associations, monkeypatch):
    entry = _entry(siena_associations, fiscal_code="RSSMRA85T10A562S")
    DirectoryOpeningHoursFactory(entry=entry, weekday=0, opens=datetime.time(9), closes=datetime.time(13))
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime.datetime(2026, 11, 23, 14, tzinfo=ROME))
    html = client.get("/it/associazioni/donne-e-lavoro/", HTTP_HOST="siena.localhost").content.decode()
    assert "Chiuso ora" in html
    assert "RSSMRA85T10A562S" not in html
    assert "taxID" not in html


def test_entry_of_another_portal_is_not_reachable_on_this_host(client, lucca_associations):
    _entry(lucca_associations)
    assert client.get("/it/associazioni/donne-e-lavoro/", HTTP_HOST="lucca.localhost").status_code == 200
    assert client.get("/it/associazioni/donne-e-lavoro/", HTTP_HOST="siena.localhost").status_code == 404


def test_draft_entry_is_not_public(client, siena_associations):
    _entry(siena_associations, live=False)
    assert client.get("/it/associazioni/donne-e-lavoro/", HTTP_HOST="siena.localhost").status_code == 404
