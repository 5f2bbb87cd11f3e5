"""An email backend that queues instead of sending: ``EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"``.

Every email of the project (ours, Wagtail's moderation notices, password resets) goes through
it, so none is lost when the mail server is down and none makes a request wait for SMTP.
The worker delivers them with ``OUTBOX_DELIVERY_BACKEND`` (SMTP in production).
"""

from django.core.mail.backends.base import BaseEmailBackend

from .messages import PORTAL_HEADER, queue_message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            site_id = message.extra_headers.pop(PORTAL_HEADER, None)
            queue_message(message, site_id=site_id)
            count += 1
        return count
