"""parse_amount: what a teller may type into an amount field, and what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.money import DEFAULT_CEILING_FEN, AmountError, format_yuan, parse_amount


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("128.5", 12850),
        ("128.50", 12850),
        ("¥128.50", 12850),
        ("￥128.50", 12850),
        ("128.50元", 12850),
        ("¥ 128.50 元", 12850),
        ("１２８.５０", 12850),
        ("１２８．５", 12850),
        ("128", 12800),
        ("0.05", 5),
        (".5", 50),
        ("  200  ", 20000),
        ("1,234.50", 123450),
        ("50000", DEFAULT_CEILING_FEN),
    ],
)
def test_accepted(text: str, fen: int) -> None:
    assert parse_amount(text) == fen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("¥", "empty"),
        ("abc", "not_a_number"),
        ("12元5角", "not_a_number"),
        ("一百", "not_a_number"),
        ("+5", "not_a_number"),
        (".", "not_a_number"),
        ("-5", "negative"),
        ("−5", "negative"),
        ("－５", "negative"),
        ("-0", "negative"),
        ("0", "zero"),
        ("0.00", "zero"),
        ("¥0", "zero"),
        ("1.234", "too_many_decimals"),
        ("128.505", "too_many_decimals"),
        ("128.500", "too_many_decimals"),
        ("1e3", "exponent"),
        ("1E+2", "exponent"),
        ("2.5e-1", "exponent"),
        ("NaN", "not_finite"),
        ("nan", "not_finite"),
        ("Infinity", "not_finite"),
        ("inf", "not_finite"),
        ("-inf", "negative"),
        ("1,234", "ambiguous_separator"),
        ("12,50", "ambiguous_separator"),
        ("1.234,50", "ambiguous_separator"),
        ("1,23,456.00", "ambiguous_separator"),
        ("1.234.567", "ambiguous_separator"),
        ("1 234", "ambiguous_separator"),
        ("１，２３４", "ambiguous_separator"),
        ("50000.01", "too_large"),
        ("99999999999999999999", "too_large"),
    ],
)
def test_refused_with_a_reason(text: str, code: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert info.value.code == code
    assert info.value.message  # a sentence for the teller, never empty


def test_messages_say_why() -> None:
    with pytest.raises(AmountError) as info:
        parse_amount("128.505")
    assert info.value.message == "'128.505' has more than 2 decimals."
    with pytest.raises(AmountError) as info:
        parse_amount("60000")
    assert info.value.message == (
        "60000.00 yuan is above the limit of 50000.00 yuan for one entry; check the amount."
    )
    assert info.value.params == {"amount": "60000.00", "limit": "50000.00"}


def test_ceiling_is_configurable() -> None:
    assert parse_amount("500", ceiling_fen=500_00) == 500_00
    with pytest.raises(AmountError) as info:
        parse_amount("500.01", ceiling_fen=500_00)
    assert info.value.code == "too_large"
    assert parse_amount("80000", ceiling_fen=100_000_00) == 80_000_00


FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@given(st.integers(min_value=1, max_value=DEFAULT_CEILING_FEN))
def test_every_written_form_of_an_amount_reads_back(fen: int) -> None:
    text = format_yuan(fen)
    forms = [text, "¥" + text, text + "元", text.translate(FULL_WIDTH), f" ￥{text} "]
    if fen % 10 == 0:
        forms.append(text[:-1])  # 128.5
    if fen % 100 == 0:
        forms.append(text[:-3])  # 128
    for form in forms:
        assert parse_amount(form) == fen, form


@given(st.text(max_size=20))
def test_any_text_is_an_amount_in_range_or_a_refusal(text: str) -> None:
    try:
        fen = parse_amount(text)
    except AmountError as exc:
        assert exc.code and exc.message
    else:
        assert isinstance(fen, int) and 0 < fen <= DEFAULT_CEILING_FEN


@given(
    st.integers(min_value=0, max_value=49_999),
    st.text(alphabet="0123456789", min_size=3, max_size=6),
)
def test_more_than_two_decimals_is_always_refused(whole: int, decimals: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(f"{whole}.{decimals}")
    assert info.value.code == "too_many_decimals"


@given(st.integers(min_value=1, max_value=DEFAULT_CEILING_FEN))
def test_negative_amounts_are_always_refused(fen: int) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount("-" + format_yuan(fen))
    assert info.value.code == "negative"
