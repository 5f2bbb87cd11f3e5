"""Creating the entries of received registrations: once each, retried with backoff, failures kept for staff to see.

A registration is stored when its form is sent (``services.receive_registration``) together with
this task: the entry, its moderation and the emails are made here, away from the request. When that
fails the registration stays stored with the error (the dashboard's *Iscrizioni in attesa* panel
shows it) and is tried again 1, 2, 4 … minutes later, up to an hour apart, ``MAX_ATTEMPTS`` times.
``manage.py create_received_entries`` puts the due ones back on the queue after a worker outage.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from forms.models import ListingRegistration
from outbox.messages import retry_delay
from portal.queue import enqueue
from portal.throttled_log import log_once_per

from . import services

logger = logging.getLogger(__name__)

# Its own queue, after the rest of the work: a burst of registrations does not hold up emails and
# purges (a worker started with --queue-name '*' takes higher priorities first).
QUEUE = "registrations"
PRIORITY = -10
# With the backoff of retry_delay (1, 2, 4 … minutes, then hourly): about 14 hours of attempts.
MAX_ATTEMPTS = 20


def _record_failure(registration_id, error):
    """Note the error on the registration and schedule the next attempt (or give up after MAX_ATTEMPTS)."""
    with transaction.atomic():
        registration = ListingRegistration.objects.select_for_update().filter(pk=registration_id).first()
        if registration is None or registration.entry_id is not None:
            return "missing" if registration is None else "created"
        registration.attempts += 1
        registration.last_error = f"{type(error).__name__}: {error}"[:2000]
        if registration.attempts >= MAX_ATTEMPTS:
            registration.next_attempt_at = None
            outcome = "failed"
            logger.error(
                "Registration %s: entry not created after %s attempts: %s",
                registration.pk,
                registration.attempts,
                registration.last_error,
                exc_info=error,
            )
        else:
            registration.next_attempt_at = timezone.now() + retry_delay(registration.attempts)
            outcome = "retry"
            log_once_per(
                60,
                logger,
                logging.WARNING,
                "registration-retry",
                "Registration entries not created, will retry with backoff (e.g. registration %s, attempt %s): %s",
                registration.pk,
                registration.attempts,
                registration.last_error,
            )
            if create_listing_entry.get_backend().supports_defer:
                enqueue(create_listing_entry.using(run_after=registration.next_attempt_at), registration.pk)
            # Without deferred tasks it stays received: `manage.py create_received_entries` picks it up.
        registration.save(update_fields=["attempts", "last_error", "next_attempt_at", "updated_at"])
    return outcome


@task(queue_name=QUEUE, priority=PRIORITY)
def create_listing_entry(registration_id):
    """Create the entry of a received registration. Returns what happened; a failure is recorded, never raised."""
    try:
        registration = services.create_entry(registration_id)
    except Exception as error:  # noqa: BLE001 (whatever went wrong, keep the registration and say why)
        return _record_failure(registration_id, error)
    return "created" if registration is not None else "missing"


def requeue_received(now=None, failed=False):
    """Enqueue every received registration whose next attempt is due; with ``failed`` also those given up.

    Returns how many were queued. A registration queued twice gets one entry (``services.create_entry``).
    """
    received = ListingRegistration.objects.received()
    due = received.filter(next_attempt_at__lte=now or timezone.now())
    ids = list(due.values_list("pk", flat=True))
    if failed:
        given_up = list(received.filter(next_attempt_at__isnull=True).values_list("pk", flat=True))
        ListingRegistration.objects.filter(pk__in=given_up).update(attempts=0, next_attempt_at=timezone.now())
        ids += given_up
    for registration_id in ids:
        enqueue(create_listing_entry, registration_id)
    return len(ids)
