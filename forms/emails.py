"""Emails from templates: ``templates/forms/email/<name>_subject.txt`` and ``<name>_body.txt``, in a given language.

They are queued (see the outbox app), so calling this inside a transaction stores the email
with the data it speaks of.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from outbox.messages import PORTAL_HEADER


def send_templated_mail(name, context, recipients, language, site_id=None):
    """Render subject and body in ``language`` and queue one message to ``recipients`` (skipped when none).

    ``site_id`` names the portal the email is about, so that its staff see it among the portal's emails.
    """
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language):
        subject = " ".join(render_to_string(f"forms/email/{name}_subject.txt", context).split())
        body = render_to_string(f"forms/email/{name}_body.txt", context)
    headers = {PORTAL_HEADER: str(site_id)} if site_id else {}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, headers=headers).send()
