import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain import idcard

# GB 11643-1999 worked example (11010519491231002X), the widely cited 440524188001010014,
# and one checked by hand with the ISO 7064 formula (12 - S mod 11) mod 11.
EXAMPLES = [
    ("11010519491231002", "X"),
    ("44052418800101001", "4"),
    ("37030319900307123", "5"),
]


@pytest.mark.parametrize(("first17", "check"), EXAMPLES)
def test_check_digit_vectors(first17: str, check: str) -> None:
    assert idcard.check_digit(first17) == check
    assert idcard.is_valid(first17 + check)


def test_every_other_last_character_is_refused() -> None:
    for ch in "0123456789X":
        assert idcard.is_valid("11010519491231002" + ch) == (ch == "X")


def test_lower_case_x_and_full_width_digits_are_accepted() -> None:
    assert idcard.is_valid("11010519491231002x")
    assert idcard.is_valid("１１０１０５１９４９１２３１００２Ｘ")


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("", "length"),
        ("1101051949123100", "length"),
        ("110105194912310021X", "length"),
        ("1101051949123100AX", "characters"),
        ("11010519491331002X", "birth_date"),
        ("110105194902300020", "birth_date"),
        ("11010519491231002 1", "check_digit"),
    ],
)
def test_problems_are_named(number: str, problem: str) -> None:
    assert idcard.problem(number) == problem
    assert not idcard.is_valid(number)


def test_birth_date_in_the_future_is_refused() -> None:
    first17 = "11010520991231002"
    assert (
        idcard.problem(first17 + idcard.check_digit(first17), today=dt.date(2026, 11, 1))
        == "birth_date"
    )


def test_check_digit_wants_17_digits() -> None:
    with pytest.raises(ValueError):
        idcard.check_digit("1234")


@given(
    st.dates(dt.date(1920, 1, 1), dt.date(2020, 12, 31)),
    st.integers(0, 999),
    st.integers(110000, 659999),
)
def test_one_changed_digit_is_always_caught(born: dt.date, seq: int, region: int) -> None:
    first17 = f"{region:06d}{born:%Y%m%d}{seq:03d}"
    number = first17 + idcard.check_digit(first17)
    assert idcard.is_valid(number)
    for i in range(17):
        d = str((int(number[i]) + 1) % 10)
        changed = number[:i] + d + number[i + 1 :]
        assert idcard.problem(changed) in ("check_digit", "birth_date")
