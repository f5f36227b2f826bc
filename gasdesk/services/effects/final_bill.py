"""A reading taken for a business and the bill up to it (过户, 用气类型变更, 换表, 销户).

The business's reading is checked like any reading of the meter (a number of m³ with
at most three decimals, not below the meter's previous reading or, on a meter without
readings yet, its initial value; not dated before its previous reading), recorded with
the source 'business', and every reading of the account that no bill covers yet is
billed up to it, in the caller's transaction, at the tariff of the account's user type
now (services.billing.materialise): the gas up to the reading is charged before the
business changes the holder, the user type or the meter. A reading equal to the
meter's reading already recorded that day (taken when the customer settled the bill
first) is that reading, not a second one.

IC-card meters are prepaid: their reading is recorded, nothing is billed.

`preview_bill` says the same without writing anything, for the teller to check with
the customer before confirming.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import fn

from gasdesk.domain.fees import BillView
from gasdesk.domain.readings import (
    REFUSALS,
    ReadingProblem,
    ReadingRefused,
    Source,
    parse_reading,
)
from gasdesk.domain.readings import format_m3 as reading_m3
from gasdesk.services.accounts import active_meter
from gasdesk.services.billing import materialise, open_bills, statement
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.effects.registry import SubmitCheck
from gasdesk.services.form_errors import field_refusal
from gasdesk.storage import audit
from gasdesk.storage.models import Bill, Reading


@dataclass(frozen=True)
class FinalBill:
    """The business's reading and what it billed."""

    meter_id: int
    meter_number: str
    meter_kind: str
    reading_id: int | None  # None in a preview
    value_l: int
    read_on: dt.date
    volume_l: int  # since the meter's previous reading (or its initial value)
    bills: tuple[BillView, ...]  # written up to this reading now (drafts in a preview)
    due_fen: int  # everything the account owes once they are written

    @property
    def billed_fen(self) -> int:
        return sum(b.amount_fen for b in self.bills)

    @property
    def billed_l(self) -> int:
        return sum(b.volume_l for b in self.bills)


def meter_in_service(account_id: int) -> Any:
    meter = active_meter(account_id)
    if meter is None:
        raise EffectRefused(REFUSALS[ReadingProblem.NO_METER])
    return meter


def _previous(meter: Any) -> tuple[int, dt.date, Any]:
    """(value, day, reading or None) the next reading of `meter` is compared with."""
    last = (
        Reading.select()
        .where(Reading.meter == meter.id)
        .order_by(Reading.read_on.desc(), Reading.id.desc())
        .first()
    )
    if last is None:
        return meter.initial_l, meter.installed_on, None
    return last.value_l, last.read_on, last


def checked_reading(meter: Any, text: str, on: dt.date, field: str) -> tuple[int, Any]:
    """(litres, the same-day reading it repeats or None); refused beside `field`:
    not a reading, below the previous one, dated before it."""
    try:
        value = parse_reading(text)
        before, before_on, last = _previous(meter)
        if on < before_on:
            raise ReadingRefused(
                ReadingProblem.BEFORE_PREVIOUS_DATE, previous_on=before_on.isoformat()
            )
        if value < before:
            raise ReadingRefused(
                ReadingProblem.BELOW_PREVIOUS,
                previous=reading_m3(before),
                previous_on=before_on.isoformat(),
            )
    except ReadingRefused as exc:
        raise field_refusal(field, exc.template, **exc.params) from None
    same = last if last is not None and last.read_on == on and last.value_l == value else None
    return value, same


def _volume(meter: Any, value: int, same: Any) -> int:
    if same is not None:  # the reading repeats one already recorded: its own volume
        earlier = (
            Reading.select(Reading.value_l)
            .where((Reading.meter == meter.id) & (Reading.id != same.id))
            .where(
                (Reading.read_on < same.read_on)
                | ((Reading.read_on == same.read_on) & (Reading.id < same.id))
            )
            .order_by(Reading.read_on.desc(), Reading.id.desc())
            .first()
        )
        return value - (earlier.value_l if earlier is not None else meter.initial_l)
    return value - _previous(meter)[0]


def bill_unbilled(account_id: int) -> tuple[BillView, ...]:
    """Inside the caller's transaction: write a bill for every reading no bill covers
    yet (services.billing.materialise); the bills written now."""
    newest = Bill.select(fn.MAX(Bill.id)).where(Bill.account == account_id).scalar() or 0
    materialise(account_id)
    written = [
        b.id
        for b in Bill.select(Bill.id)
        .where((Bill.account == account_id) & (Bill.id > newest))
        .order_by(Bill.id)
    ]
    views = {b.bill_id: b for b in open_bills(account_id)}
    return tuple(views[i] for i in written if i in views)


def record_at_submission(check: SubmitCheck, field: str) -> Any:
    """At a form's submission, inside its transaction: the reading in `field` of the
    account's meter in service, checked and recorded (source 'business') so that the
    fee tab shows the bill up to it at once and the customer can settle it before the
    business is done. A reading equal to the previous one is that reading (nothing
    used since). Returns the reading (None without a meter in service)."""
    if check.account_id is None:
        return None
    meter = active_meter(check.account_id)
    if meter is None:
        return None
    on = check.at.date()
    value, same = checked_reading(meter, str(check.values.get(field, "")), on, field)
    before, _before_on, last = _previous(meter)
    if same is not None or value == before:
        return same or last  # nothing used since the previous reading
    reading: Any = Reading.create(
        meter=meter.id,
        account=check.account_id,
        read_on=on,
        value_l=value,
        source=Source.BUSINESS.value,
        recorded_by=check.staff_id,
        created_at=check.at,
    )
    audit.append(
        "reading_reported",
        staff_id=check.staff_id,
        office_id=check.office_id,
        account=check.account_id,
        meter=meter.number,
        reading=reading.id,
        value_l=value,
        volume_l=value - before,
        form_kind=check.spec.kind,
    )
    return reading


def bill_to_reading(
    account_id: int,
    meter: Any,
    text: str,
    *,
    on: dt.date,
    staff_id: int,
    field: str = "reading",
) -> FinalBill:
    """Inside the caller's transaction: record the reading of `meter` on `on` and bill
    the account up to it (mechanical meters). Refusals name `field`."""
    value, same = checked_reading(meter, text, on, field)
    volume = _volume(meter, value, same)
    if same is None:
        reading: Any = Reading.create(
            meter=meter.id,
            account=account_id,
            read_on=on,
            value_l=value,
            source=Source.BUSINESS.value,
            recorded_by=staff_id,
        )
    else:
        reading = same
    bills = bill_unbilled(account_id) if meter.kind != "ic_card" else ()
    due = sum(b.open_fen for b in open_bills(account_id))
    return FinalBill(
        meter_id=meter.id,
        meter_number=meter.number,
        meter_kind=meter.kind,
        reading_id=reading.id,
        value_l=value,
        read_on=on,
        volume_l=volume,
        bills=bills,
        due_fen=due,
    )


def preview_bill(
    account_id: int, meter: Any, text: str, *, on: dt.date, field: str = "reading"
) -> FinalBill:
    """What bill_to_reading would record and bill, without writing anything."""
    value, same = checked_reading(meter, text, on, field)
    pending = None
    if same is None:
        pending = Reading(
            meter=meter.id,
            account=account_id,
            read_on=on,
            value_l=value,
            source=Source.BUSINESS.value,
        )
    due = statement(account_id, on, pending=pending)
    drafts = tuple(b for b in due.bills if b.bill_id is None)
    return FinalBill(
        meter_id=meter.id,
        meter_number=meter.number,
        meter_kind=meter.kind,
        reading_id=None,
        value_l=value,
        read_on=on,
        volume_l=_volume(meter, value, same),
        bills=drafts if meter.kind != "ic_card" else (),
        due_fen=due.due_fen,
    )
