"""Validating what the teller typed into a form: pure functions, one per field type.

Each validator returns (value, None) with the normalised value to store, or
(None, FieldError) with a code the UI turns into a message beside the field.
Amounts are parsed strictly here (yuan with at most two decimals -> integer fen):
gasdesk.domain.money has no parser yet; when it gains one this should use it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gasdesk.domain import idcard
from gasdesk.domain.appointments import (
    AppointmentConfig,
    format_timeslot,
    parse_timeslot,
    slot_has_ended,
)
from gasdesk.domain.form_spec import FieldSpec, FieldType, FormSpec
from gasdesk.domain.text import UserError

MOBILE_RE = re.compile(r"1[3-9]\d{9}")
LANDLINE_RE = re.compile(r"(0\d{2,3})-?([1-9]\d{6,7})")
ACCOUNT_RE = re.compile(r"\d{4,16}")
AMOUNT_RE = re.compile(r"(\d{1,9})(?:\.(\d{1,2}))?")
MAX_AMOUNT_FEN = 10_000_000 * 100  # ten million yuan: anything larger is a typing slip
FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "．": ".",
    "－": "-",
    "—": "-",
    "–": "-",
    "　": " ",
}

Value = str | int


@dataclass(frozen=True)
class FieldError:
    """Why a value was refused: a code the UI translates, with its parameters."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English message (the UI shows a translated one)."""
        if self.code == USER_ERROR:
            params = dict(self.params)
            return str(params.pop("template")).format(**params)
        template = MESSAGES.get(self.code, self.code)
        return template.format(**self.params)

    @classmethod
    def of(cls, err: UserError) -> FieldError:
        """A refusal from a rule of the business (a UserError: an English template of the
        Messages context and its parameters) shown beside the field it concerns."""
        return cls(USER_ERROR, {"template": err.template, **err.params})


USER_ERROR = "user_error"


MESSAGES: dict[str, str] = {
    "required": "Required.",
    "too_short": "At least {min} characters.",
    "too_long": "At most {max} characters.",
    "pattern": "Not in the expected form: {hint_en}.",
    "not_a_choice": "Pick one of the listed choices.",
    "phone": "A mobile number has 11 digits starting 13-19; a landline is like 0533-6886656.",
    "idcard_length": "An ID-card number has 18 characters.",
    "idcard_characters": "An ID-card number is 17 digits and a digit or X.",
    "idcard_birth_date": "The birth date inside the ID-card number is not a real date.",
    "idcard_check_digit": "The last character does not match: the number was mistyped.",
    "date": "A date like 2026-10-12.",
    "timeslot": "Pick a day and a time slot.",
    "timeslot_unknown": "That time slot is not offered.",
    "timeslot_past": "That day has passed.",
    "timeslot_ended": "That slot has already ended today; pick a later one.",
    "timeslot_taken": "That slot is already booked; pick another.",
    "account": "An account number is 4 to 16 digits.",
    "account_unknown": "No account has this number.",
    "account_not_customer": "Not the account of the customer being served ({customer}).",
    "holder_mismatch": "Not the holder of account {account}: it is held by {expected}.",
    "address_mismatch": "Not the supply address of account {account}: {expected}.",
    "meter_mismatch": "Not the meter of account {account}: its meter is {expected}.",
    "meter_removed": "This meter was removed from account {account}; its meter now is {expected}.",
    "meter_none": "Account {account} has no meter in service.",
    "amount": "An amount like 30 or 30.50 (yuan).",
    "amount_decimals": "At most two decimals (fen).",
    "amount_negative": "The amount cannot be negative.",
    "amount_too_large": "The amount is too large.",
    "amount_below_min": "At least {min} yuan.",
    "amount_above_max": "At most {max} yuan.",
}


@dataclass(frozen=True)
class ValidationContext:
    today: dt.date
    appointments: AppointmentConfig | None = None
    now: dt.datetime | None = None  # the moment of submission: today's ended slots are refused


Result = tuple[Value | None, FieldError | None]


def plain(text: str) -> str:
    """Full-width digits and punctuation to ASCII; surrounding blanks removed."""
    return "".join(FULLWIDTH.get(ch, ch) for ch in text).strip()


def validate_phone(text: str) -> Result:
    t = plain(text).replace(" ", "")
    if t.startswith("+86"):
        t = t[3:]
    digits = t.replace("-", "")
    if MOBILE_RE.fullmatch(digits):
        return digits, None
    m = LANDLINE_RE.fullmatch(t)
    if m:
        return f"{m.group(1)}-{m.group(2)}", None
    return None, FieldError("phone")


def validate_idcard(text: str, today: dt.date | None = None) -> Result:
    problem = idcard.problem(text, today=today)
    if problem is not None:
        return None, FieldError("idcard_" + problem)
    return idcard.normalise(text), None


def validate_date(text: str) -> Result:
    t = plain(text).replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(t).isoformat(), None
    except ValueError:
        return None, FieldError("date")


def parse_amount_fen(text: str) -> tuple[int | None, FieldError | None]:
    """'128.5', '１２８.５０', '¥30', '30元' -> fen; refuses negatives, exponents, >2 decimals."""
    t = plain(text).replace(",", "")
    t = t.removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
    if t.startswith("-"):
        return None, FieldError("amount_negative")
    m = AMOUNT_RE.fullmatch(t)
    if m is None:
        if re.fullmatch(r"\d+\.\d{3,}", t):
            return None, FieldError("amount_decimals")
        if re.fullmatch(r"\d{10,}(\.\d*)?", t):
            return None, FieldError("amount_too_large")
        return None, FieldError("amount")
    fen = int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0"))
    if fen > MAX_AMOUNT_FEN:
        return None, FieldError("amount_too_large")
    return fen, None


def _yuan(fen: int) -> str:
    return str(Decimal(fen) / 100)


def validate_amount(spec: FieldSpec, text: str) -> Result:
    fen, err = parse_amount_fen(text)
    if err is not None or fen is None:
        return None, err
    if spec.min_amount_fen is not None and fen < spec.min_amount_fen:
        return None, FieldError("amount_below_min", {"min": _yuan(spec.min_amount_fen)})
    if spec.max_amount_fen is not None and fen > spec.max_amount_fen:
        return None, FieldError("amount_above_max", {"max": _yuan(spec.max_amount_fen)})
    return fen, None


def validate_timeslot(text: str, ctx: ValidationContext) -> Result:
    parsed = parse_timeslot(plain(text))
    if parsed is None:
        return None, FieldError("timeslot")
    day, code = parsed
    if ctx.appointments is not None and ctx.appointments.slot(code) is None:
        return None, FieldError("timeslot_unknown")
    if day < ctx.today:
        return None, FieldError("timeslot_past")
    if ctx.now is not None and slot_has_ended(day, code, ctx.now):
        return None, FieldError("timeslot_ended")
    return format_timeslot(day, code), None


def _text_checks(spec: FieldSpec, value: str) -> FieldError | None:
    n = len(value)
    if spec.min_length is not None and n < spec.min_length:
        return FieldError("too_short", {"min": spec.min_length})
    if spec.max_length is not None and n > spec.max_length:
        return FieldError("too_long", {"max": spec.max_length})
    if spec.pattern and re.fullmatch(spec.pattern, value) is None:
        hint = spec.pattern_hint or spec.pattern
        return FieldError("pattern", {"hint": hint, "hint_en": spec.pattern_hint_en or hint})
    return None


def validate_value(spec: FieldSpec, raw: str | None, ctx: ValidationContext) -> Result:
    """Check one field. An empty optional field gives ('', None)."""
    text = (raw or "").strip() if spec.type is not FieldType.LONGTEXT else (raw or "").strip("\n ")
    if not text:
        return (None, FieldError("required")) if spec.required else ("", None)
    typed: dict[FieldType, Callable[[], Result]] = {
        FieldType.PHONE: lambda: validate_phone(text),
        FieldType.IDCARD: lambda: validate_idcard(text, ctx.today),
        FieldType.DATE: lambda: validate_date(text),
        FieldType.AMOUNT: lambda: validate_amount(spec, text),
        FieldType.TIMESLOT: lambda: validate_timeslot(text, ctx),
    }
    if spec.type in typed:
        value, err = typed[spec.type]()
        if err is None and spec.pattern and isinstance(value, str):
            err = _text_checks(
                FieldSpec(
                    spec.name,
                    spec.label,
                    spec.type,
                    pattern=spec.pattern,
                    pattern_hint=spec.pattern_hint,
                    pattern_hint_en=spec.pattern_hint_en,
                ),
                value,
            )
        return (None, err) if err else (value, None)
    if spec.type is FieldType.CHOICE:
        return (text, None) if text in spec.choices else (None, FieldError("not_a_choice"))
    if spec.type is FieldType.ACCOUNT:
        t = plain(text)
        if not ACCOUNT_RE.fullmatch(t):
            return None, FieldError("account")
        return t, _text_checks(spec, t)
    # text, address, longtext
    if spec.type is not FieldType.LONGTEXT:
        text = " ".join(text.split())
    err = _text_checks(spec, text)
    return (None, err) if err else (text, None)


def validate_form(
    spec: FormSpec, raw: Mapping[str, str], ctx: ValidationContext
) -> tuple[dict[str, Value], dict[str, FieldError]]:
    """Check every field; return the normalised values and the errors by field name."""
    values: dict[str, Value] = {}
    errors: dict[str, FieldError] = {}
    for f in spec.fields:
        value, err = validate_value(f, raw.get(f.name), ctx)
        if err is not None:
            errors[f.name] = err
        elif value is not None:
            values[f.name] = value
    return values, errors


def display_value(spec: FieldSpec, value: Value) -> str:
    """How a stored value is shown and printed (amounts in yuan with two decimals)."""
    if spec.type is FieldType.AMOUNT and isinstance(value, int):
        yuan, fen = divmod(value, 100)
        return f"{yuan}.{fen:02d} 元"
    return str(value)
