"""Item models of the fee tab: the lines of the amount due, and the day's payments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from gasdesk.domain.fees import BillView, PaymentRow
from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff import TierLine, format_m3
from gasdesk.ui.fees.labels import kind_label, method_label
from gasdesk.ui.table_model import RIGHT, RowTableModel

Row = tuple[bool, list[str]]  # (is_heading, cells)
NOT_WRITTEN = QColor("#b00020")  # a purchase paid and not written onto its card


class DueLinesModel(RowTableModel):
    """Each bill as a row (period, readings, volume, amount) followed by its tier
    lines (tier, volume × price = amount); or the tier lines of an IC-card purchase."""

    def headers(self) -> list[str]:
        return [
            self.tr("Item"),
            self.tr("Readings (m³)"),
            self.tr("Volume (m³)"),
            self.tr("Price (¥/m³)"),
            self.tr("Amount (¥)"),
        ]

    def _tier_row(self, line: TierLine, dated: bool) -> Row:
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
        rows: list[Row] = []
        for b in bills:
            readings = ""
            if b.from_value_l is not None and b.to_value_l is not None:
                readings = f"{format_m3(b.from_value_l)} → {format_m3(b.to_value_l)}"
            # two short lines rather than one the column would cut
            period = f"{b.period_start.isoformat()} – {b.period_end.isoformat()}\n" + self.tr(
                "meter {meter}"
            ).format(meter=b.meter_number)
            amount = format_yuan(b.open_fen)
            if b.paid_fen:
                amount = self.tr("{open} (of {total})").format(
                    open=amount, total=format_yuan(b.amount_fen)
                )
            rows.append((True, [period, readings, format_m3(b.volume_l), "", amount]))
            dated = len({ln.start for ln in b.lines}) > 1
            rows.extend(self._tier_row(ln, dated) for ln in b.lines)
        self.set_rows(rows)

    def set_lines(self, lines: tuple[TierLine, ...]) -> None:
        self.set_rows([self._tier_row(ln, False) for ln in lines])

    def clear(self) -> None:
        self.set_rows([])

    def cell(self, item: Row, column: int) -> str:
        return item[1][column]

    def extra(self, item: Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and item[0]:
            font = QFont()
            font.setBold(True)
            return font
        return None


class PaymentsModel(RowTableModel):
    """The office's payments of the day, newest first."""

    def row_at(self, row: int) -> PaymentRow | None:
        return self.item(row)

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

    def _status(self, r: PaymentRow) -> str:
        if r.voided_by_code:
            return self.tr("voided by {code}").format(code=r.voided_by_code)
        if r.voids_code:
            return self.tr("reverses {code}").format(code=r.voids_code)
        if "not_written" in r.flags:
            return self.tr("paid, NOT written to the card")
        return ""

    def cell(self, r: PaymentRow, column: int) -> str:
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
        return cells[column]

    def extra(self, r: PaymentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 6:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return r
        if role == Qt.ItemDataRole.ForegroundRole and "not_written" in r.flags:
            return NOT_WRITTEN
        return None
