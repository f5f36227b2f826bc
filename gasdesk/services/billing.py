"""What a customer owes: open bills, and bills computed from readings not yet billed.

Decision: reading the amount due writes nothing. Readings that no bill covers yet
are priced on the fly ("draft" bills, `bill_id=None`) and shown with the stored open
bills. The transaction that collects the payment computes them again from the same
rows and writes them as Bill rows before settling them, so a bill exists exactly
when money is taken for it, with the figures the teller read back (the payment is
refused if they changed in between).

A reading is covered when a bill ends on it (`Bill.to_reading`) or when a bill of
the same meter ends on or after its date (bills imported without reading links).
IC-card meters are prepaid: their readings are never billed.

A household's size (Account.household_size) raises the tier bounds by the tariff's
household rule; the size recorded when a bill is computed applies to the whole bill.
What counts toward the tiers of a year follows services.tier_year (the user type the
gas was charged under, credits taken off).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import fn

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import BillView, DueStatement
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.tariff import Tariff, TierLine, bill_period, lines_from_json, lines_to_json
from gasdesk.domain.tariff import format_m3 as m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import tier_year
from gasdesk.services.accounts import get_account
from gasdesk.services.tariffs import load_tariffs
from gasdesk.storage.models import Account, Bill, Meter, Payment, PaymentBill, Reading


class BillingError(TellerError):
    """The amount due cannot be computed (no tariff, a reading out of order...)."""


@dataclass(frozen=True)
class Draft:
    """A bill computed from two readings, not written yet."""

    meter: Meter
    from_reading: Reading | None
    to_reading: Reading
    from_value_l: int
    period_start: dt.date
    view: BillView


def voided_ids(account_id: int) -> set[int]:
    """The account's payments that a void has reversed."""
    rows = Payment.select(Payment.voids).where(
        (Payment.account == account_id) & Payment.voids.is_null(False)
    )
    return {p.voids_id for p in rows}


def settled(bill_ids: list[int]) -> dict[int, int]:
    """Sum of settlements per bill (a void adds negative settlements)."""
    if not bill_ids:
        return {}
    rows = (
        PaymentBill.select(PaymentBill.bill, fn.SUM(PaymentBill.amount_fen).alias("paid"))
        .where(PaymentBill.bill.in_(bill_ids))
        .group_by(PaymentBill.bill)
    )
    return {r.bill_id: int(r.paid or 0) for r in rows}


def stored_lines(bill: Bill) -> tuple[TierLine, ...]:
    try:
        return lines_from_json(bill.lines_json)
    except (ValueError, KeyError, TypeError, json.JSONDecodeError):
        return ()


def usage_entries(account_id: int, user_type: str | None = None) -> list[tuple[dt.date, int]]:
    """(day, litres) of everything this household was charged for that counts toward
    the tiers of `user_type` (the account's own by default): the tier lines of its
    bills and of its IC-card purchases that were not voided, less its credits
    (services.tier_year)."""
    entries: list[tuple[dt.date, int]] = []
    for bill in Bill.select().where(Bill.account == account_id):
        lines = stored_lines(bill)
        if lines:
            entries.extend((line.start, line.volume_l) for line in lines)
        else:
            entries.append((bill.period_start, bill.volume_l))
    voided = voided_ids(account_id)
    purchases = Payment.select().where(
        (Payment.account == account_id) & (Payment.kind == "purchase")
    )
    for p in purchases:
        if p.id in voided:
            continue
        lines = lines_from_json(p.lines_json)
        if lines:
            entries.extend((line.start, line.volume_l) for line in lines)
        else:
            entries.append((p.business_date, p.volume_l))
    if user_type is None:
        user_type = Account.get_by_id(account_id).user_type
    return tier_year.counted(account_id, user_type, entries)


def year_to_date(entries: list[tuple[dt.date, int]], year: int, before: dt.date) -> int:
    return sum(v for day, v in entries if day.year == year and day < before)


def bill_readings(bill: Bill) -> tuple[int | None, int | None]:
    """The readings a bill runs between; the first bill of a meter starts from the
    meter's initial value, which is its volume below the closing reading."""
    to_reading = bill.to_reading if bill.to_reading_id else None
    from_reading = bill.from_reading if bill.from_reading_id else None
    to_value = to_reading.value_l if to_reading is not None else None
    if from_reading is not None:
        return from_reading.value_l, to_value
    return (to_value - bill.volume_l if to_value is not None else None), to_value


def bill_view(bill: Bill, paid: int) -> BillView:
    """A stored bill as the counter shows and prints it, `paid` fen of it paid."""
    from_value, to_value = bill_readings(bill)
    return BillView(
        bill_id=bill.id,
        meter_number=bill.meter.number,
        period_start=bill.period_start,
        period_end=bill.period_end,
        from_value_l=from_value,
        to_value_l=to_value,
        volume_l=bill.volume_l,
        amount_fen=bill.amount_fen,
        paid_fen=paid,
        lines=stored_lines(bill),
    )


def open_bills(account_id: int) -> list[BillView]:
    """The account's bills with something left to pay, oldest first."""
    bills = list(Bill.select().where(Bill.account == account_id).order_by(Bill.period_end, Bill.id))
    paid = settled([b.id for b in bills])
    return [bill_view(b, paid.get(b.id, 0)) for b in bills if b.amount_fen - paid.get(b.id, 0) > 0]


def _unbilled(
    account_id: int, pending: Reading | None = None
) -> list[tuple[Meter, Reading | None, int, dt.date, Reading]]:
    """(meter, from_reading, from_value, from_date, to_reading) for each reading of a
    mechanical meter that no bill covers, oldest first; `pending` is a reading not
    written yet, taken as the meter's newest (a preview of a business's final bill)."""
    pairs: list[tuple[Meter, Reading | None, int, dt.date, Reading]] = []
    meters = Meter.select().where((Meter.account == account_id) & (Meter.kind != "ic_card"))
    for meter in meters:
        billed_to = {
            b.to_reading_id for b in Bill.select(Bill.to_reading).where(Bill.meter == meter.id)
        }
        last_end = Bill.select(fn.MAX(Bill.period_end)).where(Bill.meter == meter.id).scalar()
        if isinstance(last_end, str):
            last_end = dt.date.fromisoformat(last_end)
        prev: Reading | None = None
        prev_value, prev_day = meter.initial_l, meter.installed_on
        readings = list(
            Reading.select().where(Reading.meter == meter.id).order_by(Reading.read_on, Reading.id)
        )
        if pending is not None and pending.meter_id == meter.id:
            readings.append(pending)
        for r in readings:
            covered = r.id in billed_to or (last_end is not None and r.read_on <= last_end)
            if not covered:
                if r.value_l < prev_value:
                    raise BillingError(
                        "reading_decreased",
                        QT_TRANSLATE_NOOP(
                            "Messages",
                            "Meter {meter}: the reading of {day} ({value} m³) is lower than the one before ({prev} m³). Correct the reading before collecting.",
                        ),
                        meter=meter.number,
                        day=r.read_on.isoformat(),
                        value=m3(r.value_l),
                        prev=m3(prev_value),
                    )
                pairs.append((meter, prev, prev_value, prev_day, r))
            prev, prev_value, prev_day = r, r.value_l, r.read_on
    pairs.sort(key=lambda p: (p[4].read_on, p[4].id))
    return pairs


def household_size(account_id: int) -> int | None:
    """The people of the account's household, or None when not recorded."""
    size = Account.select(Account.household_size).where(Account.id == account_id).scalar()
    return int(size) if size is not None else None


def draft_bills(
    account_id: int,
    tariffs: list[Tariff],
    entries: list[tuple[dt.date, int]],
    pending: Reading | None = None,
) -> list[Draft]:
    """Price every unbilled reading (and `pending`, not written yet); `entries` grows
    with each draft, so later drafts climb the tiers from where earlier ones left the
    household."""
    drafts: list[Draft] = []
    people = household_size(account_id)
    for meter, from_reading, from_value, from_day, to_reading in _unbilled(account_id, pending):
        volume = to_reading.value_l - from_value
        start, end = from_day, to_reading.read_on
        if end < start:
            start = end
        years = range(start.year, end.year + 1)
        ytd = {y: year_to_date(entries, y, start) for y in years}
        charge = bill_period(volume, start, end, tariffs, ytd, household_size=people)
        entries.extend((line.start, line.volume_l) for line in charge.lines)
        view = BillView(
            bill_id=None,
            meter_number=meter.number,
            period_start=start,
            period_end=end,
            from_value_l=from_value,
            to_value_l=to_reading.value_l,
            volume_l=volume,
            amount_fen=charge.amount_fen,
            paid_fen=0,
            lines=charge.lines,
        )
        drafts.append(Draft(meter, from_reading, to_reading, from_value, start, view))
    return drafts


def tariffs_for(user_type: str) -> list[Tariff]:
    """Every tariff version of `user_type`; refused when none is set up."""
    tariffs = load_tariffs(user_type)
    if not tariffs:
        raise BillingError(
            "no_tariff",
            QT_TRANSLATE_NOOP("Messages", "No tariff is set up for {user_type} accounts."),
            user_type=user_type,
        )
    return tariffs


def _account(account_id: int) -> AccountSummary:
    account = get_account(account_id)
    if account is None:
        raise BillingError(
            "no_account", QT_TRANSLATE_NOOP("Messages", "The account no longer exists.")
        )
    return account


def statement(
    account_id: int, today: dt.date | None = None, pending: Reading | None = None
) -> DueStatement:
    """The amount due, line by line (stored open bills, then drafts), and the
    household's volume so far this year. Writes nothing. `pending`: a reading not
    written yet, priced as if it were (what a business's final bill will be)."""
    today = today or dt.date.today()
    account = _account(account_id)
    tariffs = tariffs_for(account.user_type)
    entries = usage_entries(account_id, account.user_type)
    drafts = draft_bills(account_id, tariffs, entries, pending)
    bills = tuple(open_bills(account_id) + [d.view for d in drafts])
    in_force = [t for t in tariffs if t.effective_from <= today]
    return DueStatement(
        account=account,
        bills=bills,
        balance_fen=account.balance_fen,
        ytd_l=year_to_date(entries, today.year, today + dt.timedelta(days=1)),
        tariff_name=max(in_force, key=lambda t: t.effective_from).name if in_force else "",
        today=today,
    )


def materialise(account_id: int) -> list[BillView]:
    """Inside the collecting transaction: write the draft bills and return every open
    bill (oldest first) with ids."""
    account = _account(account_id)
    tariffs = tariffs_for(account.user_type)
    entries = usage_entries(account_id, account.user_type)
    for d in draft_bills(account_id, tariffs, entries):
        Bill.create(
            account=account_id,
            meter=d.meter.id,
            period_start=d.view.period_start,
            period_end=d.view.period_end,
            from_reading=d.from_reading.id if d.from_reading else None,
            to_reading=d.to_reading.id,
            volume_l=d.view.volume_l,
            amount_fen=d.view.amount_fen,
            lines_json=lines_to_json(d.view.lines),
        )
    return open_bills(account_id)
