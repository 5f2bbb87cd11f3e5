"""Anti-abuse pieces shared by every public form: honeypot, per-IP rate limit, consent, size limits.

Settings (read with getattr, so none is required):

- ``FORMS_RATE_LIMIT``: accepted submissions per client IP, as ``"5/hour"`` (the
  default), ``"20/day"``, ``"2/minute"`` or a plain number meaning per hour.
- ``FORMS_CLIENT_IP_HEADER``: the ``request.META`` key holding the client IP
  (``REMOTE_ADDR`` by default; ``HTTP_X_REAL_IP`` behind a proxy that sets it).
"""

import hashlib

from django import forms as django_forms
from django.conf import settings
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

# Bumped whenever the wording of the consent sentence changes: stored with every consent.
CONSENT_TEXT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "Ho letto l'informativa sulla privacy e acconsento al trattamento dei dati che ho inserito "
    "per rispondere alla mia richiesta."
)

# Generous for a person, tight for a flood.
MAX_SHORT_TEXT = 255
MAX_LONG_TEXT = 5000

HONEYPOT_FIELD = "fax_number"
CONSENT_FIELD = "privacy_consent"

_PERIODS = {"minute": 60, "hour": 60 * 60, "day": 24 * 60 * 60}


def rate_limit():
    """(submissions, seconds) from ``settings.FORMS_RATE_LIMIT``."""
    value = getattr(settings, "FORMS_RATE_LIMIT", "5/hour")
    if isinstance(value, int):
        return value, _PERIODS["hour"]
    count, _sep, period = str(value).partition("/")
    return int(count), _PERIODS.get(period.strip() or "hour", _PERIODS["hour"])


def client_ip(request):
    header = getattr(settings, "FORMS_CLIENT_IP_HEADER", "REMOTE_ADDR")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    # A forwarded-for list: the first address is the client.
    return value.split(",")[0].strip()


def _rate_key(request, scope):
    # The IP is hashed: the cache holds no personal data in clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()[:32]
    return f"forms:rate:{scope}:{digest}"


def is_rate_limited(request, scope="forms"):
    """True when this client already used up its submissions for the period."""
    limit, _seconds = rate_limit()
    return (cache.get(_rate_key(request, scope)) or 0) >= limit


def record_submission(request, scope="forms"):
    """Count one accepted submission (or one caught bot) against the client's allowance."""
    _limit, seconds = rate_limit()
    key = _rate_key(request, scope)
    cache.add(key, 0, timeout=seconds)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)


class HoneypotWidget(django_forms.TextInput):
    """A text input people never see (hidden by the template) and bots happily fill in."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "tabindex": "-1", **(attrs or {})})


class ProtectedFormMixin:
    """Adds the honeypot and the consent checkbox to a form.

    Pass ``privacy_url`` (the portal's privacy page, may be empty) when building the form.
    ``is_bot()`` tells whether the honeypot was filled in; cleaned data never contains either field.
    """

    protected_fields = (HONEYPOT_FIELD, CONSENT_FIELD)

    def __init__(self, *args, privacy_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.privacy_url = privacy_url
        self.fields[HONEYPOT_FIELD] = django_forms.CharField(
            label=_("Non compilare questo campo"), required=False, widget=HoneypotWidget()
        )
        if privacy_url:
            label = format_html(
                '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
                CONSENT_TEXT,
                privacy_url,
                _("Leggi l'informativa (si apre in una nuova finestra)"),
            )
        else:
            label = CONSENT_TEXT
        self.fields[CONSENT_FIELD] = django_forms.BooleanField(
            label=label,
            required=True,
            error_messages={"required": _("Per inviare il modulo devi acconsentire al trattamento dei dati.")},
        )

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def public_fields(self):
        """The bound fields to render in the form body (without honeypot and consent)."""
        return [field for field in self if field.name not in self.protected_fields]

    def submitted_data(self):
        return {key: value for key, value in self.cleaned_data.items() if key not in self.protected_fields}

    def consent_text(self):
        return str(CONSENT_TEXT)
