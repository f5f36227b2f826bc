"""The read-back screen (唱收唱付): large and calm, shown before anything is recorded.

Enter confirms (once: further Enter presses and clicks are ignored while the payment
is being recorded), Esc goes back and changes nothing. After a failure the message
stays on the screen and Enter tries again with the same payment form. Alt+I marks
that the customer wants a fapiao and shows the buyer's entries (fapiao_box).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.fapiao import FapiaoBuyer, FapiaoError
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readback import ReadBack
from gasdesk.domain.tariff import format_m3
from gasdesk.ui.fees.fapiao_box import FapiaoBox
from gasdesk.ui.fees.labels import kind_label, method_label
from gasdesk.ui.messages import user_text

FIGURE = "font-size: 34px; font-weight: 600;"
CAPITAL = "font-size: 20px; color: #333;"
TERM = "font-size: 22px; color: #555;"


class ReadBackDialog(QDialog):
    confirmed = Signal()

    def __init__(self, rb: ReadBack, parent: QWidget | None = None, *, note: str = "") -> None:
        super().__init__(parent)
        self.rb = rb
        self.busy = False
        self.setObjectName("readBackDialog")
        self.setWindowTitle(self.tr("Read back before recording"))
        self.setModal(True)
        self.setStyleSheet("QDialog#readBackDialog { background: #fbfaf6; }")

        who = QLabel(
            self.tr("{kind} · account {number} · {name}").format(
                kind=kind_label(rb.kind), number=rb.account_number, name=rb.account_name
            )
        )
        who.setObjectName("readBackWho")
        who.setStyleSheet("font-size: 20px;")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        rows = [
            (self.tr("Due"), rb.due_fen, rb.due_capital, "readBackDue"),
            (self.tr("Received"), rb.received_fen, rb.received_capital, "readBackReceived"),
        ]
        if rb.method == "cash":
            rows.append((self.tr("Change"), rb.change_fen, rb.change_capital, "readBackChange"))
        for i, (term, fen, capital, name) in enumerate(rows):
            t = QLabel(term)
            t.setStyleSheet(TERM)
            figure = QLabel(f"¥{format_yuan(fen)}")
            figure.setObjectName(name)
            figure.setStyleSheet(FIGURE)
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            cap = QLabel(capital)
            cap.setObjectName(name + "Capital")
            cap.setStyleSheet(CAPITAL)
            grid.addWidget(t, i, 0)
            grid.addWidget(figure, i, 1)
            grid.addWidget(cap, i, 2)
        details = [self.tr("Method: {method}").format(method=method_label(rb.method))]
        if rb.reference:
            details.append(self.tr("Reference: {reference}").format(reference=rb.reference))
        if rb.kind == "purchase":
            details.append(
                self.tr("Gas to load: {volume} m³").format(volume=format_m3(rb.volume_l))
            )
        detail = QLabel("   ".join(details))
        detail.setObjectName("readBackDetails")
        detail.setStyleSheet("font-size: 16px;")

        self.fapiao_box = FapiaoBox(rb.account_name)
        self.fapiao: FapiaoBuyer | None = None  # what the teller confirmed

        self.note = QLabel(note)
        self.note.setObjectName("readBackNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-size: 18px; color: #8a4b00;")
        self.note.setVisible(bool(note))

        say = QLabel(self.tr("Say to the customer:"))
        say.setStyleSheet("color: #666;")
        self.sentence = QLabel(rb.sentence)
        self.sentence.setObjectName("readBackSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet(
            "font-size: 26px; padding: 14px; background: #eef5ee; border: 1px solid #b9d3b9; border-radius: 6px;"
        )
        self.status = QLabel("")
        self.status.setObjectName("readBackStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 16px; color: #b00020;")

        self.confirm_button = QPushButton(self.tr("Record and print (Enter)"))
        self.confirm_button.setObjectName("confirmButton")
        self.back_button = QPushButton(self.tr("Back (Esc)"))
        self.back_button.setObjectName("backButton")
        for b in (self.confirm_button, self.back_button):
            b.setAutoDefault(False)
            b.setDefault(False)
            b.setMinimumHeight(40)
        self.confirm_button.clicked.connect(self.confirm)
        self.back_button.clicked.connect(self.back)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        layout.addWidget(who)
        layout.addLayout(grid)
        layout.addWidget(detail)
        layout.addWidget(self.fapiao_box)
        layout.addWidget(self.note)
        layout.addSpacing(6)
        layout.addWidget(say)
        layout.addWidget(self.sentence)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(760)

    def confirm(self) -> None:
        if self.busy:
            return  # a second Enter or click while recording does nothing
        try:
            self.fapiao = self.fapiao_box.buyer()
        except FapiaoError as exc:
            self.status.setStyleSheet("font-size: 16px; color: #b00020;")
            self.status.setText(user_text(exc))
            return
        self.set_busy(True)
        self.confirmed.emit()

    def back(self) -> None:
        if not self.busy:
            self.reject()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.confirm_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.fapiao_box.setEnabled(not busy)
        if busy:
            self.status.setStyleSheet("font-size: 16px; color: #555;")
            self.status.setText(self.tr("Recording the payment…"))

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.status.setStyleSheet("font-size: 16px; color: #b00020;")
        self.status.setText(message)
        self.confirm_button.setText(self.tr("Try again (Enter)"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.fapiao_box.next_entry(self.focusWidget()):
                self.confirm()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.back()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()  # the payment is being recorded: wait for the result
            return
        super().closeEvent(event)
