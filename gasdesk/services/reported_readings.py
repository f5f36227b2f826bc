"""A reading the customer reports at the counter."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.lifecycle import CLOSED
from gasdesk.domain.readings import (
    Baseline,
    ImplausibleReading,
    ReadingProblem,
    ReadingRefused,
    RecordedReading,
    Source,
    check_reported,
    parse_reading,
    usual_daily_use,
)
from gasdesk.domain.text import UserError
from gasdesk.services.account_state import CLOSED_NO_READING
from gasdesk.services.account_view import account_meters, reading_history
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, Reading


class ReadingRefusedClosed(UserError):
    """A reading for a closed account (已销户): refused, nothing written."""


def report_reading(
    account_id: int,
    value_text: str,
    *,
    staff_id: int,
    office_id: int,
    accept_implausible: bool = False,
    today: dt.date | None = None,
) -> RecordedReading:
    """Record the reading of the account's meter in service, with source 'counter'.

    Refuses (ReadingRefused, nothing written) text that is not a reading in m³ with at
    most 3 decimals, and a value below the meter's previous reading or, on a meter
    with no readings yet (a meter change), below its initial value. A value far above
    the account's usual use raises ImplausibleReading unless `accept_implausible`
    says the teller has checked it with the customer."""
    value_l = parse_reading(value_text)
    on = today or dt.date.today()
    with write_transaction():
        account: Any = Account.get_by_id(account_id)
        if account.status == CLOSED:
            raise ReadingRefusedClosed(CLOSED_NO_READING, number=account.number)
        meters = account_meters(account_id)
        meter = next((m for m in meters if m.in_service), None)
        if meter is None:
            raise ReadingRefused(ReadingProblem.NO_METER)
        last = (
            Reading.select(Reading.value_l, Reading.read_on)
            .where(Reading.meter == meter.id)
            .order_by(Reading.read_on.desc(), Reading.id.desc())
            .first()
        )
        history = reading_history(account_id, meters)
        baseline = Baseline(
            value_l=last.value_l if last else meter.initial_l,
            on=last.read_on if last else meter.installed_on,
            daily_l=usual_daily_use(history, on),
        )
        check = check_reported(value_l, on, on, baseline)
        if check.implausible and not accept_implausible:
            raise ImplausibleReading(check)
        reading = Reading.create(
            meter=meter.id,
            account=account_id,
            read_on=on,
            value_l=value_l,
            source=Source.COUNTER.value,
            recorded_by=staff_id,
        )
        audit.append(
            "reading_reported",
            staff_id=staff_id,
            office_id=office_id,
            account=account_id,
            meter=meter.number,
            reading=reading.id,
            value_l=value_l,
            volume_l=check.volume_l,
            implausible_confirmed=check.implausible,
        )
    return RecordedReading(
        id=reading.id,
        account_id=account_id,
        meter_number=meter.number,
        read_on=on,
        value_l=value_l,
        volume_l=check.volume_l,
        implausible=check.implausible,
    )
