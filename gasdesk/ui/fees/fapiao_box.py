"""At the read-back: the customer wants a fapiao (Alt+I), made out to a buyer. The
entries show when it is ticked; Enter moves from one to the next, and on the last
it confirms the payment. The rules are domain.fapiao's, as the payment service's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from gasdesk.domain.fapiao import FapiaoBuyer, FapiaoError, check_buyer


class FapiaoBox(QWidget):
    def __init__(self, account_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account_name = account_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.wanted = QCheckBox(self.tr("The customer wants a fapiao (&I)"))
        self.wanted.setObjectName("fapiaoWanted")
        self.wanted.setStyleSheet("font-size: 16px;")
        self.wanted.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter stays the read-back's
        layout.addWidget(self.wanted)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(24, 0, 0, 0)
        self.name = self._line("fapiaoName", 100)
        self.tax_number = self._line("fapiaoTaxNumber", 24)
        self.tax_number.setPlaceholderText(self.tr("18 characters; empty for a private person"))
        self.phone = self._line("fapiaoPhone", 20)
        self.email = self._line("fapiaoEmail", 100)
        self.phone.setPlaceholderText(self.tr("the e-fapiao is sent by text message"))
        self.email.setPlaceholderText(self.tr("or by e-mail"))
        form.addRow(self.tr("Buyer's name"), self.name)
        form.addRow(self.tr("Tax number (unified social credit code)"), self.tax_number)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        layout.addWidget(self.fields)
        self.fields.hide()
        self.wanted.toggled.connect(self._toggled)

    def _line(self, name: str, length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(length)
        return edit

    @property
    def entries(self) -> tuple[QLineEdit, ...]:
        return (self.name, self.tax_number, self.phone, self.email)

    def _toggled(self, on: bool) -> None:
        self.fields.setVisible(on)
        if on:
            if not self.name.text():
                self.name.setText(self.account_name)
            self.name.setFocus()
            self.name.selectAll()

    def next_entry(self, current: QWidget | None) -> bool:
        """Move on from `current` to the next entry; False when it is the last one (or
        no entry of the box), so that Enter confirms."""
        if not self.wanted.isChecked() or current not in self.entries:
            return False
        i = self.entries.index(current)
        if i == len(self.entries) - 1:
            return False
        self.entries[i + 1].setFocus()
        return True

    def buyer(self) -> FapiaoBuyer | None:
        """The buyer entered, checked; None when no fapiao is wanted. A refusal
        (FapiaoError) puts the cursor on the entry to correct."""
        if not self.wanted.isChecked():
            return None
        try:
            return check_buyer(*(e.text() for e in self.entries))
        except FapiaoError as exc:
            field = {"name": self.name, "tax_number": self.tax_number, "email": self.email}
            entry = field.get(exc.field, self.phone)
            entry.setFocus()
            entry.selectAll()
            raise
