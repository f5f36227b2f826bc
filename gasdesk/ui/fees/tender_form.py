"""The tender part of the fee tab: what is paid for (bills, IC-card gas, prepayment),
how (cash, WeChat Pay, Alipay, bank card, prepaid balance) and the cash handed over
or the transaction reference. Widgets only; the fee tab drives the flow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.methods import TENDER_METHODS
from gasdesk.ui.fees.labels import method_label

MODES = ("bill", "purchase", "prepay")
EXACT_CASH_KEY = Qt.Key.Key_Plus  # on the numeric keypad, beside Enter


def _field(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaxLength(32)
    edit.setMinimumHeight(34)
    edit.setStyleSheet("font-size: 18px;")
    return edit


class TenderForm(QWidget):
    mode_changed = Signal(str)
    method_changed = Signal(str)
    exact_cash = Signal()  # '+' in the cash-received field: exactly the amount due

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_buttons: dict[str, QRadioButton] = {
            "bill": QRadioButton(self.tr("Pay bills (Alt+B)")),
            "purchase": QRadioButton(self.tr("Buy gas, IC card (Alt+G)")),
            "prepay": QRadioButton(self.tr("Prepay (Alt+P)")),
        }
        self.modes = QButtonGroup(self)
        mode_row = QHBoxLayout()
        for mode, button in self.mode_buttons.items():
            button.setObjectName(f"mode_{mode}")
            self.modes.addButton(button)
            mode_row.addWidget(button)
            button.toggled.connect(lambda on, m=mode: self._mode_toggled(m, on))
        mode_row.addStretch(1)

        self.method = QComboBox()
        self.method.setObjectName("methodCombo")
        self.set_methods(list(TENDER_METHODS))
        self.method.currentIndexChanged.connect(
            lambda _i: self.method_changed.emit(self.current_method())
        )
        for key, mode in (("Alt+B", "bill"), ("Alt+G", "purchase"), ("Alt+P", "prepay")):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda m=mode: self.set_mode(m))
        for number, code in enumerate(TENDER_METHODS, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda c=code: self.choose_method(c))

        self.buy_amount = _field("buyAmountInput", self.tr("yuan, e.g. 100"))
        self.buy_volume = _field("buyVolumeInput", self.tr("m³, e.g. 20"))
        self.prepay_amount = _field("prepayInput", self.tr("yuan, e.g. 200"))
        self.tendered = _field("tenderedInput", self.tr("e.g. 200, or + if exact"))
        self.tendered.installEventFilter(self)
        self.reference = _field("referenceInput", self.tr("transaction reference number"))
        self.reference.setMaxLength(64)
        self.change = QLabel("")
        self.change.setObjectName("changePreview")
        self.change.setStyleSheet("font-size: 18px;")
        self.error = QLabel("")
        self.error.setObjectName("feeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-size: 15px;")
        # a prepayment for a customer with bills due: say so, and offer the bills first
        self.bills_due = QLabel("")
        self.bills_due.setObjectName("billsDueNotice")
        self.bills_due.setWordWrap(True)
        self.bills_due.setStyleSheet("color: #8a4b00; font-size: 15px;")
        self.settle_first = QPushButton(self.tr("Settle the bills first (Alt+B)"))
        self.settle_first.setObjectName("settleBillsFirst")
        self.settle_first.setAutoDefault(True)  # Enter on the focused button
        self.settle_first.clicked.connect(lambda: self.set_mode("bill"))
        self.read_back_button = QPushButton(self.tr("Read back (Enter)"))
        self.read_back_button.setObjectName("readBackButton")
        self.read_back_button.setAutoDefault(False)

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Method:"), self.method)
        self.form.addRow(self.tr("Buy for (¥):"), self.buy_amount)
        self.form.addRow(self.tr("or gas (m³):"), self.buy_volume)
        self.form.addRow(self.tr("Prepay (¥):"), self.prepay_amount)
        self.form.addRow(self.tr("Cash &received (¥):"), self.tendered)
        self.form.addRow(self.tr("Re&ference:"), self.reference)
        self.form.addRow(self.tr("Change:"), self.change)
        for label_for in (self.method, self.tendered, self.reference):
            label = self.form.labelForField(label_for)
            if isinstance(label, QLabel):
                label.setBuddy(label_for)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(mode_row)
        layout.addLayout(self.form)
        layout.addWidget(self.bills_due)
        layout.addWidget(self.settle_first)
        layout.addWidget(self.error)
        layout.addWidget(self.read_back_button)
        layout.addStretch(1)
        self.show_bills_due("")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.tendered
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == EXACT_CASH_KEY
        ):
            self.exact_cash.emit()
            return True  # '+' has no place in an amount
        return super().eventFilter(obj, event)

    def _mode_toggled(self, mode: str, on: bool) -> None:
        if on:
            self.mode_changed.emit(mode)

    # -- state ---------------------------------------------------------------------
    def current_mode(self) -> str:
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return "bill"

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)
        self.update_visibility()

    def current_method(self) -> str:
        return str(self.method.currentData() or "cash")

    def set_methods(self, methods: list[str]) -> None:
        current = self.current_method() if self.method.count() else "cash"
        self.method.blockSignals(True)
        self.method.clear()
        for code in methods:
            self.method.addItem(method_label(code), code)
        index = self.method.findData(current)
        self.method.setCurrentIndex(index if index >= 0 else 0)
        self.method.blockSignals(False)

    def choose_method(self, code: str, *, focus: bool = True) -> None:
        index = self.method.findData(code)
        if index >= 0:
            self.method.setCurrentIndex(index)
            if focus:
                self.entry_field().setFocus()

    def _show_row(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def update_visibility(self) -> None:
        mode, method = self.current_mode(), self.current_method()
        self._show_row(self.buy_amount, mode == "purchase")
        self._show_row(self.buy_volume, mode == "purchase")
        self._show_row(self.prepay_amount, mode == "prepay")
        self._show_row(self.tendered, method == "cash")
        self._show_row(self.change, method == "cash")
        self._show_row(self.reference, method not in ("cash", "balance"))

    def show_bills_due(self, text: str) -> None:
        """The notice (and the offer to settle the bills first), or nothing when empty."""
        self.bills_due.setText(text)
        self.bills_due.setVisible(bool(text))
        self.settle_first.setVisible(bool(text))

    def entry_field(self) -> QLineEdit | QComboBox:
        """Where the teller's next keystroke belongs."""
        method = self.current_method()
        if method == "cash":
            return self.tendered
        if method == "balance":
            return self.method
        return self.reference

    def clear_inputs(self) -> None:
        """Empty the form for the next payment; cash is the usual way to pay."""
        self.choose_method("cash", focus=False)
        self.update_visibility()
        for edit in (
            self.buy_amount,
            self.buy_volume,
            self.prepay_amount,
            self.tendered,
            self.reference,
        ):
            edit.clear()
        self.change.clear()
        self.error.clear()
