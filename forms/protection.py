"""What every public form shares: honeypot, consent, a one-time submission token, an atomic rate limit.

``submit(request, form, scope, page, save)`` is the one routine both the editors' forms and the
self-registration use. It answers with an outcome, never an exception:

- ``"limited"``: the client used up its allowance (``FORMS_RATE_LIMIT``); nothing stored;
- ``"bot"``: the honeypot was filled in; nothing stored, the bot is shown the thank-you page;
- ``"invalid"``: field errors (including an expired or missing token); nothing stored;
- ``"duplicate"``: this form was already sent (double click, browser retry, back and resubmit);
  nothing more stored, the citizen sees the same thank-you page;
- ``"accepted"``: ``save()`` ran in one transaction with the token and the rate-limit count.

The client address is ``REMOTE_ADDR``, or behind ``TRUSTED_PROXIES`` proxies the address the
outermost of them appended to ``X-Forwarded-For``: never an address the client wrote itself.
"""

import hashlib
import secrets
from datetime import UTC as utc
from datetime import datetime, timedelta

from django import forms as django_forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.client_address import client_ip

# Bumped whenever the wording of the consent sentence changes: stored with every consent.
CONSENT_TEXT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "Ho letto l'informativa sulla privacy e acconsento al trattamento dei dati che ho inserito "
    "per rispondere alla mia richiesta."
)
RATE_LIMITED_MESSAGE = _("Hai già inviato molti moduli da questa connessione: riprova tra un'ora.")
TOKEN_MESSAGE = _("Il modulo era aperto da troppo tempo: controlla i dati e invialo di nuovo.")

# Generous for a person, tight for a flood.
MAX_SHORT_TEXT = 255
MAX_LONG_TEXT = 5000

HONEYPOT_FIELD = "fax_number"
CONSENT_FIELD = "privacy_consent"
TOKEN_FIELD = "submission_token"  # noqa: S105 (a field name, not a secret)
TOKEN_SALT = "forms.submission-token"  # noqa: S105 (a signing namespace, not a secret)

_PERIODS = {"minute": 60, "hour": 60 * 60, "day": 24 * 60 * 60}


# --- client address and rate limit ---------------------------------------------------------


def rate_limit():
    """(submissions, seconds) from ``settings.FORMS_RATE_LIMIT`` ("5/hour", "20/day", "2/minute")."""
    count, _sep, period = str(settings.FORMS_RATE_LIMIT).partition("/")
    return int(count), _PERIODS.get(period.strip() or "hour", _PERIODS["hour"])


def _client_key(request):
    # Hashed: the database holds no address in clear.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()


def _window(seconds):
    now = timezone.now().timestamp()
    return datetime.fromtimestamp(now - now % seconds, tz=utc)


def is_rate_limited(request, scope):
    """A quick look (no lock): has this client already used up its allowance?"""
    from forms.models import RateLimitCounter

    limit, seconds = rate_limit()
    counter = RateLimitCounter.objects.filter(scope=scope, client=_client_key(request), window_start=_window(seconds))
    return counter.filter(count__gte=limit).exists()


def take_slot(request, scope):
    """Count one submission if the allowance has room; False if not. Call inside the submission's transaction.

    The counter row is locked until that transaction ends, so concurrent submissions from one
    client are counted one after the other, and a submission rolled back is not counted.
    """
    from forms.models import RateLimitCounter

    limit, seconds = rate_limit()
    key = {"scope": scope, "client": _client_key(request), "window_start": _window(seconds)}
    # Its own transaction when called outside one; inside the submission's, no savepoint is needed.
    with transaction.atomic(savepoint=False):
        # Locked as it is read, or created (and so held) by this transaction; a concurrent creator
        # waits on the unique constraint, then reads the row under the lock.
        counter, _created = RateLimitCounter.objects.select_for_update().get_or_create(**key)
        if counter.count >= limit:
            return False
        RateLimitCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    return True


# --- one-time submission tokens -----------------------------------------------------------


def new_token():
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(secrets.token_urlsafe(16))


def token_is_valid(token):
    try:
        signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=settings.FORMS_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    return True


class DuplicateSubmission(Exception):
    pass


class RateLimited(Exception):
    pass


def _claim_token(token, page):
    """Record the token's use; DuplicateSubmission if it was used (or is being used right now)."""
    from forms.models import SubmissionToken

    if SubmissionToken.objects.filter(token=token).exists():
        raise DuplicateSubmission
    try:
        # A concurrent request with the same token waits here on the unique index until the
        # first one commits or rolls back.
        with transaction.atomic():
            SubmissionToken.objects.create(token=token, page=page)
    except IntegrityError:
        raise DuplicateSubmission from None


def purge_expired():
    """Forget tokens and counters nobody can use any more (``manage.py purge_form_records``, daily).

    Returns how many tokens and counters were deleted.
    """
    from forms.models import RateLimitCounter, SubmissionToken

    now = timezone.now()
    tokens, _ = SubmissionToken.objects.filter(
        used_at__lt=now - timedelta(seconds=settings.FORMS_TOKEN_MAX_AGE)
    ).delete()
    counters, _ = RateLimitCounter.objects.filter(window_start__lt=now - timedelta(days=2)).delete()
    return tokens, counters


# --- the routine ---------------------------------------------------------------------------


def submit(request, form, scope, page, save):
    """Validate and store one public submission; see the module docstring for the outcomes."""
    if is_rate_limited(request, scope):
        form.is_valid()  # keep what was typed, with any field errors
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return "limited", None
    if form.is_bot():
        # Counted like a submission, so a bot soon meets the limit; it learns nothing else.
        take_slot(request, scope)
        return "bot", None
    if not form.is_valid():
        return "invalid", None
    try:
        with transaction.atomic():
            _claim_token(form.cleaned_data[TOKEN_FIELD], page)
            if not take_slot(request, scope):
                raise RateLimited
            result = save()
    except DuplicateSubmission:
        return "duplicate", None
    except RateLimited:
        form.add_error(None, RATE_LIMITED_MESSAGE)
        return "limited", None
    return "accepted", result


# --- form fields ---------------------------------------------------------------------------


class HoneypotWidget(django_forms.TextInput):
    """A text input people never see (hidden by the template) and bots happily fill in."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "tabindex": "-1", **(attrs or {})})


class ConsentCheckbox(django_forms.CheckboxInput):
    """Consent is the box's own value ("on", what a browser sends for a ticked box), nothing else.

    Django's checkbox reads any other non-empty string ("off", "no") as ticked.
    """

    def value_from_datadict(self, data, files, name):
        return data.get(name) == "on"


class ProtectedFormMixin:
    """Adds the honeypot, the consent checkbox and the one-time token to a form.

    Pass ``privacy_url`` (the portal's privacy page, may be empty) when building the form.
    ``is_bot()`` tells whether the honeypot was filled in; ``submitted_data()`` is the cleaned
    data without the protection fields. A bound form whose token is missing, altered or too old gets a fresh one
    and a message asking to send it again (nothing typed is lost).
    """

    protected_fields = (HONEYPOT_FIELD, CONSENT_FIELD, TOKEN_FIELD)

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
            widget=ConsentCheckbox(),
            error_messages={"required": _("Per inviare il modulo devi acconsentire al trattamento dei dati.")},
        )
        self.fields[TOKEN_FIELD] = django_forms.CharField(
            required=False, widget=django_forms.HiddenInput(), initial=new_token
        )
        self.token_refreshed = False
        if self.is_bound and not token_is_valid(self.data.get(self.add_prefix(TOKEN_FIELD), "")):
            self.data = self.data.copy()
            self.data[self.add_prefix(TOKEN_FIELD)] = new_token()
            self.token_refreshed = True

    def clean(self):
        cleaned_data = super().clean()
        if self.token_refreshed:
            raise django_forms.ValidationError(TOKEN_MESSAGE, code="token")
        return cleaned_data

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def public_fields(self):
        """The bound fields to render in the form body (without the protection fields)."""
        return [field for field in self if field.name not in self.protected_fields]

    def submitted_data(self):
        return {key: value for key, value in self.cleaned_data.items() if key not in self.protected_fields}

    def consent_text(self):
        return str(CONSENT_TEXT)
