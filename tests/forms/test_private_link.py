"""The submitter's private link: genuine, expired, tampered, or for another portal."""

import pytest
from django.core import mail, signing

from forms.models import ListingRegistration
from forms.registration import links

from .conftest import registration_data

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "lucca.localhost"}


@pytest.fixture
def registration(client, lucca_registration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lucca_registration.url, registration_data(), **HOST)
    mail.outbox.clear()
    return ListingRegistration.objects.get()


def link_path(registration, token=None):
    token = token or links.make_token(registration)
    return f"/it/iscrivi-la-tua-organizzazione/scheda/{token}/"


def old_token(registration, monkeypatch, days):
    """A token signed ``days`` ago."""
    real = signing.TimestampSigner.timestamp

    def past(self):
        return signing.b62_encode(signing.b62_decode(real(self)) - days * 24 * 60 * 60)

    monkeypatch.setattr(signing.TimestampSigner, "timestamp", past)
    token = links.make_token(registration)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", real)
    return token


def test_a_genuine_link_shows_status_and_a_prefilled_form(client, registration):
    response = client.get(link_path(registration), **HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "La scheda di Donne in Cammino" in html
    assert "La scheda non è ancora pubblicata" in html
    assert 'value="Via Fillungo 10"' in html and "noindex" in html
    assert "no-cache" in response["Cache-Control"]


def test_an_expired_link_gets_a_clear_page_and_can_ask_for_a_new_one(
    client, registration, monkeypatch, django_capture_on_commit_callbacks
):
    token = old_token(registration, monkeypatch, days=61)
    response = client.get(link_path(registration, token), **HOST)
    assert response.status_code == 200
    assert "Il link è scaduto" in response.content.decode()
    assert 'name="contact_email"' not in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):  # the email leaves through the queue after the commit
        response = client.post(link_path(registration, token), {"action": "new_link"}, **HOST)
    assert "Nuovo link inviato" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["maria.rossi@example.org"]]
    fresh = mail.outbox[0].body.split("/scheda/")[1].split("/")[0]
    assert client.get(link_path(registration, fresh), **HOST).status_code == 200
    assert "Proponi delle modifiche" in client.get(link_path(registration, fresh), **HOST).content.decode()


def test_the_link_lifetime_is_a_setting(client, registration, monkeypatch, settings):
    settings.FORMS_PRIVATE_LINK_MAX_AGE_DAYS = 120
    token = old_token(registration, monkeypatch, days=61)
    assert "Proponi delle modifiche" in client.get(link_path(registration, token), **HOST).content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"),
        lambda token: token[:20],
        lambda token: "not-a-token",
    ],
    ids=["altered", "truncated", "garbage"],
)
def test_a_tampered_link_gets_a_clear_page(client, registration, tamper):
    response = client.get(link_path(registration, tamper(links.make_token(registration))), **HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Il link non è valido" in html and 'name="contact_email"' not in html
    # Posting a change through it stores nothing.
    client.post(
        link_path(registration, tamper(links.make_token(registration))), registration_data(name="Hacked"), **HOST
    )
    assert registration.entry.get_latest_revision_as_object().title == "Donne in Cammino"


def test_a_link_signed_for_another_registration_key_is_refused(client, registration):
    token = links.make_token(registration)
    registration.link_key = "revoked"
    registration.save()
    assert "Il link non è valido" in client.get(link_path(registration, token), **HOST).content.decode()


def test_a_lucca_link_does_not_open_on_another_portal(client, registration, siena):
    from .conftest import section

    siena_page = section(siena, "iscrivi-la-tua-organizzazione")
    response = client.get(
        f"/it/{siena_page.slug}/scheda/{links.make_token(registration)}/", HTTP_HOST="siena.localhost"
    )
    assert response.status_code == 200
    assert "Il link non è valido" in response.content.decode()
    assert "maria.rossi@example.org" not in response.content.decode()


def test_confirming_the_data_renews_the_listing(client, registration):
    from django.utils import timezone

    registration.entry.specific.save_revision().publish()
    registration.confirmed_at = timezone.now() - timezone.timedelta(days=400)
    registration.save()
    response = client.post(link_path(registration), {"action": "confirm"}, **HOST)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (timezone.now() - registration.confirmed_at).total_seconds() < 60
