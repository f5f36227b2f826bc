"""Staff accounts for the administrator: add a teller or supervisor, reset a
password, end a lockout. Each change is an audit event."""

from __future__ import annotations

import re

from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.auth import clear_lockout, staff_info
from gasdesk.services.passwords import hash_password
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Office, Staff

ROLES = ("teller", "supervisor")
BADGE = re.compile(r"[A-Z0-9]{2,16}")
MIN_PASSWORD = 6
MAX_PASSWORD = 128


class StaffInputError(UserError):
    """Input the administrator must correct; nothing was changed."""


def _no_badge(badge: str) -> StaffInputError:
    return StaffInputError(QT_TRANSLATE_NOOP("Messages", "There is no badge {badge}."), badge=badge)


def _badge(text: str) -> str:
    badge = text.strip().upper()
    if not BADGE.fullmatch(badge):
        raise StaffInputError(
            QT_TRANSLATE_NOOP(
                "Messages", "A badge number is 2 to 16 letters A-Z or digits, e.g. MS03."
            )
        )
    return badge


def _password(text: str) -> str:
    if len(text) < MIN_PASSWORD:
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "The password needs at least {n} characters."),
            n=str(MIN_PASSWORD),
        )
    if len(text) > MAX_PASSWORD:
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "The password may have at most {n} characters."),
            n=str(MAX_PASSWORD),
        )
    if not text.strip() or text != text.strip():
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "The password may not begin or end with a space.")
        )
    if any(ord(c) < 32 for c in text):
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "The password may not contain control characters.")
        )
    return text


def check_new_user(badge: str, name: str, role: str, password: str) -> tuple[str, str]:
    """The badge and name as they will be stored, or StaffInputError: the rules of a
    new login, checked without the database (the set-up dialog checks its whole form
    before anything is written)."""
    badge = _badge(badge)
    name = " ".join(name.split())
    if not name or len(name) > 40:
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "Enter the person's name (at most 40 characters).")
        )
    if role not in ROLES:
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "The role is one of: {roles}."), roles=", ".join(ROLES)
        )
    _password(password)
    return badge, name


def add_user(badge: str, name: str, role: str, office_code: str, password: str) -> StaffInfo:
    badge, name = check_new_user(badge, name, role, password)
    office = Office.get_or_none(Office.code == office_code.strip().upper())
    if office is None:
        raise StaffInputError(
            QT_TRANSLATE_NOOP("Messages", "There is no office '{code}'; the offices are {codes}."),
            code=office_code.strip(),
            codes=", ".join(o.code for o in Office.select().order_by(Office.code)),
        )
    digest = hash_password(_password(password))
    with write_transaction():
        if Staff.get_or_none(Staff.badge == badge) is not None:
            raise StaffInputError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Badge {badge} exists already; use 'user reset' to change its password.",
                ),
                badge=badge,
            )
        staff = Staff.create(badge=badge, name=name, role=role, office=office, password_hash=digest)
        audit.append(
            "user_added", staff_id=None, office_id=office.id, badge=badge, name=name, role=role
        )
    return staff_info(staff)


def reset_password(badge: str, password: str) -> StaffInfo:
    """A new password; it also ends a lockout."""
    badge = _badge(badge)
    digest = hash_password(_password(password))
    with write_transaction():
        staff = Staff.get_or_none(Staff.badge == badge)
        if staff is None:
            raise _no_badge(badge)
        Staff.update(password_hash=digest, failed_logins=0, locked_until=None).where(
            Staff.id == staff.id
        ).execute()
        audit.append("password_reset", staff_id=None, office_id=staff.office_id, badge=badge)
    return staff_info(staff)


def unlock(badge: str) -> StaffInfo:
    badge = _badge(badge)
    if Staff.get_or_none(Staff.badge == badge) is None:
        raise _no_badge(badge)
    return clear_lockout(badge, by_staff_id=None, office_id=None)
