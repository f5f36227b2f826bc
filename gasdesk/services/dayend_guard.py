"""Checks the end-of-day use cases share: is the day still open, and is this the
supervisor's badge and password."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.passwords import check_password
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Staff, now
from gasdesk.storage.models_dayend import DayClosure

MAX_FAILURES = 5
LOCK_MINUTES = 15


class DayClosedError(UserError):
    """The business day is closed: nothing of it may change."""


class SupervisorError(UserError):
    """The supervisor's badge or password was not accepted."""


def day_closed(office_id: int, day: dt.date) -> bool:
    return (
        DayClosure.select()
        .where((DayClosure.office == office_id) & (DayClosure.business_date == day))
        .exists()
    )


def refuse_if_day_closed(office_id: int, day: dt.date) -> None:
    if day_closed(office_id, day):
        raise DayClosedError(
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {date} is closed; nothing of it can be changed."
            ),
            date=day.isoformat(),
        )


def check_supervisor_for_dayend(badge: str, password: str, office_id: int) -> StaffInfo:
    """The supervisor of `office_id` whose badge and password these are. A wrong
    password changes nothing but the badge's failure count (5 lock it for 15 minutes)."""
    badge = badge.strip()
    if not badge or not password:
        raise SupervisorError(
            QT_TRANSLATE_NOOP("Messages", "Enter the supervisor's badge number and password.")
        )
    staff = Staff.get_or_none(Staff.badge == badge)
    refused = SupervisorError(
        QT_TRANSLATE_NOOP("Messages", "Supervisor badge number or password is wrong.")
    )
    if staff is None or not staff.active:
        raise refused
    if staff.locked_until is not None and staff.locked_until > now():
        raise SupervisorError(
            QT_TRANSLATE_NOOP("Messages", "Badge {badge} is locked until {time}."),
            badge=staff.badge,
            time=staff.locked_until.strftime("%H:%M"),
        )
    if not check_password(staff.password_hash, password):
        with write_transaction():
            failures = staff.failed_logins + 1
            locked = (
                now() + dt.timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None
            )
            Staff.update(
                failed_logins=0 if locked else failures,
                locked_until=locked,
            ).where(Staff.id == staff.id).execute()
            audit.append(
                "lockout" if locked else "supervisor_refused",
                staff_id=staff.id,
                office_id=office_id,
                failures=failures,
            )
        raise refused
    if staff.role != "supervisor" or staff.office_id != office_id:
        raise SupervisorError(
            QT_TRANSLATE_NOOP("Messages", "{badge} is not a supervisor of this office."),
            badge=staff.badge,
        )
    if staff.failed_logins:
        with write_transaction():
            Staff.update(failed_logins=0).where(Staff.id == staff.id).execute()
    return StaffInfo(
        id=staff.id, badge=staff.badge, name=staff.name, role=staff.role, office_id=staff.office_id
    )
