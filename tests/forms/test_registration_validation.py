"""Invalid input re-renders the form with errors and what was typed; nothing is stored. Uploads are checked by content."""

import io
import os

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from directory.models import DirectoryEntryPage
from forms.models import ConsentRecord, ListingRegistration

from .conftest import image_upload, registration_data

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "lucca.localhost"}


def post(client, page, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(page.url, registration_data(**overrides), **HOST)


def assert_nothing_stored():
    assert not DirectoryEntryPage.objects.filter(title__startswith="Donne in Cammino").exists()
    assert not ListingRegistration.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert not mail.outbox


INVALID = [
    ("name", "", "name"),
    ("name", "x" * 201, "name"),
    ("short_description", "", "short_description"),
    ("short_description", "x" * 301, "short_description"),
    ("description", "x" * 5001, "description"),
    ("legal_form", "pirate_ship", "legal_form"),
    ("fiscal_code", "92012345670", "fiscal_code"),  # wrong check digit
    ("fiscal_code", "12345", "fiscal_code"),
    ("runts_number", "n° 12!", "runts_number"),
    ("founding_year", "1700", "founding_year"),
    ("founding_year", "duemila", "founding_year"),
    ("street_address", "x" * 201, "street_address"),
    ("postcode", "5510", "postcode"),
    ("municipality", "", "municipality"),
    ("province", "Lucca", "province"),
    ("latitude", "123", "latitude"),
    ("latitude", "43.84", "longitude"),  # one coordinate without the other
    ("phone", "chiamateci", "phone"),
    ("email", "non-una-email", "email"),
    ("website", "not a url", "website"),
    ("facebook_url", "facebook", "facebook_url"),
    ("instagram_url", "instagram", "instagram_url"),
    ("linkedin_url", "linkedin", "linkedin_url"),
    ("youtube_url", "youtube", "youtube_url"),
    ("target_groups", ["aliens"], "target_groups"),
    ("languages", ["klingon"], "languages"),
    ("opening_hours_note", "x" * 251, "opening_hours_note"),
    ("contact_name", "", "contact_name"),
    ("contact_email", "", "contact_email"),
    ("contact_email", "maria@", "contact_email"),
    ("contact_phone", "abc", "contact_phone"),
    ("privacy_consent", None, "privacy_consent"),
]


@pytest.mark.parametrize(
    ("field", "value", "error_field"), INVALID, ids=[f"{f}-{i}" for i, (f, _v, _e) in enumerate(INVALID)]
)
def test_every_invalid_field_is_reported_and_nothing_is_stored(
    client, lucca_registration, django_capture_on_commit_callbacks, field, value, error_field
):
    data = registration_data()
    if value is None:
        data.pop(field)
    else:
        data[field] = value
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(lucca_registration.url, data, **HOST)
    assert response.status_code == 200
    form = response.context["form"]
    assert error_field in form.errors, form.errors
    html = response.content.decode()
    assert "Il modulo non è stato inviato" in html
    assert f'id="{form[error_field].auto_id}-error"' in html  # the message is tied to its control
    # What was typed stays in the form.
    assert ('value="Via Fillungo 10"' if field != "street_address" else 'value="55100"') in html
    if isinstance(value, str) and value and field not in ("legal_form", "description", "short_description"):
        assert f'value="{value}"' in html  # even the wrong value is there to correct
    assert "Associazione di volontariato che accompagna" in html or field == "short_description"
    assert_nothing_stored()


def test_invalid_opening_hours_are_reported(client, lucca_registration, django_capture_on_commit_callbacks):
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, **{"hours-0-closes": "08:00"})
    assert response.status_code == 200
    assert response.context["form"].hours.errors[0]["closes"]
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, **{"hours-0-opens": ""})
    assert response.context["form"].hours.errors[0]
    assert_nothing_stored()


def test_a_logo_needs_its_alternative_text(client, lucca_registration, django_capture_on_commit_callbacks):
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, logo=image_upload())
    assert "logo_alt" in response.context["form"].errors
    assert_nothing_stored()
    assert not get_image_model().objects.exists()


def test_a_real_logo_is_stored_in_the_portals_collection(
    client, lucca_registration, django_capture_on_commit_callbacks
):
    upload = image_upload("logo.webp", image_format="WEBP")
    response = post(
        client, lucca_registration, django_capture_on_commit_callbacks, logo=upload, logo_alt="Logo di Donne in Cammino"
    )
    assert response.status_code == 302
    entry = DirectoryEntryPage.objects.get(title="Donne in Cammino")
    assert entry.logo.width == 120 and entry.logo.collection.name == "Pari Opportunità Lucca"
    assert entry.logo.file.name.endswith(".webp")


def test_a_non_image_renamed_png_is_refused(client, lucca_registration, django_capture_on_commit_callbacks):
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 this is not an image at all", content_type="image/png")
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, logo=fake, logo_alt="Logo")
    assert response.status_code == 200
    assert "non è un'immagine JPEG, PNG o WebP" in " ".join(response.context["form"].errors["logo"])
    assert_nothing_stored()
    assert not get_image_model().objects.exists()


def test_a_gif_is_refused_whatever_its_name(client, lucca_registration, django_capture_on_commit_callbacks):
    gif = image_upload("logo.jpg", image_format="GIF")
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, logo=gif, logo_alt="Logo")
    assert "logo" in response.context["form"].errors
    assert_nothing_stored()


def test_an_image_with_too_many_pixels_is_refused(client, lucca_registration, django_capture_on_commit_callbacks):
    # 5000 × 5000 pixels of one colour: a few kilobytes on disk, 75 MB once decoded.
    buffer = io.BytesIO()
    PILImage.new("L", (5000, 5000), 0).save(buffer, "PNG", optimize=True)
    assert len(buffer.getvalue()) < 100_000
    bomb = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, logo=bomb, logo_alt="Logo")
    assert response.status_code == 200
    assert "troppo grande" in " ".join(response.context["form"].errors["logo"])
    assert_nothing_stored()


def test_a_file_over_the_size_cap_is_refused(client, lucca_registration, django_capture_on_commit_callbacks, settings):
    settings.FORMS_LOGO_MAX_BYTES = 1000
    buffer = io.BytesIO()
    PILImage.frombytes("L", (100, 100), os.urandom(100 * 100)).save(buffer, "PNG")  # noise: does not compress
    assert len(buffer.getvalue()) > 1000
    noisy = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, logo=noisy, logo_alt="Logo")
    assert "troppo grande" in " ".join(response.context["form"].errors["logo"])
    assert_nothing_stored()


def test_the_honeypot_pretends_success_and_stores_nothing(
    client, lucca_registration, django_capture_on_commit_callbacks
):
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, fax_number="0583 000000")
    assert response.status_code == 302 and response["Location"].endswith("/grazie/")
    assert_nothing_stored()


def test_the_rate_limit_stops_the_sixth_submission_in_an_hour(
    client, lucca_registration, django_capture_on_commit_callbacks
):
    for number in range(5):
        response = post(client, lucca_registration, django_capture_on_commit_callbacks, name=f"Associazione {number}")
        assert response.status_code == 302
    response = post(client, lucca_registration, django_capture_on_commit_callbacks, name="Associazione 6")
    assert response.status_code == 429
    assert "riprova tra un&#x27;ora" in response.content.decode()
    assert 'value="Associazione 6"' in response.content.decode()
    assert DirectoryEntryPage.objects.filter(title__startswith="Associazione ").count() == 5
    # Another address still gets through.
    with django_capture_on_commit_callbacks(execute=True):
        other = client.post(
            lucca_registration.url, registration_data(name="Associazione 7"), REMOTE_ADDR="10.0.0.7", **HOST
        )
    assert other.status_code == 302


def test_the_rate_limit_is_a_setting(client, lucca_registration, django_capture_on_commit_callbacks, settings):
    settings.FORMS_RATE_LIMIT = "1/day"
    assert post(client, lucca_registration, django_capture_on_commit_callbacks).status_code == 302
    assert post(client, lucca_registration, django_capture_on_commit_callbacks, name="Altra").status_code == 429
