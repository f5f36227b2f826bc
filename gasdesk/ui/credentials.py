"""The fields of every prompt that asks who is there: the login dialog, the idle lock,
and a supervisor's approval (day end, voids). Each prompt lays them out itself."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

ERROR_STYLE = "color: #b00020;"


def badge_field(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(16)
    return edit


def password_field(name: str, max_length: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    if max_length is not None:
        edit.setMaxLength(max_length)
    return edit


def error_label(name: str) -> QLabel:
    """The refusal under the fields, in red, wrapped."""
    label = QLabel("")
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label
