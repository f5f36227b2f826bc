"""Recording a reading the customer reports at the counter.

Enter records. A value that is not a reading, or below the meter's previous reading,
is refused with the reason; a value far above the usual use asks the teller to check
it with the customer first. Recording it then takes a deliberate Alt+Y (or a click on
"Record anyway"): another Enter, the key the teller was already pressing, records
nothing. While the warning shows, the focus stays in the reading field, so whatever
the teller types corrects the value (and withdraws the warning); Esc withdraws it too.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import ReadingRecorded, Refused
from gasdesk.domain.readings import ImplausibleReading, ReadingRefused, RecordedReading, format_m3
from gasdesk.services.reported_readings import report_reading
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import user_text

OK_STYLE = "color: #137333; font-size: 15px;"
ERROR_STYLE = "color: #b42318; font-size: 15px;"


class ReadingReportForm(QWidget):
    recorded = Signal(object)  # RecordedReading

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: int | None = None
        self.today: dt.date | None = None  # None: the real date (tests fix it)
        self._confirm_text: str | None = None  # the value the warning is about
        self._sent_text: str | None = None  # the value on its way to the service
        self._busy = False

        self.intro = QLabel(self.tr("Reading on the customer's meter, in m³ (up to 3 decimals):"))
        self.previous = QLabel("")
        self.previous.setObjectName("previousReading")
        self.value = QLineEdit()
        self.value.setObjectName("reportedValue")
        self.value.setPlaceholderText(self.tr("e.g. 1234.567"))
        self.value.setMaxLength(24)
        self.value.setStyleSheet("font-size: 20px; padding: 4px;")
        self.value.returnPressed.connect(self.submit)
        self.value.textEdited.connect(self._edited)
        self.record_button = QPushButton(self.tr("Record reading (Enter)"))
        self.record_button.setObjectName("recordReading")
        self.record_button.clicked.connect(self.submit)
        self.message = QLabel("")
        self.message.setObjectName("readingMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        self.confirm = QFrame()
        self.confirm.setObjectName("readingConfirm")
        self.confirm.setStyleSheet(
            "#readingConfirm { background: #fff4d6; border: 1px solid #f0b429; }"
        )
        self.confirm_text = QLabel("")
        self.confirm_text.setObjectName("readingWarning")
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_hint = QLabel(
            self.tr(
                "If the customer confirms this reading, press Alt+Y to record it."
                " To correct it, type in the field. Enter does not record it."
            )
        )
        self.confirm_hint.setObjectName("readingConfirmHint")
        self.confirm_hint.setWordWrap(True)
        # Never in the Tab chain and never the default button: only a deliberate Alt+Y
        # or a click records an implausible reading.
        self.confirm_button = QPushButton(self.tr("Record anyway (Alt+Y)"))
        self.confirm_button.setObjectName("confirmReading")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self._record_anyway)
        self.cancel_button = QPushButton(self.tr("Check again (Esc)"))
        self.cancel_button.setObjectName("cancelReading")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_confirm)
        self.confirm_shortcut = QShortcut(QKeySequence("Alt+Y"), self)
        self.confirm_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.confirm_shortcut.activated.connect(self._record_anyway)
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.cancel_button)
        confirm_layout = QVBoxLayout(self.confirm)
        confirm_layout.addWidget(self.confirm_text)
        confirm_layout.addWidget(self.confirm_hint)
        confirm_layout.addLayout(confirm_row)
        self.confirm.hide()

        row = QHBoxLayout()
        row.addWidget(self.value, 1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.previous)
        layout.addLayout(row)
        layout.addWidget(self.confirm)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.value.installEventFilter(self)

    def set_account(self, account_id: int | None, previous: str = "") -> None:
        if account_id != self.account_id:
            self.value.clear()
            self.message.clear()
            self.cancel_confirm()
        self.account_id = account_id
        self.previous.setText(previous)
        self.setEnabled(account_id is not None)

    def focus_value(self) -> None:
        self.value.setFocus()
        self.value.selectAll()

    def _edited(self, _text: str) -> None:
        """Typing corrects the value: the warning about the old one goes, the focus and
        the cursor stay where the teller is typing."""
        if self._confirm_text is not None:
            self._confirm_text = None
            self.confirm.hide()
        self.message.clear()

    def submit(self) -> None:
        """Enter: check and record the value; while the warning about this very value
        shows, Enter records nothing (Alt+Y does)."""
        if self._confirm_text is not None and self.value.text() == self._confirm_text:
            self.confirm_hint.setStyleSheet("font-weight: bold;")
            return
        self._send(self.value.text(), accept_implausible=False)

    def _record_anyway(self) -> None:
        if self._confirm_text is not None and self.value.text() == self._confirm_text:
            self._send(self._confirm_text, accept_implausible=True)

    def _send(self, text: str, *, accept_implausible: bool) -> None:
        if self.account_id is None or self._busy:
            return
        self._busy = True
        self._sent_text = text
        s = self.ctx.session
        self.ctx.worker.submit(
            report_reading,
            self.account_id,
            text,
            staff_id=s.staff.id,
            office_id=s.office.id,
            accept_implausible=accept_implausible,
            today=self.today,
            on_done=self._done,
            on_error=self._failed,
            channel="records-reading",
        )

    def _done(self, recorded: RecordedReading) -> None:
        self._busy = False
        self.cancel_confirm()
        self.value.clear()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(
            self.tr(
                "Recorded {value} m³ on meter {meter}: {volume} m³ since the previous reading."
            ).format(
                value=format_m3(recorded.value_l),
                meter=recorded.meter_number,
                volume=format_m3(recorded.volume_l),
            )
        )
        self.ctx.events.publish(
            ReadingRecorded(reading_id=recorded.id, account_id=recorded.account_id)
        )
        self.recorded.emit(recorded)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, ImplausibleReading):
            if self.value.text() != self._sent_text:
                return  # typed on meanwhile: the warning is about a value no longer there
            self._confirm_text = self._sent_text
            self.confirm_text.setText(user_text(exc))
            self.confirm_hint.setStyleSheet("")
            self.confirm.show()
            self.message.clear()
            if not self.value.hasFocus():
                self.value.setFocus()
                self.value.end(False)
            return
        self.cancel_confirm()
        text = user_text(exc)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        if isinstance(exc, ReadingRefused):
            self.ctx.events.publish(Refused(text))
        self.focus_value()

    def cancel_confirm(self) -> None:
        was_open = self._confirm_text is not None
        self._confirm_text = None
        self.confirm.hide()
        if was_open:
            self.focus_value()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self._confirm_text is not None
        ):
            self.cancel_confirm()
            return True
        return super().eventFilter(obj, event)
