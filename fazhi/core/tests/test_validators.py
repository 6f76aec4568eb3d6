import pytest
from django.core.exceptions import ValidationError

from fazhi.core.validators import (
    credit_code_check_char,
    id_number_check_char,
    mask_id_number,
    validate_area_code,
    validate_credit_code,
    validate_id_number,
)


def test_published_sample_id_number_passes():
    # The worked example of GB 11643-1999, annex: 11010519491231002X.
    validate_id_number("11010519491231002X")
    assert id_number_check_char("11010519491231002") == "X"


@pytest.mark.parametrize(
    "value",
    ["110105194912310021", "11010519491331002X", "1101051949123100", "11010519491231002Y"],
)
def test_wrong_id_numbers_are_refused(value):
    with pytest.raises(ValidationError):
        validate_id_number(value)


def test_real_credit_code_passes():
    # 91350100M000100Y43 is the example in GB 32100-2015.
    validate_credit_code("91350100M000100Y43")
    assert credit_code_check_char("91350100M000100Y4") == "3"


@pytest.mark.parametrize("value", ["91350100M000100Y44", "91350100M000100Y4", "9135O100M000100Y43"])
def test_wrong_credit_codes_are_refused(value):
    with pytest.raises(ValidationError):
        validate_credit_code(value)


def test_id_numbers_are_masked_keeping_region_and_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"


def test_area_codes_have_six_or_nine_digits():
    validate_area_code("510704")
    validate_area_code("510704101")
    with pytest.raises(ValidationError):
        validate_area_code("51070")


# --- properties ----------------------------------------------------------------------------
from datetime import date  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@st.composite
def id_numbers(draw):
    region = draw(st.from_regex(r"\d{6}", fullmatch=True))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
    order = draw(st.from_regex(r"\d{3}", fullmatch=True))
    first17 = f"{region}{born:%Y%m%d}{order}"
    return first17 + id_number_check_char(first17)


@given(id_numbers())
def test_every_id_number_with_its_check_digit_passes(number):
    validate_id_number(number)


@given(id_numbers(), st.integers(0, 16), st.integers(1, 9))
def test_changing_one_digit_of_an_id_number_is_caught(number, position, shift):
    digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + digit + number[position + 1 :]
    with pytest.raises(ValidationError):
        validate_id_number(changed)


@given(
    st.text(alphabet=CREDIT_ALPHABET, min_size=17, max_size=17),
    st.integers(0, 16),
    st.integers(1, 30),
)
def test_a_credit_code_passes_with_its_check_character_and_fails_with_one_changed(
    first17, position, shift
):
    code = first17 + credit_code_check_char(first17)
    validate_credit_code(code)
    changed_char = CREDIT_ALPHABET[(CREDIT_ALPHABET.index(code[position]) + shift) % 31]
    with pytest.raises(ValidationError):
        validate_credit_code(code[:position] + changed_char + code[position + 1 :])
