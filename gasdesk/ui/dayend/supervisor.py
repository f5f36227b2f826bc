"""A supervisor confirms an action with their own badge and password (non-modal:
shown with show(), answered through the `confirmed` signal)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.ui.credentials import badge_field, error_label, password_field


class SupervisorDialog(QDialog):
    """`confirmed(badge, password, reason)`; the owner calls `refused(text)` to show a
    refusal (the password is cleared) or closes the dialog when the action is done."""

    confirmed = Signal(str, str, str)

    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        reason_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("supervisorDialog")
        self.setModal(False)
        layout = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(500)
        if reason_label:
            form.addRow(reason_label, self.reason)
        else:
            self.reason.hide()
        self.badge = badge_field("supervisorBadge")
        self.password = password_field("supervisorPassword")
        form.addRow(self.tr("Supervisor badge"), self.badge)
        form.addRow(self.tr("Supervisor password"), self.password)
        layout.addLayout(form)
        self.error = error_label("supervisorError")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.ok = QPushButton(self.tr("Confirm (Enter)"))
        self.ok.setObjectName("supervisorConfirm")
        self.ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.reason.returnPressed.connect(self.badge.setFocus)
        self.badge.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.busy = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.reason if self.reason.isVisibleTo(self) else self.badge).setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        self.error.clear()
        self.busy = True
        self.ok.setEnabled(False)
        self.confirmed.emit(self.badge.text(), self.password.text(), self.reason.text())

    def refused(self, message: str) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        self.error.setText(message)
        self.password.clear()
        self.password.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the fields handle Enter; never the default button
        super().keyPressEvent(event)
