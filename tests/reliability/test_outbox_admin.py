"""Queued emails are visible in the admin: all of them to superusers, a portal's own to its staff."""

import pytest
from django.core import mail
from django.urls import reverse

from outbox.models import OutboundEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(siena, lucca):
    return {
        site.hostname: OutboundEmail.objects.create(
            site=site,
            subject=f"Iscrizione ricevuta – {site.site_name}",
            recipients=[f"someone@{site.hostname}"],
            payload={
                "subject": f"Iscrizione ricevuta – {site.site_name}",
                "body": "Grazie.",
                "from_email": "noreply@localhost",
                "to": [f"someone@{site.hostname}"],
                "cc": [],
                "bcc": [],
                "reply_to": [],
                "headers": {},
                "alternatives": [],
                "attachments": [],
            },
            status=OutboundEmail.Status.FAILED,
            attempts=20,
            last_error="ConnectionRefusedError: [Errno 111] Connection refused",
        )
        for site in (siena, lucca)
    }


def test_portal_staff_see_only_their_portal_emails(client, user_in, emails):
    client.force_login(user_in("siena", "editors"))
    response = client.get(reverse("outbox:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pari Opportunità Siena" in html and "Connection refused" in html
    assert "someone@lucca.localhost" not in html
    lucca_email = emails["lucca.localhost"]
    # Another portal's email is simply not found (Django then tries the /it/ page tree: not there either).
    for method in (client.get, client.post):
        response = method(reverse("outbox:inspect", args=[lucca_email.pk]), follow=True)
        assert response.status_code == 404 and "someone@lucca.localhost" not in response.content.decode()
    response = client.post(reverse("outbox:retry", args=[lucca_email.pk]), follow=True)
    assert response.status_code == 404
    lucca_email.refresh_from_db()
    assert lucca_email.status == OutboundEmail.Status.FAILED


def test_superusers_see_every_email(client, django_user_model, emails):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.org", "pw"))
    html = client.get(reverse("outbox:index")).content.decode()
    assert "someone@lucca.localhost" in html and "someone@siena.localhost" in html


def test_staff_retry_a_failed_email_and_it_leaves(client, user_in, emails, django_capture_on_commit_callbacks):
    client.force_login(user_in("siena", "moderators"))
    email = emails["siena.localhost"]
    detail = client.get(reverse("outbox:inspect", args=[email.pk]))
    assert detail.status_code == 200 and "Riprova ora" in detail.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbox:retry", args=[email.pk]))
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert [message.to for message in mail.outbox] == [["someone@siena.localhost"]]


def test_the_public_cannot_see_the_outbox(client, emails):
    response = client.get(reverse("outbox:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
