"""The tiers of a tariff version being entered: per tier its annual upper bound (m³)
and its price (yuan per m³); the last tier is open-ended. Enter moves to the next
field; the checks are those of a tariff file (domain.tariff_file)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff import Tier

MAX_TIERS = 6


class TierEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bounds: list[QLineEdit] = []
        self.prices: list[QLineEdit] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(self.tr("Tier")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Annual volume up to (m³)")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Price (yuan per m³)")), 0, 2)
        outer.addLayout(self.grid)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a tier"))
        self.add_button.setObjectName("addTier")
        self.remove_button = QPushButton(self.tr("Remove the last tier"))
        self.remove_button.setObjectName("removeTier")
        self.add_button.clicked.connect(self.add_tier)
        self.remove_button.clicked.connect(self.remove_tier)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        for _ in range(3):
            self.add_tier()

    def _row(self, n: int) -> tuple[QLabel, QLineEdit, QLineEdit]:
        label = QLabel(self.tr("Tier {n}").format(n=n + 1))
        bound = QLineEdit()
        bound.setObjectName(f"tierBound{n + 1}")
        bound.setMaxLength(8)
        price = QLineEdit()
        price.setObjectName(f"tierPrice{n + 1}")
        price.setMaxLength(8)
        bound.returnPressed.connect(price.setFocus)
        return label, bound, price

    def add_tier(self) -> None:
        n = len(self.prices)
        if n >= MAX_TIERS:
            return
        label, bound, price = self._row(n)
        self.grid.addWidget(label, n + 1, 0)
        self.grid.addWidget(bound, n + 1, 1)
        self.grid.addWidget(price, n + 1, 2)
        if self.prices:  # the tier before gets a bound: the new one is the open one
            previous = self.prices[-1]
            previous.returnPressed.connect(bound.setFocus)
        self.bounds.append(bound)
        self.prices.append(price)
        self._mark_open()

    def remove_tier(self) -> None:
        if len(self.prices) <= 1:
            return
        for widget in (self.bounds.pop(), self.prices.pop()):
            widget.deleteLater()
        row = len(self.prices) + 1
        item = self.grid.itemAtPosition(row, 0)
        label = item.widget() if item is not None else None
        if label is not None:
            label.deleteLater()
        self._mark_open()

    def _mark_open(self) -> None:
        for i, bound in enumerate(self.bounds):
            last = i == len(self.bounds) - 1
            bound.setEnabled(not last)
            bound.setPlaceholderText(self.tr("(and above)") if last else "")
            if last:
                bound.clear()

    def entries(self) -> list[dict[str, Any]]:
        """The tiers as a tariff file states them (checked by domain.tariff_file)."""
        out: list[dict[str, Any]] = []
        for i, (bound, price) in enumerate(zip(self.bounds, self.prices, strict=True)):
            entry: dict[str, Any] = {}
            if price.text().strip():
                entry["price_yuan"] = price.text().strip()
            if i < len(self.bounds) - 1:
                entry["upper_m3"] = bound.text().strip()
            out.append(entry)
        return out

    def set_tiers(self, tiers: tuple[Tier, ...]) -> None:
        while len(self.prices) > max(1, len(tiers)):
            self.remove_tier()
        while len(self.prices) < len(tiers):
            self.add_tier()
        for i, tier in enumerate(tiers):
            self.bounds[i].setText("" if tier.upper_m3 is None else str(tier.upper_m3))
            self.prices[i].setText(format_yuan(tier.price_fen, grouped=False))
