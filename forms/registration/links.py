"""Private links: the signed, expiring address through which a submitter sees and changes their listing."""

from django.conf import settings
from django.core import signing
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from wagtail.models import Locale

from forms.models import ListingRegistration

LINK_SALT = "forms.listing-registration"


def link_max_age():
    """Seconds a private link stays valid (``FORMS_PRIVATE_LINK_MAX_AGE_DAYS``)."""
    return settings.FORMS_PRIVATE_LINK_MAX_AGE_DAYS * 24 * 60 * 60


def make_token(registration):
    signed = signing.TimestampSigner(salt=LINK_SALT).sign(f"{registration.pk}.{registration.link_key}")
    # Wagtail routes only path segments of letters, digits, "_" and "-": the signed value is base64-encoded.
    return urlsafe_base64_encode(signed.encode())


class LinkExpired(Exception):
    """The link was genuine but is too old; ``registration`` says whose it was (or None)."""

    def __init__(self, registration):
        super().__init__("expired")
        self.registration = registration


class LinkInvalid(Exception):
    """The link was altered, or its registration no longer exists."""


def _registration_from_value(value):
    pk, _sep, key = value.partition(".")
    # A registration whose entry is not created yet has no link: its emails are sent once it is.
    registrations = ListingRegistration.objects.select_related("entry", "site").filter(entry__isnull=False)
    registration = registrations.filter(pk=pk).first() if pk.isdigit() else None
    if registration is None or not key or registration.link_key != key:
        return None
    return registration


def registration_from_token(token):
    """The registration a private link stands for; raises LinkExpired or LinkInvalid."""
    signer = signing.TimestampSigner(salt=LINK_SALT)
    try:
        token = urlsafe_base64_decode(token).decode()
    except (ValueError, UnicodeDecodeError):
        raise LinkInvalid from None
    try:
        value = signer.unsign(token, max_age=link_max_age())
    except signing.SignatureExpired:
        raise LinkExpired(_registration_from_value(signer.unsign(token))) from None
    except signing.BadSignature:
        raise LinkInvalid from None
    registration = _registration_from_value(value)
    if registration is None:
        raise LinkInvalid
    return registration


def registration_page_for(registration):
    """The registration page to build the private link on, in the submitter's language when translated."""
    page = registration.registration_page
    if page is None:
        return None
    locale = Locale.objects.filter(language_code=registration.language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated if translated is not None and translated.live else page


def private_link(registration):
    page = registration_page_for(registration)
    if page is None:
        return ""
    return page.get_full_url() + page.reverse_subpage("private_link", kwargs={"token": make_token(registration)})
