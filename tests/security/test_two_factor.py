"""Second factor (TOTP): required for superusers and moderators, optional for the other staff."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.security import requires_second_factor

from .conftest import confirmed_device, login, totp_token

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"


@pytest.fixture
def production_policy(settings):
    settings.STAFF_2FA_REQUIRED_FOR = ["superusers", "moderators"]


def test_default_policy_is_superusers_and_moderators():
    from portal.settings import base

    assert base.STAFF_2FA_REQUIRED_FOR == ["superusers", "moderators"]


def test_policy_by_role(production_policy, staff_user, superuser):
    assert requires_second_factor(staff_user("siena", "moderators"))
    assert requires_second_factor(superuser)
    assert not requires_second_factor(staff_user("siena", "editors"))


def test_moderator_without_second_step_cannot_reach_the_dashboard(client, production_policy, staff_user):
    moderator = staff_user("lucca", "moderators")
    device = confirmed_device(moderator)
    assert login(client, moderator.username).status_code == 302

    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff_2fa_verify"))
    # Nor any other admin page, nor setting up a second authenticator of their own.
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 302
    assert client.get(reverse("staff_2fa_setup"))["Location"].startswith(reverse("staff_2fa_verify"))

    wrong = client.post(reverse("staff_2fa_verify"), {"token": "000000", "next": DASHBOARD})
    assert wrong.status_code == 200
    assert "Codice non valido" in wrong.content.decode()
    assert client.get(DASHBOARD).status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slowed this device down
    device.save()
    right = client.post(reverse("staff_2fa_verify"), {"token": totp_token(device), "next": DASHBOARD})
    assert right.status_code == 302 and right["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_moderator_without_a_device_must_set_one_up_first(client, production_policy, staff_user):
    moderator = staff_user("siena", "moderators")
    client.force_login(moderator)
    response = client.get(DASHBOARD)
    assert response["Location"].startswith(reverse("staff_2fa_setup"))

    setup = client.get(reverse("staff_2fa_setup"))
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "<svg" in html and "data-secret" in html
    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    assert "".join(html.split("data-secret>")[1].split("<")[0].split()) in device.config_url

    done = client.post(reverse("staff_2fa_setup"), {"token": totp_token(device), "next": DASHBOARD})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(DASHBOARD).status_code == 200


def test_second_factor_is_optional_for_an_editor(client, production_policy, staff_user):
    editor = staff_user("siena", "editors")
    assert login(client, editor.username).status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    setup = client.get(reverse("staff_2fa_setup")).content.decode()
    assert "obbligatoria" not in setup


def test_an_editor_who_set_it_up_is_asked_for_the_code(client, production_policy, staff_user):
    editor = staff_user("siena", "editors")
    confirmed_device(editor)
    login(client, editor.username)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("staff_2fa_verify"))


def test_a_superuser_resets_a_lost_device(client, production_policy, staff_user, superuser):
    moderator = staff_user("siena", "moderators")
    confirmed_device(moderator)
    client.force_login(superuser)
    device = confirmed_device(superuser)
    client.post(reverse("staff_2fa_verify"), {"token": totp_token(device)})
    assert client.get(reverse("staff_access_security")).status_code == 200
    client.post(reverse("staff_access_security"), {"reset_2fa": moderator.pk})
    assert not TOTPDevice.objects.filter(user=moderator).exists()
