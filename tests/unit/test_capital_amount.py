"""capital_amount: the 大写 amount printed on receipts and shown at the read-back.

The zero rule follows the People's Bank of China (《支付结算办法》, 附件《正确填写票据和
结算凭证的基本规定》): where the rules allow a 零 to be written or left out, GasDesk writes
the yuan as Chinese reads them (十万七千: no 零 after 万 when the 千 digit is not zero) and
always writes 零 after 元 when a zero stands between the yuan's last non-zero digit and the
角 or 分 (壹拾元零伍角, 壹仟元零伍分). ¥107,000.53 is 壹拾万柒仟元零伍角叁分, the first of the
two forms the bank gives, each carrying exactly one 零."""

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
        (1, "人民币壹分"),
        (1000, "人民币壹拾元整"),
        (10001000, "人民币壹拾万零壹拾元整"),
        (10, "人民币壹角整"),
        (12850, "人民币壹佰贰拾捌元伍角整"),
        (105, "人民币壹元零伍分"),
        (0, "人民币零元整"),
        (15, "人民币壹角伍分"),
        (10005, "人民币壹佰元零伍分"),
        (168032, "人民币壹仟陆佰捌拾元零叁角贰分"),
        (100, "人民币壹元整"),
        (1_000_000, "人民币壹万元整"),
        (100_000_000, "人民币壹佰万元整"),
        (101_000_000, "人民币壹佰零壹万元整"),
        (1_010_000_000, "人民币壹仟零壹拾万元整"),
        (10_000_000_000, "人民币壹亿元整"),
        (10_000_100_000, "人民币壹亿零壹仟元整"),
        (10_100_000_000, "人民币壹亿零壹佰万元整"),
        (10_700_053, "人民币壹拾万柒仟元零伍角叁分"),
        (10_700_000, "人民币壹拾万柒仟元整"),
        (10_000_050, "人民币壹拾万元零伍角整"),
        (100_005, "人民币壹仟元零伍分"),
        (1050, "人民币壹拾元零伍角整"),
        (140_950, "人民币壹仟肆佰零玖元伍角整"),
        (600_714, "人民币陆仟零柒元壹角肆分"),
        (32504, "人民币叁佰贰拾伍元零肆分"),
        (1_640_902, "人民币壹万陆仟肆佰零玖元零贰分"),
        (10_070_053, "人民币壹拾万零柒佰元零伍角叁分"),
        (100_700_000, "人民币壹佰万柒仟元整"),
        (10_000_700_053, "人民币壹亿零柒仟元零伍角叁分"),
        (50, "人民币伍角整"),
        (2010, "人民币贰拾元零壹角整"),
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


# The examples of the PBOC's rule (四) and every form it accepts for each.
PBOC_EXAMPLES = {
    140_950: {"人民币壹仟肆佰零玖元伍角", "人民币壹仟肆佰零玖元伍角整"},
    600_714: {"人民币陆仟零柒元壹角肆分"},
    168_032: {"人民币壹仟陆佰捌拾元零叁角贰分", "人民币壹仟陆佰捌拾元叁角贰分"},
    10_700_053: {"人民币壹拾万柒仟元零伍角叁分", "人民币壹拾万零柒仟元伍角叁分"},
    1_640_902: {"人民币壹万陆仟肆佰零玖元零贰分"},
    32_504: {"人民币叁佰贰拾伍元零肆分"},
}


@pytest.mark.parametrize("fen", sorted(PBOC_EXAMPLES))
def test_each_pboc_example_is_written_in_a_form_the_bank_gives(fen: int) -> None:
    assert capital_amount(fen) in PBOC_EXAMPLES[fen]


def test_107000_53_carries_exactly_one_zero() -> None:
    assert capital_amount(10_700_053).count("零") == 1


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


@pytest.mark.parametrize("fen", sorted(PBOC_EXAMPLES))
def test_the_reader_reads_every_form_the_bank_gives(fen: int) -> None:
    for text in PBOC_EXAMPLES[fen]:
        assert read_capital(text) == fen


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
    yuan, rest = divmod(fen, 100)
    # 零 after 元 exactly when zeros stand between the last non-zero yuan digit and the
    # first non-zero digit of the 角 and 分 (the PBOC's rules 3 and 4, house form)
    zero_after_yuan = bool(yuan) and bool(rest) and (yuan % 10 == 0 or rest < 10)
    assert ("元零" in text) == zero_after_yuan
    # the optional 零 of a zero 万 digit before a non-zero 千 is never written: the one 零
    # of such an amount is the one after 元
    assert not re.search("万零[壹贰叁肆伍陆柒捌玖]仟", text)
