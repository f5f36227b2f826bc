"""GB 11643 check characters."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.idcard import check_digit, is_valid

# Published example numbers (the standard's own example and a widely cited one).
KNOWN_VALID = ["11010519491231002X", "440524188001010014"]


@pytest.mark.parametrize("number", KNOWN_VALID)
def test_known_numbers_validate(number):
    assert is_valid(number)
    assert check_digit(number[:17]) == number[17]


def test_lower_case_x_is_accepted():
    assert is_valid("11010519491231002x")


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check character
        "11010519491231002",  # too short
        "11010519491231002XX",  # too long
        "11010519490231002X",  # 1949-02-31 does not exist
        "1101051949123100２X",  # full-width digit
        "A1010519491231002X",
        "",
    ],
)
def test_invalid_numbers_are_refused(number):
    assert not is_valid(number)


def test_check_digit_refuses_wrong_length():
    with pytest.raises(ValueError):
        check_digit("1234")


@given(
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(0, 999),
)
def test_exactly_one_check_character_makes_a_number_valid(region, birth, seq):
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    fitting = [ch for ch in "0123456789X" if is_valid(first17 + ch)]
    assert fitting == [check_digit(first17)]


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_changing_one_digit_breaks_the_check(first17):
    # MOD 11-2 detects every single-digit error.
    good = first17 + check_digit(first17)
    for i in range(17):
        d = int(first17[i])
        altered = first17[:i] + str((d + 1) % 10) + first17[i + 1 :]
        assert check_digit(altered) != good[17]
