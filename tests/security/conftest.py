import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "una-password-lunga-2026"


@pytest.fixture
def staff_user(db, user_in):
    """staff_user("lucca", "moderators") → a member of that group with a known password."""

    def make(portal_key, role):
        user = user_in(portal_key, role)
        user.set_password(PASSWORD)
        user.save()
        return user

    return make


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("capo", "capo@example.org", PASSWORD)


def login(client, username, password=PASSWORD):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def totp_token(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="telefono", confirmed=True)
