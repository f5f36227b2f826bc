"""A drawer count by denomination: one field per note or coin value that takes only
whole non-negative numbers, and the total shown as the teller types."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from gasdesk.domain.cash import DENOMINATIONS_FEN, CashCount, CountError, parse_count
from gasdesk.domain.money import format_yuan

COLUMNS = 4


class CountField(QLineEdit):
    """Digits only (full-width too); Enter moves on, like the rest of the counter."""

    enter = Signal()

    def __init__(self, value_fen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value_fen = value_fen
        self.setObjectName(f"count_{value_fen}")
        self.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9０-９]{0,5}"), self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0")
        self.setMaximumWidth(90)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.enter.emit()
            return
        super().keyPressEvent(event)


class DenominationForm(QWidget):
    total_changed = Signal(int)  # fen
    submitted = Signal()  # Enter in the last field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[int, CountField] = {}
        for i, value in enumerate(DENOMINATIONS_FEN):
            row, col = divmod(i, COLUMNS)
            label = QLabel(self._label(value))
            field = CountField(value)
            label.setBuddy(field)
            grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(field, row, col * 2 + 1)
            field.textChanged.connect(self._recount)
            field.enter.connect(lambda v=value: self._next(v))
            self.fields[value] = field
        grid.setColumnStretch(COLUMNS * 2, 1)
        self.total = QLabel()
        self.total.setObjectName("countTotal")
        self.total.setStyleSheet("font-size: 16px; font-weight: bold;")
        grid.addWidget(self.total, (len(DENOMINATIONS_FEN) - 1) // COLUMNS + 1, 0, 1, COLUMNS * 2)
        self._recount()

    def _label(self, value: int) -> str:
        if value >= 100:
            return self.tr("{n} yuan").format(n=value // 100)
        if value >= 10:
            return self.tr("{n} jiao").format(n=value // 10)
        return self.tr("{n} fen").format(n=value)

    def _next(self, value: int) -> None:
        i = DENOMINATIONS_FEN.index(value)
        if i + 1 < len(DENOMINATIONS_FEN):
            nxt = self.fields[DENOMINATIONS_FEN[i + 1]]
            nxt.setFocus()
            nxt.selectAll()
        else:
            self.submitted.emit()

    def _recount(self) -> None:
        total = 0
        for value, field in self.fields.items():
            # the validator lets nothing else in; anything odd is refused on submit
            with contextlib.suppress(CountError):
                total += value * parse_count(field.text())
        self.total.setText(self.tr("Total: ¥{total}").format(total=format_yuan(total)))
        self.total_changed.emit(total)

    def count(self) -> CashCount:
        """The count as typed; raises CountError for a field that is not a count."""
        return CashCount.parse({v: f.text() for v, f in self.fields.items()})

    def total_fen(self) -> int:
        return self.count().total_fen

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def focus_first(self) -> None:
        first = self.fields[DENOMINATIONS_FEN[0]]
        first.setFocus()
        first.selectAll()
