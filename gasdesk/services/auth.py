"""Logging in at a counter, confirming a supervisor, unlocking an idle screen.

Five wrong passwords in a row lock a badge for 15 minutes, or until a supervisor (or
the administrator) unlocks it. Every wrong password and every lockout is an audit
event, committed on its own: the refusal that follows must not undo the record of it.
A locked badge is refused before its password is even checked, so guessing on does not
help. Each attempt is counted as a failure before its password is checked (and the
count taken back when it was right), so attempts sent at the same moment are counted
too: at most five passwords of one badge are ever checked before it locks.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NoReturn

from gasdesk.domain.records import LoginSession, StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.offices import counter_info, office_info
from gasdesk.services.passwords import check_password, hash_password
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Staff, db, now

MAX_FAILED = 5
LOCK_MINUTES = 15


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked against when the badge is unknown, so that an unknown badge takes as
    long to refuse as a wrong password."""
    return hash_password("not a password of anyone")


class LoginError(UserError):
    """Wrong badge or password, or a badge that may not log in."""


class BadgeLockedError(LoginError):
    """The badge is locked after too many wrong passwords."""

    def __init__(self, badge: str, locked_until: dt.datetime) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Badge {badge} is locked until {until} after {count} wrong passwords. "
                "Wait, or ask a supervisor to unlock it.",
            ),
            badge=badge,
            until=f"{locked_until:%H:%M}",
            count=str(MAX_FAILED),
        )
        self.locked_until = locked_until


class NotSupervisorError(LoginError):
    """The password was right, but the badge may not confirm supervisor actions."""


def staff_info(s: Staff) -> StaffInfo:
    return StaffInfo(id=s.id, badge=s.badge, name=s.name, role=s.role, office_id=s.office_id)


def _count_attempt(staff_id: int, badge: str) -> tuple[int, dt.datetime | None]:
    """Count this attempt as a wrong password before its password is checked, in a
    write transaction of its own that commits at once: attempts sent for one badge at
    the same moment (other counters, other threads) are counted one after the other,
    and the fifth locks the badge before any later one is checked, so that no more
    than five passwords are ever tried between two lockouts. A right password takes
    the count back (_clear_failures). Returns the attempt's number and the lock it
    set; raises BadgeLockedError when an earlier attempt has locked the badge."""
    at = now()
    with write_transaction():
        staff = Staff.get_by_id(staff_id)
        if staff.locked_until is not None and staff.locked_until > at:
            raise BadgeLockedError(badge, staff.locked_until)
        expired = staff.locked_until is not None  # and over: the count starts again
        failed = (0 if expired else staff.failed_logins) + 1
        locked_until = at + dt.timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILED else None
        Staff.update(failed_logins=failed, locked_until=locked_until).where(
            Staff.id == staff_id
        ).execute()
    return failed, locked_until


def _record_failure(
    badge: str,
    staff_id: int | None,
    office_id: int | None,
    purpose: str,
    attempt: tuple[int, dt.datetime | None] = (0, None),
) -> NoReturn:
    """Record a wrong password in the audit trail (its own transaction; the attempt
    was counted before the check, see _count_attempt); raise the refusal."""
    failed, locked_until = attempt
    with write_transaction():
        if staff_id is None:
            audit.append(
                "login_failed", staff_id=None, office_id=office_id, badge=badge, purpose=purpose
            )
        else:
            audit.append(
                "login_failed",
                staff_id=staff_id,
                office_id=office_id,
                badge=badge,
                purpose=purpose,
                attempt=failed,
            )
            if locked_until is not None:
                audit.append(
                    "lockout",
                    staff_id=staff_id,
                    office_id=office_id,
                    badge=badge,
                    until=locked_until.isoformat(sep=" "),
                )
    if locked_until is not None:
        raise BadgeLockedError(badge, locked_until)
    if staff_id is not None and MAX_FAILED - failed == 1:
        raise LoginError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Badge number or password is wrong. One more wrong password will lock the badge.",
            )
        )
    if staff_id is not None and MAX_FAILED - failed == 2:
        raise LoginError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Badge number or password is wrong. Two more wrong passwords will lock the badge.",
            )
        )
    raise LoginError(QT_TRANSLATE_NOOP("Messages", "Badge number or password is wrong."))


def _check(badge: str, password: str, office_id: int | None, purpose: str) -> Staff:
    """The staff member whose badge and password these are (read again after the
    check: her count of wrong passwords includes this attempt until the caller clears
    it), or a LoginError."""
    if db.obj.in_transaction():
        raise RuntimeError("check credentials before opening the action's transaction")
    badge = badge.strip()
    if not badge or not password:
        raise LoginError(QT_TRANSLATE_NOOP("Messages", "Enter your badge number and password."))
    # a badge is printable text; anything else is not looked up (nor sent to the server)
    staff = Staff.get_or_none(Staff.badge == badge) if badge.isprintable() else None
    if staff is not None and staff.locked_until is not None and staff.locked_until > now():
        until: dt.datetime = staff.locked_until
        raise BadgeLockedError(badge, until)
    if staff is None:
        check_password(_dummy_hash(), password)
        _record_failure(badge, None, office_id, purpose)
    attempt = _count_attempt(staff.id, badge)  # first: a concurrent sixth finds the lock
    if not check_password(staff.password_hash, password):
        _record_failure(badge, staff.id, office_id, purpose, attempt)
    staff = Staff.get_by_id(staff.id)
    if not staff.active:
        with write_transaction():
            _clear_failures(staff)
        raise LoginError(QT_TRANSLATE_NOOP("Messages", "This badge is no longer active."))
    return staff


def _clear_failures(staff: Staff) -> None:
    """Inside a write transaction: a right password ends the run of wrong ones."""
    if staff.failed_logins or staff.locked_until is not None:
        Staff.update(failed_logins=0, locked_until=None).where(Staff.id == staff.id).execute()


def login(badge: str, password: str, counter_id: int) -> LoginSession:
    """Check the badge and password; record the login in the audit trail."""
    counter = Counter.get_by_id(counter_id)
    staff = _check(badge, password, counter.office_id, "login")
    with write_transaction():
        _clear_failures(staff)
        audit.append(
            "login", staff_id=staff.id, office_id=counter.office_id, counter=counter.number
        )
    return LoginSession(
        staff=staff_info(staff),
        office=office_info(counter.office),
        counter=counter_info(counter),
        started_at=now(),
    )


def verify_supervisor(badge: str, password: str, office_id: int) -> StaffInfo:
    """Confirm a supervisor action (void, difference, day close, unlock) with the
    supervisor's own badge and password. A wrong password counts toward the lockout
    like a wrong login; a badge that is not a supervisor of this office is refused.

    Call it before opening the action's write transaction: the record of a wrong
    password must stay even though the action is refused."""
    staff = _check(badge, password, office_id, "supervisor")
    if staff.role != "supervisor" or staff.office_id != office_id:
        with write_transaction():
            _clear_failures(staff)
            audit.append(
                "supervisor_refused", staff_id=staff.id, office_id=office_id, badge=staff.badge
            )
        raise NotSupervisorError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{name} ({badge}) is not a supervisor of this office; a supervisor must "
                "confirm this.",
            ),
            name=staff.name,
            badge=staff.badge,
        )
    if staff.failed_logins or staff.locked_until is not None:
        with write_transaction():
            _clear_failures(staff)
    return staff_info(staff)


def unlock_screen(badge: str, password: str, office_id: int) -> StaffInfo:
    """The teller's password again after the idle lock; wrong ones count as at login."""
    staff = _check(badge, password, office_id, "screen")
    if staff.failed_logins or staff.locked_until is not None:
        with write_transaction():
            _clear_failures(staff)
    return staff_info(staff)


def unlock_badge(
    badge: str, supervisor_badge: str, supervisor_password: str, office_id: int
) -> StaffInfo:
    """A supervisor of the office ends a lockout of one of its badges before its 15
    minutes are over (the count of wrong passwords starts again at zero). Anyone
    else is refused, and a badge of another office is left to its own supervisors."""
    supervisor = verify_supervisor(supervisor_badge, supervisor_password, office_id)
    staff = Staff.get_or_none(Staff.badge == badge.strip())
    if staff is not None and staff.office_id != office_id:
        raise LoginError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Badge {badge} belongs to another office; a supervisor there can unlock it.",
            ),
            badge=staff.badge,
        )
    return clear_lockout(badge, by_staff_id=supervisor.id, office_id=office_id)


def clear_lockout(badge: str, *, by_staff_id: int | None, office_id: int | None) -> StaffInfo:
    """End a badge's lockout and its count of wrong passwords (audited); `by_staff_id`
    None means the administrator at the command line."""
    with write_transaction():
        staff = Staff.get_or_none(Staff.badge == badge.strip())
        if staff is None:
            raise LoginError(
                QT_TRANSLATE_NOOP("Messages", "There is no badge {badge}."), badge=badge.strip()
            )
        Staff.update(failed_logins=0, locked_until=None).where(Staff.id == staff.id).execute()
        audit.append(
            "unlock",
            staff_id=by_staff_id,
            office_id=office_id if office_id is not None else staff.office_id,
            badge=staff.badge,
            by="supervisor" if by_staff_id else "administrator",
        )
    return staff_info(staff)
