"""send_listing_renewals: a yearly reminder, then unpublishing after the grace period."""

import datetime

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from forms.models import ListingRegistration

from .conftest import registration_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client, lucca_registration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lucca_registration.url, registration_data(), HTTP_HOST="lucca.localhost")
    registration = ListingRegistration.objects.get()
    registration.entry.specific.get_latest_revision().publish()
    registration.status = ListingRegistration.Status.PUBLISHED
    registration.save()
    mail.outbox.clear()
    return registration


def age(registration, days):
    """Pretend the listing was last confirmed and published ``days`` ago."""
    moment = timezone.now() - datetime.timedelta(days=days)
    ListingRegistration.objects.filter(pk=registration.pk).update(confirmed_at=moment)
    registration.entry.__class__.objects.filter(pk=registration.entry_id).update(last_published_at=moment)


def run(capsys, django_capture_on_commit_callbacks, *args):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_listing_renewals", *args)
    return capsys.readouterr().out


def test_recent_listings_are_left_alone(published, capsys, django_capture_on_commit_callbacks):
    age(published, 200)
    out = run(capsys, django_capture_on_commit_callbacks)
    assert "0 listing(s) to remind, 0 to unpublish" in out
    assert not mail.outbox


def test_a_year_old_listing_is_reminded_once_then_unpublished(published, capsys, django_capture_on_commit_callbacks):
    age(published, 370)
    out = run(capsys, django_capture_on_commit_callbacks, "--dry-run")
    assert "[dry run] 1 listing(s) to remind" in out and "Donne in Cammino" in out
    assert not mail.outbox
    published.refresh_from_db()
    assert published.renewal_sent_at is None

    out = run(capsys, django_capture_on_commit_callbacks)
    assert "[1/1] reminder: Donne in Cammino" in out
    assert [m.to for m in mail.outbox] == [["maria.rossi@example.org"]]
    assert "/scheda/" in mail.outbox[0].body and "30 giorni" in mail.outbox[0].body

    # Idempotent: the second run the same day sends nothing.
    mail.outbox.clear()
    assert "0 listing(s) to remind, 0 to unpublish" in run(capsys, django_capture_on_commit_callbacks)
    assert not mail.outbox

    # After the grace period, still unconfirmed: unpublished.
    ListingRegistration.objects.filter(pk=published.pk).update(
        renewal_sent_at=timezone.now() - datetime.timedelta(days=31)
    )
    out = run(capsys, django_capture_on_commit_callbacks)
    assert "[1/1] unpublish: Donne in Cammino" in out
    published.refresh_from_db()
    published.entry.refresh_from_db()
    assert published.status == "expired" and not published.entry.live
    assert "tolta dall'elenco" in mail.outbox[-1].subject


def test_a_confirmed_listing_is_not_unpublished(client, published, capsys, django_capture_on_commit_callbacks):
    from forms.registration.services import confirm_listing

    age(published, 370)
    run(capsys, django_capture_on_commit_callbacks)
    ListingRegistration.objects.filter(pk=published.pk).update(
        renewal_sent_at=timezone.now() - datetime.timedelta(days=31)
    )
    published.refresh_from_db()
    confirm_listing(published)
    out = run(capsys, django_capture_on_commit_callbacks)
    assert "0 to unpublish" in out
    published.entry.refresh_from_db()
    assert published.entry.live


def test_bad_input_is_one_clear_line(published):
    with pytest.raises(CommandError, match="--months must be at least 1"):
        call_command("send_listing_renewals", "--months", "0")
