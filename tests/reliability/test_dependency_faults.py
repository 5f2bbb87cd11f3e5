"""The portals keep serving, and lose nothing, when the cache or the mail server is down."""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forms.models import ListingRegistration
from outbox.models import OutboundEmail
from tests.forms.conftest import registration_data

from .conftest import DATABASE_QUEUE, redis_down_settings, run_worker, section, smtp_down_settings

pytestmark = pytest.mark.django_db


def register(client, page, **overrides):
    return client.post(page.url, registration_data(**overrides), HTTP_HOST="lucca.localhost")


def test_with_redis_unreachable_public_pages_and_a_registration_still_work(
    client, siena, lucca, campaigns, lucca_registration, caplog, django_capture_on_commit_callbacks
):
    with redis_down_settings(), caplog.at_level(logging.WARNING, logger="portal.cache"):
        for site in (siena, lucca):
            host = site.hostname
            for page in (section(site, "associazioni"), section(site, "campagne"), campaigns[host]):
                response = client.get(page.url, HTTP_HOST=host)
                assert response.status_code == 200, (host, page.url)
            assert client.get("/it/", HTTP_HOST=host).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):  # the task creating the entry
            response = register(client, lucca_registration)
        assert response.status_code == 302 and response["Location"].endswith("/grazie/")
        assert ListingRegistration.objects.filter(entry__title="Donne in Cammino").count() == 1
    # A dozen requests, one line in the log: not a traceback per request.
    cache_warnings = [record for record in caplog.records if record.name == "portal.cache"]
    assert len(cache_warnings) == 1 and "Cache unreachable" in cache_warnings[0].getMessage()
    assert not any(record.exc_info for record in caplog.records)


@override_settings(TASKS=DATABASE_QUEUE)
def test_with_smtp_unreachable_the_registration_succeeds_and_the_emails_wait_then_leave_once(
    client, lucca_registration, user_in
):
    moderator = user_in("lucca", "moderators")
    with smtp_down_settings():
        response = register(client, lucca_registration)
        assert response.status_code == 302 and response["Location"].endswith("/grazie/")
        assert ListingRegistration.objects.count() == 1
        run_worker("registrations")  # the task creating the entry, which queues the emails
        queued = OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
        assert sorted(address for email in queued for address in email.recipients) == sorted(
            ["maria.rossi@example.org", moderator.email]
        )
        assert DBTaskResult.objects.ready().filter(task_path="outbox.tasks.deliver_email").count() == 2

        run_worker()  # the mail server is still down: every attempt fails and is kept, with its error

    for email in OutboundEmail.objects.all():
        assert email.status == OutboundEmail.Status.PENDING and email.attempts == 1
        assert "ConnectionRefusedError" in email.last_error
        assert email.next_attempt_at > timezone.now()
    assert mail.outbox == []

    # An hour later the mail server is back (locmem stands for it here): the retries go out, once each.
    retries = DBTaskResult.objects.filter(status="READY", task_path="outbox.tasks.deliver_email")
    assert retries.count() == 2 and not retries.ready().exists()  # scheduled, not yet due
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    retries.update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()
    run_worker()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(["maria.rossi@example.org", moderator.email])
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}


def test_one_email_per_person_per_registration(
    client, lucca_registration, user_in, django_capture_on_commit_callbacks, django_user_model
):
    people = {}
    for key, portal, role in [
        ("moderator-1", "lucca", "moderators"),
        ("moderator-2", "lucca", "moderators"),
        ("editor", "lucca", "editors"),
        ("siena-moderator", "siena", "moderators"),
    ]:
        people[key] = user_in(portal, role)
        people[key].email = f"{key}@example.org"
        people[key].save()
    moderators = [people["moderator-1"], people["moderator-2"]]
    django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, lucca_registration)
    assert response.status_code == 302
    received = sorted(address for message in mail.outbox for address in message.recipients())
    assert received == sorted(["maria.rossi@example.org", *(moderator.email for moderator in moderators)])
    review = [message for message in mail.outbox if message.to != ["maria.rossi@example.org"]]
    # The review link is on the portal's own admin host, not the network's.
    assert all("http://lucca.localhost:8000/admin/pages/" in message.body for message in review)


def test_the_same_form_sent_twice_is_stored_once_and_thanked_twice(client, lucca_registration):
    data = registration_data()
    first = client.post(lucca_registration.url, data, HTTP_HOST="lucca.localhost")
    second = client.post(lucca_registration.url, data, HTTP_HOST="lucca.localhost")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert ListingRegistration.objects.count() == 1
    thanks = client.get(second["Location"], HTTP_HOST="lucca.localhost")
    assert thanks.status_code == 200


def test_a_form_without_a_valid_token_keeps_what_was_typed_and_asks_to_send_again(client, lucca_registration):
    response = client.post(
        lucca_registration.url, registration_data(submission_token="forged"), HTTP_HOST="lucca.localhost"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "aperto da troppo tempo" in html
    assert 'value="Donne in Cammino"' in html
    assert 'name="submission_token"' in html and 'value="forged"' not in html
    assert ListingRegistration.objects.count() == 0


def test_consent_is_only_the_ticked_box(client, lucca_registration):
    for value in ("off", "no", "false", "0"):
        response = client.post(
            lucca_registration.url, registration_data(privacy_consent=value), HTTP_HOST="lucca.localhost"
        )
        assert response.status_code == 200 and "devi acconsentire" in response.content.decode()
    assert ListingRegistration.objects.count() == 0
