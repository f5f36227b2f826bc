"""A supervisor unlocks a badge locked after too many wrong passwords, before its 15
minutes are over: the locked badge, then the supervisor's own badge and password.
The service (`auth.unlock_badge`) refuses anyone but a supervisor of the office,
counts a wrong supervisor password like any other, and records the unlock in the
audit trail. Non-modal: shown with open(), answered through `unlocked`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import StaffInfo
from gasdesk.services import auth
from gasdesk.ui.credentials import badge_field, error_label, password_field
from gasdesk.ui.messages import user_text
from gasdesk.ui.worker import DbWorker


class UnlockBadgeDialog(QDialog):
    unlocked = Signal(str)  # the badge that can log in again

    def __init__(
        self, worker: DbWorker, office_id: int, badge: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.office_id = office_id
        self.busy = False
        self.setObjectName("unlockBadgeDialog")
        self.setWindowTitle(self.tr("Unlock a badge"))
        prompt = QLabel(
            self.tr(
                "A supervisor of this office unlocks a badge that is locked after too many "
                "wrong passwords. The unlock is recorded with the supervisor's badge."
            )
        )
        prompt.setWordWrap(True)
        self.badge = badge_field("lockedBadge")
        self.badge.setText(badge.strip())
        self.supervisor = badge_field("unlockSupervisorBadge")
        self.password = password_field("unlockSupervisorPassword", 128)
        self.error = error_label("unlockError")
        form = QFormLayout()
        form.addRow(self.tr("Locked badge"), self.badge)
        form.addRow(self.tr("Supervisor badge"), self.supervisor)
        form.addRow(self.tr("Supervisor password"), self.password)
        self.ok = QPushButton(self.tr("Unlock (Enter)"))
        self.ok.setObjectName("unlockConfirm")
        self.ok.setAutoDefault(False)
        self.ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self.badge.returnPressed.connect(self.supervisor.setFocus)
        self.supervisor.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.supervisor if self.badge.text() else self.badge).setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        if not self.badge.text().strip():
            self.error.setText(self.tr("Enter the locked badge."))
            self.badge.setFocus()
            return
        self.busy = True
        self.ok.setEnabled(False)
        self.error.clear()
        self.worker.submit(
            auth.unlock_badge,
            self.badge.text(),
            self.supervisor.text(),
            self.password.text(),
            self.office_id,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, staff: StaffInfo) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        self.password.clear()
        self.unlocked.emit(staff.badge)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ok.setEnabled(True)
        self.error.setText(user_text(exc))
        self.password.clear()
        self.password.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # the fields handle Enter; never a default button
        super().keyPressEvent(event)
