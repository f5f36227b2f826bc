"""Recording a meter reading the customer brings to the counter."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.errors import TellerError
from gasdesk.domain.tariff import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.accounts import active_meter
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Reading, Staff


def record_reading(
    account_id: int,
    value_l: int,
    staff_id: int,
    *,
    read_on: dt.date | None = None,
    source: str = "counter",
) -> int:
    """Record a reading of the account's current meter; return its id.

    A reading lower than the meter's previous one is refused (a new meter starts its
    own readings from its initial value, so a meter change is not refused), as is a
    reading dated before the previous one.
    """
    read_on = read_on or dt.date.today()
    if value_l < 0:
        raise TellerError(
            "negative", QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative.")
        )
    with write_transaction():
        meter = active_meter(account_id)
        if meter is None:
            raise TellerError(
                "no_meter", QT_TRANSLATE_NOOP("Messages", "This account has no meter installed.")
            )
        last = (
            Reading.select()
            .where(Reading.meter == meter.id)
            .order_by(Reading.read_on.desc(), Reading.id.desc())
            .first()
        )
        prev_value = last.value_l if last else meter.initial_l
        prev_day = last.read_on if last else meter.installed_on
        if value_l < prev_value:
            raise TellerError(
                "reading_decreased",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The reading {value} m³ is lower than the previous reading {prev} m³ of meter {meter}.",
                ),
                value=format_m3(value_l),
                prev=format_m3(prev_value),
                meter=meter.number,
            )
        if read_on < prev_day:
            raise TellerError(
                "reading_date",
                QT_TRANSLATE_NOOP(
                    "Messages", "The reading date {day} is before the previous reading ({prev})."
                ),
                day=read_on.isoformat(),
                prev=prev_day.isoformat(),
            )
        reading = Reading.create(
            meter=meter.id,
            account=account_id,
            read_on=read_on,
            value_l=value_l,
            source=source,
            recorded_by=staff_id,
        )
        staff = Staff.get_by_id(staff_id)
        audit.append(
            "reading",
            staff_id=staff_id,
            office_id=staff.office_id,
            account=account_id,
            meter=meter.number,
            reading=reading.id,
            value_l=value_l,
            read_on=read_on.isoformat(),
        )
    return int(reading.id)
