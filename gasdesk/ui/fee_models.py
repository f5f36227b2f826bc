"""Item models of the fee tab: the lines of the amount due, and the day's payments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from gasdesk.domain.fees import BillView, PaymentRow
from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff import TierLine, format_m3
from gasdesk.ui.fee_labels import kind_label, method_label

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class DueLinesModel(QAbstractTableModel):
    """Each bill as a row (period, readings, volume, amount) followed by its tier
    lines (tier, volume × price = amount); or the tier lines of an IC-card purchase."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[bool, list[str]]] = []  # (is_heading, cells)

    def headers(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Readings (m³)"),
            self.tr("Volume (m³)"),
            self.tr("Price (¥/m³)"),
            self.tr("Amount (¥)"),
        ]

    def _tier_row(self, line: TierLine, dated: bool) -> tuple[bool, list[str]]:
        label = self.tr("Tier {tier}").format(tier=line.tier)
        if dated:
            label = self.tr("{tier} from {day}").format(tier=label, day=line.start.isoformat())
        return (
            False,
            [
                "    " + label,
                "",
                format_m3(line.volume_l),
                format_yuan(line.price_fen),
                format_yuan(line.amount_fen),
            ],
        )

    def set_bills(self, bills: tuple[BillView, ...] | list[BillView]) -> None:
        rows: list[tuple[bool, list[str]]] = []
        for b in bills:
            readings = ""
            if b.from_value_l is not None and b.to_value_l is not None:
                readings = f"{format_m3(b.from_value_l)} → {format_m3(b.to_value_l)}"
            period = self.tr("{start} – {end} (meter {meter})").format(
                start=b.period_start.isoformat(), end=b.period_end.isoformat(), meter=b.meter_number
            )
            amount = format_yuan(b.open_fen)
            if b.paid_fen:
                amount = self.tr("{open} (of {total})").format(
                    open=amount, total=format_yuan(b.amount_fen)
                )
            rows.append((True, [period, readings, format_m3(b.volume_l), "", amount]))
            dated = len({ln.start for ln in b.lines}) > 1
            rows.extend(self._tier_row(ln, dated) for ln in b.lines)
        self._replace(rows)

    def set_lines(self, lines: tuple[TierLine, ...]) -> None:
        self._replace([self._tier_row(ln, False) for ln in lines])

    def clear(self) -> None:
        self._replace([])

    def _replace(self, rows: list[tuple[bool, list[str]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        heading, cells = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and heading:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 5
        ):
            return self.headers()[section]
        return None


class PaymentsModel(QAbstractTableModel):
    """The office's payments of the day, newest first."""

    COLUMNS = 9

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PaymentRow] = []

    def set_rows(self, rows: list[PaymentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PaymentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headers(self) -> list[str]:
        return [
            self.tr("Time"),
            self.tr("Receipt"),
            self.tr("Account"),
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Method"),
            self.tr("Amount (¥)"),
            self.tr("Teller"),
            self.tr("Status"),
        ]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def _status(self, r: PaymentRow) -> str:
        if r.voided_by_code:
            return self.tr("voided by {code}").format(code=r.voided_by_code)
        if r.voids_code:
            return self.tr("reverses {code}").format(code=r.voids_code)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = [
                r.created_at.strftime("%H:%M:%S"),
                r.code,
                r.account_number,
                r.account_name,
                kind_label(r.kind),
                method_label(r.method),
                format_yuan(r.amount_fen),
                r.staff_badge,
                self._status(r),
            ]
            return cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 6:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < self.COLUMNS
        ):
            return self.headers()[section]
        return None
