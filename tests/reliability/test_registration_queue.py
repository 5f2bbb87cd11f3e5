"""A registration is accepted by storing it; the task worker creates its entry, and keeps trying when that fails."""

import io
import logging
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from directory.models import DirectoryEntryPage, DirectoryIndexPage
from forms.models import ConsentRecord, ListingRegistration, SubmissionToken
from forms.registration import tasks
from outbox.models import OutboundEmail
from tests.forms.conftest import registration_data

from .conftest import DATABASE_QUEUE, run_worker

pytestmark = pytest.mark.django_db

HOST = {"HTTP_HOST": "lucca.localhost"}
TASK_PATH = "forms.registration.tasks.create_listing_entry"


def register(client, page, **overrides):
    return client.post(page.url, registration_data(**overrides), **HOST)


def entry_creation_fails(message="the disk is full"):
    return mock.patch.object(DirectoryIndexPage, "add_child", side_effect=RuntimeError(message))


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_form_stores_the_registration_and_the_worker_creates_its_entry_once(client, lucca_registration, user_in):
    moderator = user_in("lucca", "moderators")
    response = register(client, lucca_registration)
    assert response.status_code == 302 and response["Location"].endswith("/grazie/")
    assert "Grazie, abbiamo ricevuto la scheda" in client.get(response["Location"], **HOST).content.decode()

    # Stored in the request: the registration with what was sent, its consent, the token's use, the task.
    registration = ListingRegistration.objects.get()
    assert registration.status == ListingRegistration.Status.RECEIVED and registration.entry is None
    assert registration.submitted_data["name"] == "Donne in Cammino"
    assert registration.directory.slug == "associazioni"
    assert ConsentRecord.objects.filter(registration=registration).exists()
    assert SubmissionToken.objects.count() == 1
    task = DBTaskResult.objects.ready().get(task_path=TASK_PATH)
    assert task.queue_name == "registrations"
    assert not DirectoryEntryPage.objects.filter(title="Donne in Cammino").exists()
    assert not OutboundEmail.objects.exists()
    client.force_login(moderator)
    panel = client.get("/admin/").content.decode()
    assert "Donne in Cammino" in panel and "Scheda in preparazione" in panel
    client.logout()

    run_worker("registrations")
    registration.refresh_from_db()
    entry = registration.entry.specific
    assert not entry.live and entry.get_parent().slug == "associazioni" and entry.province == "LU"
    assert [(row.weekday, str(row.opens)) for row in entry.opening_hours.all()] == [(0, "09:00:00")]
    assert registration.status == ListingRegistration.Status.PENDING and registration.submitted_data == {}
    assert sorted(address for email in OutboundEmail.objects.all() for address in email.recipients) == sorted(
        ["maria.rossi@example.org", moderator.email]
    )

    # The same task again (a worker that died before recording its result): nothing more.
    assert tasks.create_listing_entry.call(registration.pk) == "created"
    assert DirectoryEntryPage.objects.filter(title="Donne in Cammino").count() == 1
    assert OutboundEmail.objects.count() == 2


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_failure_keeps_the_registration_shows_it_to_staff_and_is_retried(client, lucca_registration, user_in):
    register(client, lucca_registration)
    with entry_creation_fails():
        run_worker("registrations")

    # Nothing half made: no entry, no email; the registration waits with the error.
    registration = ListingRegistration.objects.get()
    assert registration.entry is None and registration.status == ListingRegistration.Status.RECEIVED
    assert registration.attempts == 1 and registration.last_error == "RuntimeError: the disk is full"
    assert registration.next_attempt_at > timezone.now()
    assert not DirectoryEntryPage.objects.filter(title="Donne in Cammino").exists()
    assert not OutboundEmail.objects.exists()
    client.force_login(user_in("lucca", "moderators"))
    panel = client.get("/admin/").content.decode()
    assert "Scheda non ancora creata" in panel and "the disk is full" in panel

    # The retry is scheduled; once it is due (the fault is gone), the entry is created.
    retry = DBTaskResult.objects.get(task_path=TASK_PATH, status="READY")
    assert not DBTaskResult.objects.ready().filter(pk=retry.pk).exists()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker("registrations")
    registration.refresh_from_db()
    assert registration.entry.title == "Donne in Cammino" and registration.last_error == ""
    assert OutboundEmail.objects.count() == 2  # the submitter and the moderator, once


def test_after_the_last_attempt_it_is_given_up_logged_and_can_be_put_back(
    client, lucca_registration, caplog, django_capture_on_commit_callbacks
):
    with entry_creation_fails(), django_capture_on_commit_callbacks(execute=True):
        response = register(client, lucca_registration)
    assert response.status_code == 302  # the citizen's submission is safe whatever the worker does
    registration = ListingRegistration.objects.get()
    ListingRegistration.objects.filter(pk=registration.pk).update(attempts=tasks.MAX_ATTEMPTS - 1)
    with entry_creation_fails(), caplog.at_level(logging.ERROR, logger="forms.registration.tasks"):
        assert tasks.create_listing_entry.call(registration.pk) == "failed"
    registration.refresh_from_db()
    assert registration.next_attempt_at is None and registration.entry is None
    assert any("not created after 20 attempts" in record.getMessage() for record in caplog.records)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("create_received_entries", stdout=io.StringIO())
    assert ListingRegistration.objects.get().entry is None  # given up: not due
    with django_capture_on_commit_callbacks(execute=True):
        call_command("create_received_entries", "--failed", stdout=io.StringIO())
    registration.refresh_from_db()
    assert registration.entry.title == "Donne in Cammino" and registration.attempts == 0


def test_a_registration_whose_directory_is_gone_says_so(client, lucca_registration, django_capture_on_commit_callbacks):
    register(client, lucca_registration)  # stored; its task has not run
    registration = ListingRegistration.objects.get()
    registration.directory.delete()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.create_listing_entry.call(registration.pk) == "retry"
    registration.refresh_from_db()
    assert registration.entry is None and "EntryNotCreated" in registration.last_error
