"""Validators of Chinese identifiers: resident ID numbers (GB 11643) and unified social credit
codes (GB 32100), and administrative-division codes (GB/T 2260)."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_ID_CHECK = "10X98765432"


def id_number_check_char(first17: str) -> str:
    """The GB 11643 check character (0-9 or X) for the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def validate_id_number(value: str) -> None:
    """An 18-character resident ID number: digits, a real birth date, the GB 11643 checksum."""
    value = (value or "").strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        raise ValidationError(_("A resident ID number has 17 digits and a final digit or X."))
    try:
        date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise ValidationError(_("The birth date in this ID number does not exist.")) from None
    if id_number_check_char(value[:17]) != value[17]:
        raise ValidationError(_("The check digit of this ID number is wrong."))


def mask_id_number(value: str) -> str:
    """Keep the first 6 and last 4 characters: 510704********123X."""
    if not value:
        return ""
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


# GB 32100: 18 characters from this alphabet (no I, O, Z, S, V).
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code_check_char(first17: str) -> str:
    pairs = zip(first17, _CREDIT_WEIGHTS, strict=True)
    total = sum(_CREDIT_ALPHABET.index(c) * w for c, w in pairs)
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    """An 18-character unified social credit code with a correct GB 32100 check character."""
    value = (value or "").strip().upper()
    if len(value) != 18 or any(c not in _CREDIT_ALPHABET for c in value):
        raise ValidationError(
            _(
                "A unified social credit code has 18 characters of digits and capital letters "
                "(no I, O, Z, S or V)."
            )
        )
    if credit_code_check_char(value[:17]) != value[17]:
        raise ValidationError(_("The check character of this unified social credit code is wrong."))


def validate_area_code(value: str) -> None:
    """A GB/T 2260 administrative-division code: six digits, optionally followed by a
    three-digit township code (GB/T 10114)."""
    if not re.fullmatch(r"\d{6}(\d{3})?", value or ""):
        raise ValidationError(_("An area code has 6 digits (or 9 for a township)."))


# Characters no input keeps: C0 controls, DEL, lone surrogates and the two non-characters an
# XML document (a workbook, a Word file) cannot hold. Multi-line text keeps tab and line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_CONTROL_SINGLE_LINE = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def validate_text(value: str, *, multiline: bool = False) -> None:
    """Refuse invisible control characters (pasted from Word or sent through the API) with the
    character named; a single line refuses line breaks and tabs too."""
    if not isinstance(value, str):
        return
    found = (_CONTROL if multiline else _CONTROL_SINGLE_LINE).search(value)
    if found:
        char = found.group()
        if char in "\n\r":
            raise ValidationError(_("This field is one line: remove the line break."))
        raise ValidationError(
            _(
                "Remove the invisible control character U+%(code)04X (often pasted in from Word "
                "or another program) and save again."
            )
            % {"code": ord(char)},
            code="control_character",
        )


def validate_single_line(value: str) -> None:
    validate_text(value)


def validate_multiline(value: str) -> None:
    validate_text(value, multiline=True)


def guard_model_text_fields(models) -> None:
    """Every free-text field of `models` refuses control characters: a TextField keeps line
    breaks and tabs, a CharField is one line. Fields with choices are checked by their choices.
    Called once at start-up for the project's own apps, so a new line of work is covered
    without declaring it on each field; forms, serializers and services' full_clean() all run
    model validators."""
    from django.db.models import CharField, TextField

    for model in models:
        for field in model._meta.local_fields:
            if not isinstance(field, CharField | TextField) or field.choices:
                continue
            validator = validate_multiline if isinstance(field, TextField) else validate_single_line
            # `validators` (a cached list): the declared `_validators` would enter migrations.
            if validator not in field.validators:
                field.validators.append(validator)


def strip_control_characters(text: str) -> str:
    """`text` without the characters `validate_text(multiline=True)` refuses: what an output
    (a Word document) does with text stored before they were refused."""
    return _CONTROL.sub("", text)


# A mobile number (11 digits from 13…19), or a landline with its area code (0816-2345678,
# 028-85551234), an extension after a further hyphen; spaces and hyphens are the writer's.
_PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$")


def validate_phone(value: str) -> None:
    if value and not _PHONE.match(re.sub(r"[\s]", "", value)):
        raise ValidationError(
            _(
                "A phone number is an 11-digit mobile number or a landline with its area code, "
                "e.g. 13812345678 or 0816-2345678."
            ),
            code="phone",
        )
