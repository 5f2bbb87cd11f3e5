import pytest
from django.core.exceptions import ValidationError

from directory.validators import (
    is_organisation_code,
    is_valid_partita_iva,
    is_valid_personal_fiscal_code,
    normalize_fiscal_code,
    validate_fiscal_code,
    validate_founding_year,
)


@pytest.mark.parametrize("code", ["12345678903", "01234567897", "00743110157", "IT12345678903", "123 456 789 03"])
def test_valid_partita_iva_and_organisation_codes_pass(code):
    validate_fiscal_code(code)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("12345678901", "fiscal_code_check"),  # wrong check digit
        ("00743110158", "fiscal_code_check"),
        ("00000000000", "fiscal_code_check"),
        ("1234567890", "fiscal_code_length"),  # 10 digits
        ("123456789012", "fiscal_code_length"),
        ("ABC", "fiscal_code_format"),
        ("RSSMRA85T10A562", "fiscal_code_format"),  # 15 characters
        ("RSSMRA85Z10A562S", "fiscal_code_format"),  # Z is not a month letter
        ("RSSMRA85T10A562T", "fiscal_code_check"),  # wrong check character
    ],
)
def test_invalid_codes_are_refused_with_a_specific_error(code, error):
    with pytest.raises(ValidationError) as raised:
        validate_fiscal_code(code)
    assert raised.value.code == error


@pytest.mark.parametrize("code", ["RSSMRA85T10A562S", "rssmra85t10a562s", "RSSMRA85T10A56NH"])
def test_personal_codice_fiscale_with_its_check_character_passes(code):
    # The last one is the omocodia variant (a digit replaced by a letter, check character recomputed).
    validate_fiscal_code(code)
    assert is_valid_personal_fiscal_code(normalize_fiscal_code(code))
    assert not is_organisation_code(code)


def test_check_digit_algorithm():
    assert is_valid_partita_iva("12345678903")
    assert not is_valid_partita_iva("12345678904")
    assert not is_valid_partita_iva("1234567890A")
    assert is_organisation_code("IT 12345678903")


def test_founding_year_cannot_be_in_the_future():
    validate_founding_year(1998)
    with pytest.raises(ValidationError):
        validate_founding_year(3000)
    with pytest.raises(ValidationError):
        validate_founding_year(1200)
