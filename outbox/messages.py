"""Turning an email into plain data and back, and storing it with its delivery task."""

import base64
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection

from portal.queue import enqueue

from .models import OutboundEmail

# Set by the project's own senders (an email about a portal's registration) so that the
# portal's staff can see the email in the admin; removed before the message is stored.
PORTAL_HEADER = "X-Portal-Site"


# The payload's keys that are EmailMultiAlternatives' own arguments, by the same name.
MESSAGE_ARGUMENTS = ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "headers")


def to_payload(message):
    payload = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {key: str(value) for key, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [],
    }
    for attachment in message.attachments:
        if isinstance(attachment, tuple) and len(attachment) == 3:
            filename, content, mimetype = attachment
            data = content.encode() if isinstance(content, str) else bytes(content)
            payload["attachments"].append([filename, base64.b64encode(data).decode(), mimetype])
    return payload


def from_payload(payload, connection=None):
    message = EmailMultiAlternatives(**{key: payload[key] for key in MESSAGE_ARGUMENTS}, connection=connection)
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, data, mimetype in payload["attachments"]:
        message.attach(filename, base64.b64decode(data), mimetype)
    return message


def queue_message(message: EmailMessage, site_id=None):
    """Store one message and enqueue its delivery (see portal.queue.enqueue for when)."""
    from .tasks import deliver_email

    email = OutboundEmail.objects.create(
        site_id=site_id,
        subject=str(message.subject)[:998],
        recipients=list(message.recipients()),
        payload=to_payload(message),
    )
    enqueue(deliver_email, email.pk)
    return email


def retry_delay(attempts):
    """Backoff after the ``attempts``-th failure: 1, 2, 4 … minutes, at most ``OUTBOX_MAX_RETRY_DELAY``."""
    return timedelta(seconds=min(60 * 2 ** (attempts - 1), settings.OUTBOX_MAX_RETRY_DELAY))


def delivery_connection():
    return get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)
