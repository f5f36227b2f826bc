"""Checks the end-of-day use cases share: is the business day still open, and is this
the supervisor's badge and password (services.auth.verify_supervisor: a wrong
password counts toward the badge's lockout)."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.auth import verify_supervisor
from gasdesk.services.days import is_day_closed


class DayClosedError(UserError):
    """The business day is closed: nothing of it may change."""


def refuse_if_day_closed(office_id: int, day: dt.date) -> None:
    if is_day_closed(office_id, day):
        raise DayClosedError(
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {date} is closed; nothing of it can be changed."
            ),
            date=day.isoformat(),
        )


def supervisor(badge: str, password: str, office_id: int) -> StaffInfo:
    """Call before the action's write transaction: the record of a wrong password
    must stay although the action is refused."""
    return verify_supervisor(badge, password, office_id)
