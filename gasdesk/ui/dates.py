"""Days on screen: the date field every tab uses (yyyy-MM-dd with a calendar) and the
conversions between QDate and datetime.date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def day_edit(name: str, day: dt.date | None = None) -> QDateEdit:
    """A date field named `name` showing `day` (Qt's default date when None)."""
    edit = QDateEdit() if day is None else QDateEdit(to_qdate(day))
    edit.setObjectName(name)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit
