"""Login throttling: after AXES_FAILURE_LIMIT wrong passwords even the right one is refused."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from .conftest import PASSWORD, login

pytestmark = pytest.mark.django_db


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused(client, settings, staff_user):
    user = staff_user("siena", "editors")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, user.username, "sbagliata").status_code == 200
    locked = login(client, user.username, "sbagliata")
    assert locked.status_code == 429
    assert "Account bloccato" in locked.content.decode()

    refused = login(client, user.username, PASSWORD)
    assert refused.status_code == 429
    assert not _logged_in(client)


def test_a_superuser_sees_the_locked_account_and_unlocks_it(client, settings, staff_user, superuser):
    user = staff_user("siena", "editors")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, user.username, "sbagliata")

    client.force_login(superuser)
    page = client.get(reverse("staff_access_security"))
    assert page.status_code == 200
    assert user.username in page.content.decode().split("Autenticazione a due fattori")[0]
    client.post(reverse("staff_access_security"), {"unlock": user.username})
    assert not AccessAttempt.objects.filter(username=user.username).exists()
    client.logout()

    assert login(client, user.username).status_code == 302
    assert _logged_in(client)


def test_unlocking_from_the_command_line(client, settings, staff_user):
    user = staff_user("lucca", "moderators")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, user.username, "sbagliata")
    call_command("axes_reset_username", user.username)
    assert login(client, user.username).status_code == 302


def test_the_access_overview_is_for_superusers_only(client, staff_user):
    client.force_login(staff_user("siena", "moderators"))
    response = client.get(reverse("staff_access_security"))
    assert response.status_code in (302, 403)


def test_lockout_is_per_username_not_per_address(client, settings, staff_user, superuser):
    user = staff_user("siena", "editors")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, user.username, "sbagliata")
    # The superuser at the same address (the same office) can still sign in and unlock.
    assert login(client, superuser.username).status_code == 302
    assert user.username in client.get(reverse("staff_access_security")).content.decode()
