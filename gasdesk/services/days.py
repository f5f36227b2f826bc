"""Business days: whether an office's day is closed (its payments can no longer be
voided). Closing the day writes the BusinessDay row; until then a day is open."""

from __future__ import annotations

import datetime as dt

from gasdesk.storage.models_days import BusinessDay


def is_day_closed(office_id: int, business_date: dt.date) -> bool:
    row = BusinessDay.get_or_none(
        (BusinessDay.office == office_id) & (BusinessDay.business_date == business_date)
    )
    return row is not None and row.closed_at is not None
