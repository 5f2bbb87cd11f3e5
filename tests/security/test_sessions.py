"""Staff sessions end after STAFF_SESSION_IDLE_MINUTES without a request, and when the browser closes."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from staff.middleware import LAST_SEEN

from .conftest import login

pytestmark = pytest.mark.django_db


def test_session_settings_follow_the_idle_timeout():
    from portal.settings import base

    assert base.STAFF_SESSION_IDLE_MINUTES == 120
    assert base.SESSION_COOKIE_AGE == 120 * 60
    assert base.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def _idle_for(client, minutes):
    session = client.session
    session[LAST_SEEN] = int(time.time()) - minutes * 60
    session.save()


def test_idle_session_ends_after_the_timeout(client, settings, staff_user):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    response = login(client, staff_user("siena", "editors").username)
    # A browser-session cookie: no expiry date, gone when the browser closes.
    assert response.cookies["sessionid"]["expires"] == "" and response.cookies["sessionid"]["max-age"] == ""
    assert client.get("/admin/").status_code == 200

    _idle_for(client, 29)
    assert client.get("/admin/").status_code == 200

    _idle_for(client, 31)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session


def test_password_reset_link_uses_the_portal_host_over_https(
    client, settings, staff_user, django_capture_on_commit_callbacks
):
    settings.EMAIL_LINKS_HTTPS = True
    user = staff_user("siena", "editors")
    with django_capture_on_commit_callbacks(execute=True):  # emails leave through the queue after the commit
        response = client.post(
            reverse("wagtailadmin_password_reset"), {"email": user.email}, HTTP_HOST="siena.localhost"
        )
    assert response.status_code == 302
    assert "https://siena.localhost/admin/password_reset/confirm/" in mail.outbox[0].body
    assert "http://" not in mail.outbox[0].body


def test_remember_me_does_not_outlive_the_browser(client, staff_user):
    login_page = client.get(reverse("wagtailadmin_login")).content.decode()
    assert 'name="remember"' not in login_page
    user = staff_user("siena", "editors")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": "una-password-lunga-2026", "remember": "on"},
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == ""
    assert client.session.get_expire_at_browser_close()
