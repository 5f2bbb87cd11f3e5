"""Self-registration end to end: submit, moderate in the Wagtail admin, change through the private link."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import DirectoryEntryPage
from forms.models import ConsentRecord, ListingRegistration
from forms.protection import CONSENT_TEXT_VERSION

from .conftest import registration_data, section

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "lucca.localhost"}
LINK_RE = re.compile(r"http://lucca\.localhost(?::\d+)?(/it/iscrivi-la-tua-organizzazione/scheda/[\w-]+/)")


def submit(client, page, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(page.url, registration_data(**overrides), **HOST)


def private_path(message):
    match = LINK_RE.search(message.body)
    assert match, message.body
    return match.group(1)


def task_state_of(entry):
    state = WorkflowState.objects.active().get(base_content_type=entry.get_base_content_type(), object_id=str(entry.pk))
    return state.current_task_state


def decide(client, entry, action, comment=""):
    task_state = task_state_of(entry)
    url = reverse("wagtailadmin_pages:workflow_action", args=(entry.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_the_form_renders_with_consent_link_and_never_cached(client, lucca_registration, lucca):
    response = client.get(lucca_registration.url, **HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="contact_email"' in html and 'name="privacy_consent"' in html
    assert "/it/privacy/" in html  # the consent label links to the portal's privacy page
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_page_without_a_directory_says_registrations_are_not_open_yet(client, lucca):
    page = section(lucca, "iscrivi-la-tua-organizzazione")
    assert page.target_index is None
    response = client.get(page.url, **HOST)
    assert response.status_code == 200
    assert "Le iscrizioni non sono ancora aperte" in response.content.decode()
    assert 'name="contact_email"' not in response.content.decode()


def test_full_lifecycle(client, lucca_registration, lucca, user_in, django_capture_on_commit_callbacks):
    moderator = user_in("lucca", "moderators")
    moderator.email = "moderatrice@lucca.example.org"
    moderator.save()

    # 1. Submit: a pending entry, not public; emails to the moderators and the submitter.
    response = submit(client, lucca_registration, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"].endswith("/iscrivi-la-tua-organizzazione/grazie/")
    thank_you = client.get(response["Location"], **HOST)
    assert "Grazie, abbiamo ricevuto la scheda" in thank_you.content.decode()

    entry = DirectoryEntryPage.objects.get(title="Donne in Cammino")
    assert not entry.live
    assert entry.get_parent().slug == "associazioni"
    assert entry.province == "LU" and entry.fiscal_code == "92012345671"
    assert entry.contact_email == "maria.rossi@example.org"
    assert [(row.weekday, str(row.opens)) for row in entry.opening_hours.all()] == [(0, "09:00:00")]
    assert "<p>Offriamo sportelli di ascolto e orientamento.</p>" in entry.description
    registration = ListingRegistration.objects.get(entry=entry)
    assert registration.status == "pending" and registration.site == lucca
    assert registration.language == "it"  # the page's language: the submitter's emails are written in it
    consent = ConsentRecord.objects.get(registration=registration)
    assert consent.text_version == CONSENT_TEXT_VERSION and consent.page_id == lucca_registration.pk
    assert task_state_of(entry).task.name == "Pari Opportunità Lucca: approvazione dei moderatori"
    assert client.get(entry.url or "/it/associazioni/donne-in-cammino/", **HOST).status_code == 404

    to_moderators = [
        m for m in mail.outbox if m.to == ["moderatrice@lucca.example.org"] and "Nuova iscrizione" in m.subject
    ]
    assert len(to_moderators) == 1
    assert f"http://lucca.localhost:8000/admin/pages/{entry.pk}/edit/" in to_moderators[0].body
    to_submitter = [m for m in mail.outbox if m.to == ["maria.rossi@example.org"]]
    assert len(to_submitter) == 1
    assert "Abbiamo ricevuto la scheda di Donne in Cammino" in to_submitter[0].subject
    link = private_path(to_submitter[0])

    # A refresh of the thank-you page submits nothing again.
    client.get(response["Location"], **HOST)
    assert DirectoryEntryPage.objects.filter(title="Donne in Cammino").count() == 1

    # 2. The moderator approves in the Wagtail admin: published, the submitter is told.
    mail.outbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(client, entry, "approve").status_code == 302
    entry.refresh_from_db()
    assert entry.live
    registration.refresh_from_db()
    assert registration.status == "published"
    public = client.get("/it/associazioni/donne-in-cammino/", **HOST)
    assert public.status_code == 200 and "Donne in Cammino" in public.content.decode()
    approved = [m for m in mail.outbox if m.to == ["maria.rossi@example.org"]]
    assert len(approved) == 1 and "è pubblicata" in approved[0].subject
    client.logout()

    # 3. The private link opens a pre-filled form; a change goes to moderation, the live entry stays.
    page = client.get(link, **HOST)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'value="Donne in Cammino"' in html and 'value="maria.rossi@example.org"' in html
    assert "La scheda è pubblicata" in html
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        changed = client.post(link, registration_data(name="Donne in Cammino APS", phone="0583 999999"), **HOST)
    assert changed.status_code == 302
    entry.refresh_from_db()
    assert entry.live and entry.title == "Donne in Cammino" and entry.phone == "0583 123456"
    assert entry.get_latest_revision_as_object().title == "Donne in Cammino APS"
    assert task_state_of(entry) is not None
    live_page = client.get("/it/associazioni/donne-in-cammino/", **HOST).content.decode()
    assert "0583 123456" in live_page and "0583 999999" not in live_page
    assert any("Modifica da verificare" in m.subject for m in mail.outbox)
    assert ConsentRecord.objects.filter(registration=registration).count() == 2
    status_page = client.get(link, **HOST).content.decode()
    assert 'value="Donne in Cammino APS"' in status_page  # the form shows the latest proposal
    registration.refresh_from_db()
    assert registration.status == "published" and registration.change_pending

    # 4. The change waits on the moderator's dashboard; approved, it is live.
    client.force_login(moderator)
    assert "Donne in Cammino APS" in client.get("/admin/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, entry, "approve")
    entry.refresh_from_db()
    assert entry.title == "Donne in Cammino APS" and entry.phone == "0583 999999"
    registration.refresh_from_db()
    assert not registration.change_pending
    assert any(m.to == ["maria.rossi@example.org"] and "è pubblicata" in m.subject for m in mail.outbox)


def test_reject_with_comment(client, lucca_registration, user_in, django_capture_on_commit_callbacks):
    moderator = user_in("lucca", "moderators")
    submit(client, lucca_registration, django_capture_on_commit_callbacks)
    entry = DirectoryEntryPage.objects.get(title="Donne in Cammino")
    mail.outbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, entry, "reject", comment="Manca il numero RUNTS corretto.")
    assert response.status_code == 302
    entry.refresh_from_db()
    assert not entry.live
    registration = ListingRegistration.objects.get(entry=entry)
    assert registration.status == "rejected"
    rejected = [m for m in mail.outbox if m.to == ["maria.rossi@example.org"]]
    assert len(rejected) == 1
    assert "non è stata accettata" in rejected[0].subject
    assert "Manca il numero RUNTS corretto." in rejected[0].body
    client.logout()
    assert client.get("/it/associazioni/donne-in-cammino/", HTTP_HOST="lucca.localhost").status_code == 404

    # The submitter corrects and sends again: back in moderation.
    link = private_path(rejected[0])
    status = client.get(link, HTTP_HOST="lucca.localhost").content.decode()
    assert "non è stata accettata" in status and "Manca il numero RUNTS corretto." in status
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, registration_data(runts_number="RUNTS-9876"), HTTP_HOST="lucca.localhost")
    registration.refresh_from_db()
    assert registration.status == "pending"
    assert task_state_of(entry).status == "in_progress"
