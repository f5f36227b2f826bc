"""The blind count at the end of a shift: the drawer by denomination and the totals
read off the payment terminals, with nothing of what the system expects in sight."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.cash import NON_CASH_METHODS, parse_terminal_total
from gasdesk.ui.dayend.denominations import DenominationForm
from gasdesk.ui.fees.labels import method_label


class BlindCountBox(QGroupBox):
    submitted = Signal()  # the Record button, or Enter in the last terminal field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Blind count at the end of the shift"))
        box = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Count the drawer by denomination and read the totals off the payment "
                "terminals. What the system expects is shown once the count is recorded."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.form = DenominationForm()
        box.addWidget(self.form)
        terminals = QFormLayout()
        self.terminal: dict[str, QLineEdit] = {}
        for method in NON_CASH_METHODS:
            edit = QLineEdit()
            edit.setObjectName(f"terminal_{method}")
            edit.setPlaceholderText("0.00")
            terminals.addRow(
                self.tr("{method} terminal total").format(method=method_label(method)), edit
            )
            self.terminal[method] = edit
        box.addLayout(terminals)
        self.button = QPushButton(self.tr("&Record count"))
        self.button.setObjectName("recordCount")
        box.addWidget(self.button)
        self.form.submitted.connect(self.terminal[NON_CASH_METHODS[0]].setFocus)
        for a, b in itertools.pairwise(NON_CASH_METHODS):
            self.terminal[a].returnPressed.connect(self.terminal[b].setFocus)
        self.terminal[NON_CASH_METHODS[-1]].returnPressed.connect(self.submitted)
        self.button.clicked.connect(self.submitted)

    def values(self) -> tuple[dict[int, int], dict[str, int]]:
        """Pieces per denomination and terminal totals in fen; raises CountError or
        AmountError with the teller's message."""
        counts = self.form.count().as_dict()
        declared = {m: parse_terminal_total(e.text()) for m, e in self.terminal.items()}
        return counts, declared

    def clear(self) -> None:
        self.form.clear()
        for edit in self.terminal.values():
            edit.clear()

    def focus_first(self) -> None:
        self.form.focus_first()
