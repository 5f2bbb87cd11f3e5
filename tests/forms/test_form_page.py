"""Generic forms (Wagtail's form builder): protected like the registration form, submissions kept per portal."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from forms.models import ConsentRecord, FormPage
from forms.protection import CONSENT_TEXT_VERSION, new_token
from tests.factories import FormFieldFactory

from .conftest import section

pytestmark = pytest.mark.django_db


def contact_data(**overrides):
    data = {
        "nome": "Giulia Bianchi",
        "email": "giulia@example.org",
        "messaggio": "Vorrei informazioni sullo sportello di orientamento.",
        "privacy_consent": "on",
        "fax_number": "",
        "submission_token": new_token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def contact_page(lucca):
    page = section(lucca, "contatti")
    assert isinstance(page, FormPage)
    return page


def post(client, page, data, host="lucca.localhost", **extra):
    return client.post(page.url, data, HTTP_HOST=host, **extra)


def test_every_portal_has_a_contact_form_with_default_fields(client, contact_page):
    response = client.get(contact_page.url, HTTP_HOST="lucca.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("nome", "email", "messaggio", "privacy_consent"):
        assert f'name="{name}"' in html
    assert "/it/privacy/" in html
    assert "no-cache" in response["Cache-Control"]


def test_a_valid_submission_is_stored_with_its_consent_and_redirects(
    client, contact_page, django_capture_on_commit_callbacks
):
    contact_page.to_address = "ufficio@lucca.example.org"
    contact_page.subject = "Nuovo messaggio dal portale"
    contact_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, contact_data())
    assert response.status_code == 302 and response["Location"].endswith("/contatti/grazie/")
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["nome"] == "Giulia Bianchi"
    assert "privacy_consent" not in submission.form_data and "fax_number" not in submission.form_data
    consent = ConsentRecord.objects.get(form_submission=submission)
    assert consent.text_version == CONSENT_TEXT_VERSION and consent.language == "it"
    assert "informativa sulla privacy" in consent.text
    assert [m.to for m in mail.outbox] == [["ufficio@lucca.example.org"]]
    assert "Nome e cognome: Giulia Bianchi" in mail.outbox[0].body and "privacy" not in mail.outbox[0].body

    thank_you = client.get(response["Location"], HTTP_HOST="lucca.localhost")
    assert thank_you.status_code == 200 and "Grazie" in thank_you.content.decode()
    client.get(response["Location"], HTTP_HOST="lucca.localhost")  # a refresh
    assert FormSubmission.objects.filter(page=contact_page).count() == 1


def test_the_thank_you_page_needs_a_submission(client, contact_page):
    response = client.get(contact_page.url + "grazie/", HTTP_HOST="lucca.localhost")
    assert response.status_code == 302 and response["Location"].endswith("/contatti/")


def test_editor_built_fields_and_size_limits(client, contact_page):
    FormFieldFactory(page=contact_page, label="Richiesta", field_type="multiline")
    response = post(
        client, contact_page, {"richiesta": "x" * 5001, "privacy_consent": "on", "submission_token": new_token()}
    )
    assert response.status_code == 200
    assert "richiesta" in response.context["form"].errors
    assert "x" * 5001 in response.content.decode()  # what was typed stays
    assert not FormSubmission.objects.exists()


def test_missing_consent_or_required_fields_store_nothing(client, contact_page):
    response = post(client, contact_page, contact_data(privacy_consent=None, email="sbagliata"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "privacy_consent" in errors and "email" in errors
    assert 'value="Giulia Bianchi"' in response.content.decode()
    assert not FormSubmission.objects.exists() and not ConsentRecord.objects.exists()


def test_honeypot_and_rate_limit(client, contact_page, settings):
    response = post(client, contact_page, contact_data(fax_number="spam"))
    assert response.status_code == 302
    assert not FormSubmission.objects.exists()
    settings.FORMS_RATE_LIMIT = 3
    for _number in range(2):  # the bot's attempt counted as the first
        assert post(client, contact_page, contact_data()).status_code == 302
    response = post(client, contact_page, contact_data(nome="Quarta"))
    assert response.status_code == 429
    assert FormSubmission.objects.count() == 2


def _denied(response):
    # Wagtail answers a permission failure with a redirect to the dashboard (and a message) or a 403.
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def _submission_urls(page):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return url, url + "?export=csv"


@pytest.mark.parametrize("role", ["editors", "moderators"])
def test_submissions_are_visible_and_exportable_only_to_the_portals_staff(client, contact_page, siena, user_in, role):
    post(client, contact_page, contact_data())
    listing, export = _submission_urls(contact_page)

    client.force_login(user_in("lucca", role))
    assert client.get(listing).status_code == 200
    csv_response = client.get(export)
    assert csv_response.status_code == 200
    assert "Giulia Bianchi" in b"".join(csv_response.streaming_content).decode()
    assert str(contact_page.pk) in client.get(reverse("wagtailforms:index")).content.decode()

    client.force_login(user_in("siena", role))
    assert _denied(client.get(listing))
    denied_export = client.get(export)
    assert _denied(denied_export) and not denied_export.streaming
    index = client.get(reverse("wagtailforms:index")).content.decode()
    assert reverse("wagtailforms:list_submissions", args=[contact_page.pk]) not in index
    assert reverse("wagtailforms:list_submissions", args=[section(siena, "contatti").pk]) in index
    delete = reverse("wagtailforms:delete_submissions", args=[contact_page.pk])
    assert _denied(
        client.post(delete, {"selected-submissions": FormSubmission.objects.values_list("pk", flat=True)[0]})
    )
    assert FormSubmission.objects.count() == 1
