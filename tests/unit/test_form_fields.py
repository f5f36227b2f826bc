import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gasdesk.domain.appointments import parse_config
from gasdesk.domain.form_fields import (
    ValidationContext,
    parse_amount_fen,
    validate_phone,
    validate_value,
)
from gasdesk.domain.form_spec import FieldSpec, FieldType
from gasdesk.resources import load_toml

CTX = ValidationContext(
    today=dt.date(2026, 9, 30), appointments=parse_config(load_toml("appointments.toml"))
)


def spec(t: FieldType, **kw: object) -> FieldSpec:
    return FieldSpec("f", "字段", t, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13905331234", "13905331234"),
        ("139 0533 1234", "13905331234"),
        ("+8619905331234", "19905331234"),
        ("１３９０５３３１２３４", "13905331234"),
        ("0533-8777760", "0533-8777760"),
        ("05336886656", "0533-6886656"),
        ("010-12345678", "010-12345678"),
    ],
)
def test_phone_accepted(text: str, value: str) -> None:
    assert validate_phone(text) == (value, None)


@pytest.mark.parametrize(
    "text", ["12905331234", "1390533123", "139053312345", "8777760", "0533-0777760", "phone"]
)
def test_phone_refused(text: str) -> None:
    value, err = validate_phone(text)
    assert value is None and err is not None and err.code == "phone"


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("30", 3000),
        ("30.5", 3050),
        ("30.50", 3050),
        ("¥128.5", 12850),
        ("１２８.５", 12850),
        ("30元", 3000),
        ("0.01", 1),
    ],
)
def test_amount_accepted(text: str, fen: int) -> None:
    assert parse_amount_fen(text) == (fen, None)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-5", "amount_negative"),
        ("1.234", "amount_decimals"),
        ("1e3", "amount"),
        ("NaN", "amount"),
        ("", "amount"),
        ("12345678901", "amount_too_large"),
        ("30.", "amount"),
    ],
)
def test_amount_refused(text: str, code: str) -> None:
    fen, err = parse_amount_fen(text)
    assert fen is None and err is not None and err.code == code


@given(st.integers(0, 10_000_000 * 100))
def test_amount_round_trip(fen: int) -> None:
    assert parse_amount_fen(f"{fen // 100}.{fen % 100:02d}") == (fen, None)


def test_amount_bounds_from_the_definition() -> None:
    s = spec(FieldType.AMOUNT, max_amount_fen=500000)
    assert validate_value(s, "5000", CTX) == (500000, None)
    _, err = validate_value(s, "5000.01", CTX)
    assert err is not None and err.code == "amount_above_max" and "5000" in err.message


def test_required_and_lengths() -> None:
    s = spec(FieldType.TEXT, required=True, min_length=2, max_length=4)
    assert validate_value(s, "  ", CTX)[1].code == "required"  # type: ignore[union-attr]
    assert validate_value(s, "王", CTX)[1].code == "too_short"  # type: ignore[union-attr]
    assert validate_value(s, "王五六七八", CTX)[1].code == "too_long"  # type: ignore[union-attr]
    assert validate_value(s, " 王  五 ", CTX) == ("王 五", None)
    assert validate_value(spec(FieldType.TEXT), "", CTX) == ("", None)


def test_pattern_and_choice() -> None:
    s = spec(FieldType.TEXT, pattern=r"\d{3}", pattern_hint="three digits")
    assert validate_value(s, "123", CTX) == ("123", None)
    err = validate_value(s, "12a", CTX)[1]
    assert err is not None and "three digits" in err.message
    c = spec(FieldType.CHOICE, choices=("停气", "复气"))
    assert validate_value(c, "复气", CTX) == ("复气", None)
    assert validate_value(c, "断气", CTX)[1].code == "not_a_choice"  # type: ignore[union-attr]


def test_idcard_field_names_the_problem() -> None:
    s = spec(FieldType.IDCARD)
    assert validate_value(s, "11010519491231002x", CTX) == ("11010519491231002X", None)
    assert validate_value(s, "110105194912310021", CTX)[1].code == "idcard_check_digit"  # type: ignore[union-attr]
    assert validate_value(s, "1101051949", CTX)[1].code == "idcard_length"  # type: ignore[union-attr]


def test_date_and_timeslot() -> None:
    assert validate_value(spec(FieldType.DATE), "2026/10/8", CTX)[1].code == "date"  # type: ignore[union-attr]
    assert validate_value(spec(FieldType.DATE), "2026/10/08", CTX) == ("2026-10-08", None)
    assert validate_value(spec(FieldType.DATE), "2026-02-30", CTX)[1].code == "date"  # type: ignore[union-attr]
    ts = spec(FieldType.TIMESLOT, slot_kind="repair")
    assert validate_value(ts, "2026-10-08 08:30-10:30", CTX) == ("2026-10-08 08:30-10:30", None)
    assert validate_value(ts, "2026-10-08 09:00-10:00", CTX)[1].code == "timeslot_unknown"  # type: ignore[union-attr]
    assert validate_value(ts, "2026-09-29 08:30-10:30", CTX)[1].code == "timeslot_past"  # type: ignore[union-attr]
    assert validate_value(ts, "tomorrow", CTX)[1].code == "timeslot"  # type: ignore[union-attr]


def test_account_format() -> None:
    assert validate_value(spec(FieldType.ACCOUNT), "１０００01", CTX) == ("100001", None)
    assert validate_value(spec(FieldType.ACCOUNT), "10-01", CTX)[1].code == "account"  # type: ignore[union-attr]


def test_longtext_keeps_line_breaks() -> None:
    s = spec(FieldType.LONGTEXT, max_length=1000)
    assert validate_value(s, "第一行\n第二行\n", CTX) == ("第一行\n第二行", None)


@pytest.mark.parametrize(
    ("compare", "a", "b", "same"),
    [
        ("name", "王建国", "王 建国", True),
        ("name", "买买提·艾力", "买买提.艾力", True),
        ("name", "买买提·艾力", "买买提•艾力", True),
        ("name", "Smith John", "smith  john", True),
        ("name", "王建国", "王建军", False),
        ("address", "锦绣苑3号楼2单元201", "锦绣苑３号楼 2单元201", True),
        ("address", "锦绣苑3号楼2单元201", "锦绣苑3号楼2单元202", False),
        ("meter", "MS-0001", "ms0001", True),
        ("meter", "MS-0001", "ＭＳ－０００１", True),
        ("meter", "MS-0001", "MS-0010", False),
    ],
)
def test_account_fields_compare_without_keyboard_noise(
    compare: str, a: str, b: str, same: bool
) -> None:
    from gasdesk.domain import form_match

    assert getattr(form_match, f"same_{compare}")(a, b) is same
