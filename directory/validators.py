"""Validators for the identifiers an organisation gives when it is listed.

* partita IVA and the numeric codice fiscale of organisations: 11 digits, the
  last one a check digit (the same algorithm for both);
* codice fiscale of a person (sole traders): 16 characters, format and check
  character (omocodia letters accepted).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERSONAL_CF_RE = re.compile(r"^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$")

# Values of the characters in odd positions (1st, 3rd …) of a personal codice fiscale.
_ODD_VALUES = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21]
        + [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23],
        strict=True,
    )
)


def normalize_fiscal_code(value):
    """Upper case, without spaces, dots or dashes; "IT" before a partita IVA removed."""
    value = re.sub(r"[\s.\-]", "", value or "").upper()
    if len(value) == 13 and value.startswith("IT") and value[2:].isdigit():
        value = value[2:]
    return value


def is_valid_partita_iva(value):
    """11 digits with a correct check digit (also the codice fiscale of organisations)."""
    if not re.fullmatch(r"\d{11}", value or ""):
        return False
    digits = [int(char) for char in value]
    total = 0
    for index, digit in enumerate(digits[:10]):
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return (10 - total % 10) % 10 == digits[10] and value != "00000000000"


def is_valid_personal_fiscal_code(value):
    """16 characters in the codice fiscale format with a correct check character."""
    if not PERSONAL_CF_RE.fullmatch(value or ""):
        return False
    total = 0
    for index, char in enumerate(value[:15]):
        if index % 2 == 0:
            total += _ODD_VALUES[char]
        else:
            total += int(char) if char.isdigit() else ord(char) - ord("A")
    return chr(ord("A") + total % 26) == value[15]


def is_organisation_code(value):
    """True for the 11-digit code of an organisation (publishable), False for a person's code."""
    return bool(re.fullmatch(r"\d{11}", normalize_fiscal_code(value)))


def validate_fiscal_code(value):
    """A partita IVA, the numeric codice fiscale of an organisation, or a person's codice fiscale."""
    code = normalize_fiscal_code(value)
    if code.isdigit():
        if len(code) != 11:
            raise ValidationError(
                _("Il codice fiscale o la partita IVA di un'organizzazione ha 11 cifre."), code="fiscal_code_length"
            )
        if not is_valid_partita_iva(code):
            raise ValidationError(
                _("Il codice non è valido: controlla le cifre (la cifra di controllo non corrisponde)."),
                code="fiscal_code_check",
            )
        return
    if len(code) != 16 or not PERSONAL_CF_RE.fullmatch(code):
        raise ValidationError(
            _(
                "Scrivi una partita IVA o un codice fiscale numerico di 11 cifre, oppure un codice fiscale di 16 caratteri."
            ),
            code="fiscal_code_format",
        )
    if not is_valid_personal_fiscal_code(code):
        raise ValidationError(
            _("Il codice fiscale non è valido: il carattere di controllo non corrisponde."), code="fiscal_code_check"
        )


def validate_founding_year(value):
    if value is not None and not 1800 <= value <= timezone.localdate().year:
        raise ValidationError(
            _("Scrivi un anno tra il 1800 e l'anno in corso."),
            code="founding_year",
        )


validate_postcode = RegexValidator(r"^\d{5}$", _("Il CAP ha 5 cifre."), code="postcode")
validate_province = RegexValidator(r"^[A-Z]{2}$", _("Scrivi la sigla della provincia, due lettere maiuscole (es. SI)."))
validate_phone = RegexValidator(
    r"^\+?[0-9][0-9 ./\-]{4,19}$", _("Scrivi un numero di telefono: cifre, spazi e un eventuale + iniziale.")
)
validate_runts_number = RegexValidator(
    r"^[0-9A-Za-z/\-]{1,30}$", _("Scrivi il numero di iscrizione al RUNTS (cifre, lettere, / o -).")
)


# --- rules across fields: written once, for the admin (model clean) and the public form -------

LOGO_ALT_MESSAGE = _("Descrivi il logo in poche parole per chi non può vederlo.")
COORDINATES_MESSAGE = _("Indica sia la latitudine sia la longitudine, oppure nessuna delle due.")
HOURS_MESSAGE = _("L'orario di chiusura deve venire dopo quello di apertura.")


def entry_errors(*, has_logo, logo_alt, latitude, longitude):
    """{field: message} for the rules that tie an entry's fields together."""
    errors = {}
    if has_logo and not (logo_alt or "").strip():
        errors["logo_alt"] = LOGO_ALT_MESSAGE
    if (latitude is None) != (longitude is None):
        errors["longitude" if longitude is None else "latitude"] = COORDINATES_MESSAGE
    return errors


def opening_hours_errors(opens, closes):
    """{field: message} when a row of opening hours closes before it opens."""
    return {"closes": HOURS_MESSAGE} if opens is not None and closes is not None and closes <= opens else {}
