import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from forms.protection import new_token
from tests.pages import section  # noqa: F401 (imported by the tests of this folder)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Cached pages and settings never carry over between tests (the rate limit is in the database)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def lucca_registration(lucca):
    """Lucca's registration page, open on the associations directory."""
    page = section(lucca, "iscrivi-la-tua-organizzazione")
    page.target_index = section(lucca, "associazioni")
    page.save_revision().publish()
    return page


def image_upload(name="logo.png", size=(120, 80), image_format="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 90)).save(buffer, image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}[image_format]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def registration_data(**overrides):
    """A complete, valid registration as the browser would post it."""
    data = {
        "name": "Donne in Cammino",
        "short_description": "Associazione di volontariato che accompagna le donne nella ricerca di lavoro.",
        "description": "Nata a Lucca nel 2015.\n\nOffriamo sportelli di ascolto e orientamento.",
        "legal_form": "odv",
        "fiscal_code": "92012345671",
        "runts_number": "12345",
        "founding_year": "2015",
        "street_address": "Via Fillungo 10",
        "postcode": "55100",
        "municipality": "Lucca",
        "province": "lu",
        "latitude": "",
        "longitude": "",
        "phone": "0583 123456",
        "email": "info@donneincammino.example.org",
        "website": "https://donneincammino.example.org",
        "facebook_url": "",
        "instagram_url": "",
        "linkedin_url": "",
        "youtube_url": "",
        "services": "Orientamento al lavoro\nSportello di ascolto",
        "target_groups": ["women", "job_seekers"],
        "languages": ["it", "en"],
        "opening_hours_note": "Su appuntamento il sabato",
        "logo_alt": "",
        "contact_name": "Maria Rossi",
        "contact_email": "maria.rossi@example.org",
        "contact_phone": "333 1234567",
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "14",
        "hours-0-weekday": "0",
        "hours-0-opens": "09:00",
        "hours-0-closes": "13:00",
        "hours-1-weekday": "",
        "hours-1-opens": "",
        "hours-1-closes": "",
        "privacy_consent": "on",
        "fax_number": "",
        # A fresh one-time token, as a freshly loaded form carries.
        "submission_token": new_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
