"""Whether the fields of a form that name an account are that account's.

A form names its account in its `account` field. Fields declared with `match` (see
forms/README.md) must then hold what the account holds: the holder's name, the supply
address, the number of the meter in service. Other fields may differ: a contact
person, a phone, a visit address, a new holder's details.

The comparison ignores what a teller's keyboard or input method varies without
meaning: blanks, full-width letters and digits (NFKC), the case of Latin letters, the
form of the middle dot in a name such as 买买提·艾力, and the dashes in an address or
a meter number.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from gasdesk.domain.form_fields import FieldError, Value
from gasdesk.domain.form_spec import FormSpec

DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·", "．": "·", ".": "·"})
DASHES = str.maketrans({"－": "-", "—": "-", "–": "-", "‐": "-", "‑": "-"})


@dataclass(frozen=True)
class AccountFacts:
    """What a form's account-naming fields are compared with."""

    number: str
    name: str
    address: str
    meters_in_service: tuple[str, ...]
    meters_removed: tuple[str, ...] = ()


def _base(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def same_name(a: str, b: str) -> bool:
    return _base(a).translate(DOTS) == _base(b).translate(DOTS)


def same_address(a: str, b: str) -> bool:
    return _base(a).translate(DASHES) == _base(b).translate(DASHES)


def same_meter(a: str, b: str) -> bool:
    return _base(a).translate(DASHES).replace("-", "") == _base(b).translate(DASHES).replace(
        "-", ""
    )


def mismatches(
    spec: FormSpec, values: Mapping[str, Value], account: AccountFacts
) -> dict[str, FieldError]:
    """The refused fields, by name, among those declared with `match`; empty values
    are left to the required-field check."""
    errors: dict[str, FieldError] = {}
    for f in spec.fields:
        value = str(values.get(f.name, ""))
        if f.match is None or not value:
            continue
        if f.match == "customer.name" and not same_name(value, account.name):
            errors[f.name] = FieldError(
                "holder_mismatch", {"account": account.number, "expected": account.name}
            )
        elif f.match == "customer.address" and not same_address(value, account.address):
            errors[f.name] = FieldError(
                "address_mismatch", {"account": account.number, "expected": account.address}
            )
        elif f.match == "customer.meter" and not any(
            same_meter(value, m) for m in account.meters_in_service
        ):
            errors[f.name] = _meter_error(value, account)
    return errors


def _meter_error(value: str, account: AccountFacts) -> FieldError:
    expected = "、".join(account.meters_in_service)
    if not expected:
        return FieldError("meter_none", {"account": account.number})
    if any(same_meter(value, m) for m in account.meters_removed):
        return FieldError("meter_removed", {"account": account.number, "expected": expected})
    return FieldError("meter_mismatch", {"account": account.number, "expected": expected})
