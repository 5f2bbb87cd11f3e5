"""Emails from templates: ``templates/forms/email/<name>_subject.txt`` and ``<name>_body.txt``, in a given language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(name, context, recipients, language):
    """Render subject and body in ``language`` and send one message to ``recipients`` (skipped when none)."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    with translation.override(language):
        subject = " ".join(render_to_string(f"forms/email/{name}_subject.txt", context).split())
        body = render_to_string(f"forms/email/{name}_body.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
