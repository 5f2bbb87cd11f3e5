"""Delivering queued emails: once each, retried with backoff, failures kept for staff to see."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from portal.queue import enqueue
from portal.throttled_log import log_once_per

from .messages import delivery_connection, from_payload, retry_delay
from .models import OutboundEmail

logger = logging.getLogger(__name__)


def _schedule_retry(email):
    if deliver_email.get_backend().supports_defer:
        enqueue(deliver_email.using(run_after=email.next_attempt_at), email.pk)
    # Without deferred tasks the email stays pending: `manage.py send_queued_emails` picks it up.


@task()
def deliver_email(email_id):
    """Send one queued email. Returns its status; a failure is recorded, never raised."""
    with transaction.atomic():
        # The row lock makes two workers holding the same task send the email once.
        email = OutboundEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.status != OutboundEmail.Status.PENDING:
            return email.status if email else "missing"
        email.attempts += 1
        try:
            from_payload(email.payload, connection=delivery_connection()).send()
        except Exception as error:  # noqa: BLE001 (whatever the mail server did, keep the email and say why)
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                email.status = OutboundEmail.Status.FAILED
                logger.error("Email %s not sent after %s attempts: %s", email.pk, email.attempts, email.last_error)
            else:
                email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
                # A mail server that is down fails every email: say so once a minute, not once per email.
                log_once_per(
                    60,
                    logger,
                    logging.WARNING,
                    "email-retry",
                    "Emails not sent, will retry with backoff (e.g. email %s, attempt %s): %s",
                    email.pk,
                    email.attempts,
                    email.last_error,
                )
                _schedule_retry(email)
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save()
        return email.status


def requeue_due_emails(now=None):
    """Enqueue every pending email whose time has come (after a worker outage, or without deferred tasks)."""
    ids = list(OutboundEmail.objects.due(now).values_list("pk", flat=True))
    for email_id in ids:
        enqueue(deliver_email, email_id)
    return len(ids)


def retry_now(email):
    """Staff asked to try a failed or waiting email again."""
    OutboundEmail.objects.filter(pk=email.pk).exclude(status=OutboundEmail.Status.SENT).update(
        status=OutboundEmail.Status.PENDING, next_attempt_at=timezone.now()
    )
    enqueue(deliver_email, email.pk)
