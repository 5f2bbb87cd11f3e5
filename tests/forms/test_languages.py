"""A citizen who fills in a form on an Arabic page gets Arabic errors and Arabic emails."""

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.models import Locale, Page

from sites.models import PortalSettings
from tests.forms.conftest import registration_data

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "lucca.localhost"}


@pytest.fixture(autouse=True, scope="module")
def compiled_catalogues(django_db_blocker):
    # The interface catalogues are compiled at setup (dev.py); make sure they are for this test.
    call_command("compile_translations", verbosity=0)


@pytest.fixture
def arabic_registration(lucca, lucca_registration):
    settings = PortalSettings.for_site(lucca)
    settings.languages.set(Locale.objects.filter(language_code="ar"))
    settings.save()
    arabic = Locale.objects.get(language_code="ar")
    home = lucca.root_page.specific.copy_for_translation(arabic)
    home.save_revision().publish()
    for section in Page.objects.child_of(lucca.root_page).live().specific():
        section.copy_for_translation(arabic).save_revision().publish()
    return lucca_registration.get_translation(arabic)


PATH = "/ar/iscrivi-la-tua-organizzazione/"


def test_errors_are_in_arabic_and_nothing_is_stored(client, arabic_registration):
    before = Page.objects.count()
    response = client.post(PATH, registration_data(name="", email="non-valida"), **HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "هذا الحقل مطلوب." in html  # "This field is required."
    assert "non-valida" in html  # what was typed is kept
    assert Page.objects.count() == before


def test_submitter_email_is_in_arabic(client, arabic_registration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PATH, registration_data(), **HOST)
    assert response.status_code == 302 and response["Location"].startswith("/ar/")
    to_submitter = [message for message in mail.outbox if message.to == ["maria.rossi@example.org"]]
    assert len(to_submitter) == 1
    with_arabic = "استلمنا"  # "we received"
    assert with_arabic in to_submitter[0].subject + to_submitter[0].body
