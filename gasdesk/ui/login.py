"""The login dialog: badge number and password; office and counter come from the
counter's settings (chosen once, on first start). A badge locked after too many wrong
passwords is unlocked here by a supervisor (Alt+U)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import CounterInfo, LoginSession, OfficeInfo
from gasdesk.services import auth
from gasdesk.ui.credentials import badge_field, error_label, password_field
from gasdesk.ui.messages import user_text
from gasdesk.ui.unlock_dialog import UnlockBadgeDialog
from gasdesk.ui.worker import DbWorker


class LoginDialog(QDialog):
    logged_in = Signal(object)  # LoginSession

    def __init__(
        self,
        worker: DbWorker,
        offices: list[OfficeInfo],
        counters: dict[int, list[CounterInfo]],
        office_code: str | None,
        counter_number: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.counters = counters
        self.setWindowTitle(self.tr("GasDesk — log in"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("GasDesk counter"))
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.office = QComboBox()
        for o in offices:
            self.office.addItem(o.name, o.id)
        self.counter = QComboBox()
        self.office.currentIndexChanged.connect(self._fill_counters)
        if office_code:
            for i, o in enumerate(offices):
                if o.code == office_code:
                    self.office.setCurrentIndex(i)
        self._fill_counters()
        if counter_number is not None:
            for i in range(self.counter.count()):
                if self.counter.itemData(i)[1] == counter_number:
                    self.counter.setCurrentIndex(i)

        self.badge = badge_field("badge")
        self.badge.setPlaceholderText(self.tr("e.g. MS01"))
        self.password = password_field("password", 128)
        self.error = error_label("loginError")
        self.notice = QLabel("")
        self.notice.setObjectName("loginNotice")
        self.notice.setStyleSheet("color: #1e7b34;")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.unlock_dialog: UnlockBadgeDialog | None = None

        form = QFormLayout()
        form.addRow(self.tr("Office"), self.office)
        form.addRow(self.tr("Counter"), self.counter)
        form.addRow(self.tr("Badge number"), self.badge)
        form.addRow(self.tr("Password"), self.password)

        self.ok = QPushButton(self.tr("Log in"))
        self.ok.setObjectName("loginButton")
        # Enter is handled by the fields (badge -> password -> log in), not by a default button
        self.ok.setAutoDefault(False)
        self.ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Quit"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.unlock_button = QPushButton(self.tr("&Unlock a badge…"))
        self.unlock_button.setObjectName("unlockBadge")
        self.unlock_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.ask_unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.badge.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.badge.setFocus()

    def _fill_counters(self) -> None:
        self.counter.clear()
        office_id = self.office.currentData()
        for c in self.counters.get(office_id, []):
            self.counter.addItem(self.tr("Counter {n}").format(n=c.number), (c.id, c.number))

    def selected_counter(self) -> tuple[int, int] | None:
        data = self.counter.currentData()
        return (int(data[0]), int(data[1])) if data else None

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        counter = self.selected_counter()
        if counter is None:
            self.error.setText(self.tr("Choose the office and counter."))
            return
        self.ok.setEnabled(False)
        self.error.setText("")
        self.notice.hide()
        self.worker.submit(
            auth.login,
            self.badge.text(),
            self.password.text(),
            counter[0],
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, session: LoginSession) -> None:
        self.ok.setEnabled(True)
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.error.setText(user_text(exc))
        self.password.clear()
        if isinstance(exc, auth.BadgeLockedError):
            self.unlock_button.setFocus()  # Space or Alt+U: a supervisor unlocks it here
        else:
            self.password.setFocus()

    def ask_unlock(self) -> UnlockBadgeDialog:
        """The supervisor's unlock, for the badge typed here."""
        if self.unlock_dialog is not None:
            self.unlock_dialog.close()
        dialog = UnlockBadgeDialog(
            self.worker, int(self.office.currentData()), self.badge.text(), self
        )
        dialog.unlocked.connect(self._unlocked)
        dialog.finished.connect(lambda _r: self._unlock_closed(dialog))
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def _unlock_closed(self, dialog: UnlockBadgeDialog) -> None:
        if self.unlock_dialog is dialog:
            self.unlock_dialog = None
        dialog.deleteLater()
        QTimer.singleShot(0, self._back_from_unlock)  # once the dialog's window has gone

    def _back_from_unlock(self) -> None:
        if self.unlock_dialog is None and self.isVisible():
            self.activateWindow()
            (self.password if self.notice.isVisible() else self.badge).setFocus()

    def _unlocked(self, badge: str) -> None:
        self.error.clear()
        self.notice.setText(
            self.tr("Badge {badge} is unlocked; log in with its password.").format(badge=badge)
        )
        self.notice.show()
        self.badge.setText(badge)
        self.password.clear()
