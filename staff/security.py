"""Who needs a second factor, and where a login attempt comes from."""

from django.conf import settings
from django_otp import user_has_device

from portal.client_address import client_ip as _client_ip


def requires_second_factor(user):
    """Whether ``STAFF_2FA_REQUIRED_FOR`` makes a second factor compulsory for this user.

    Roles: "all", "superusers", or the suffix of a portal group's name ("moderators"
    covers "Siena moderators", "Lucca moderators" …).
    """
    roles = {role.strip().lower() for role in settings.STAFF_2FA_REQUIRED_FOR if role.strip()}
    if not user.is_authenticated or not roles:
        return False
    if "all" in roles or ("superusers" in roles and user.is_superuser):
        return True
    names = user.groups.values_list("name", flat=True)
    return any(name.lower().endswith(f" {role}") for name in names for role in roles - {"superusers"})


def has_second_factor(user):
    """Whether the user has an authenticator app set up (a confirmed device)."""
    return user.is_authenticated and user_has_device(user, confirmed=True)


def client_ip(request):
    """The client address for the lockout log: the same one the public forms' rate limit counts."""
    return _client_ip(request) or None
