"""Logging in at a counter."""

from __future__ import annotations

from gasdesk.domain.records import LoginSession, StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.offices import counter_info, office_info
from gasdesk.services.passwords import check_password
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Staff, now


class LoginError(UserError):
    """Wrong badge or password, or a badge that may not log in."""


def staff_info(s: Staff) -> StaffInfo:
    return StaffInfo(id=s.id, badge=s.badge, name=s.name, role=s.role, office_id=s.office_id)


def login(badge: str, password: str, counter_id: int) -> LoginSession:
    """Check the badge and password; record the login in the audit trail."""
    badge = badge.strip()
    if not badge or not password:
        raise LoginError(QT_TRANSLATE_NOOP("Messages", "Enter your badge number and password."))
    staff = Staff.get_or_none(Staff.badge == badge)
    if staff is None or not staff.active or not check_password(staff.password_hash, password):
        raise LoginError(QT_TRANSLATE_NOOP("Messages", "Badge number or password is wrong."))
    counter = Counter.get_by_id(counter_id)
    with write_transaction():
        audit.append(
            "login", staff_id=staff.id, office_id=counter.office_id, counter=counter.number
        )
    return LoginSession(
        staff=staff_info(staff),
        office=office_info(counter.office),
        counter=counter_info(counter),
        started_at=now(),
    )
