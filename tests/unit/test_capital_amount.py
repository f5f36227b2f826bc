"""capital_amount: the 大写 amount printed on receipts and shown at the read-back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.money import capital_amount


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (5, "人民币伍分"),
        (1000, "人民币壹拾元整"),
        (10001000, "人民币壹拾万零壹拾元整"),
        (10, "人民币壹角整"),
        (12850, "人民币壹佰贰拾捌元伍角整"),
        (105, "人民币壹元零伍分"),
        (0, "人民币零元整"),
        (15, "人民币壹角伍分"),
        (10005, "人民币壹佰元零伍分"),
        (168032, "人民币壹仟陆佰捌拾元叁角贰分"),
        (100, "人民币壹元整"),
        (1_000_000, "人民币壹万元整"),
        (100_000_000, "人民币壹佰万元整"),
        (101_000_000, "人民币壹佰零壹万元整"),
        (1_010_000_000, "人民币壹仟零壹拾万元整"),
        (10_000_000_000, "人民币壹亿元整"),
        (10_000_100_000, "人民币壹亿零壹仟元整"),
        (10_100_000_000, "人民币壹亿零壹佰万元整"),
        (10_700_053, "人民币壹拾万柒仟元伍角叁分"),
        (2_000_000_000_000_00, "人民币贰万亿元整"),
        (1_0001_0000_0000_00, "人民币壹万零壹亿元整"),
        (1_0000_0000_0010_00, "人民币壹万亿零壹拾元整"),
        (16800, "人民币壹佰陆拾捌元整"),
        (7150, "人民币柒拾壹元伍角整"),
        (20000, "人民币贰佰元整"),
    ],
)
def test_vectors(fen: int, text: str) -> None:
    assert capital_amount(fen) == text


def test_refuses_what_is_not_integer_fen() -> None:
    with pytest.raises(TypeError):
        capital_amount(12.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        capital_amount(-1)


# An independent reading of a capital amount back into fen, for the round trip.
DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def read_capital(text: str) -> int:
    assert text.startswith("人民币")
    body = text[3:]
    body = body.removesuffix("整")
    yuan_text, _, rest = body.partition("元") if "元" in body else ("", "", body)
    result = section = number = 0
    for ch in yuan_text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL:
            section += number * SMALL[ch]
            number = 0
        elif ch == "万":
            section = (section + number) * 10_000
            number = 0
        elif ch == "亿":
            result = (result + section + number) * 100_000_000
            section = number = 0
        else:
            raise AssertionError(f"unexpected {ch!r} in {text}")
    yuan = result + section + number
    m = re.fullmatch(r"零?(?:(.)角)?(?:(.)分)?", rest)
    assert m, text
    jiao = DIGITS[m.group(1)] if m.group(1) else 0
    fen = DIGITS[m.group(2)] if m.group(2) else 0
    return yuan * 100 + jiao * 10 + fen


@given(st.integers(min_value=0, max_value=10**17))
def test_round_trip(fen: int) -> None:
    assert read_capital(capital_amount(fen)) == fen


@given(st.integers(min_value=0, max_value=10**17))
def test_form_rules(fen: int) -> None:
    text = capital_amount(fen)
    assert text.startswith("人民币")
    assert "零零" not in text
    assert text.endswith("整") == (fen % 10 == 0)  # 整 after 元 or 角, never after 分
    if fen:
        assert not re.search("零[元万亿整角]", text)  # a 零 never stands before a unit
    assert not re.search("(?<![壹贰叁肆伍陆柒捌玖])[拾佰仟]", text)  # always 壹拾, never bare 拾
    if fen >= 100:
        assert "元" in text
    if fen < 100:
        assert "元" not in text or fen == 0
