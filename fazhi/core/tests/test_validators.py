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
