"""Table models of an account's history: readings (with flags), bills and payments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gasdesk.domain.account_view import BillLine, PaymentLine
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readings import ANOMALIES, Flag, ReadingRow, format_m3
from gasdesk.ui.table_model import RIGHT, RowTableModel

FLAGS_ROLE = Qt.ItemDataRole.UserRole + 10  # frozenset[Flag] of a reading row

FLAGGED_BG = QColor("#fff4d6")
WARN_FG = QColor("#b42318")
MUTED_FG = QColor("#7b8794")


class ReadingsModel(RowTableModel):
    """Newest reading first."""

    def headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Meter"),
            self.tr("Reading m³"),
            self.tr("Used m³"),
            self.tr("Year before m³"),
            self.tr("Source"),
            self.tr("Check"),
        ]

    def set_readings(self, rows: Sequence[ReadingRow]) -> None:
        self.set_rows(list(reversed(rows)))

    def source_text(self, source: str) -> str:
        return {
            "reader": self.tr("meter reader"),
            "counter": self.tr("counter"),
            "estimated": self.tr("estimated"),
            "business": self.tr("business"),
            "remote": self.tr("remote reading"),
        }.get(source, source)

    def flag_text(self, flag: Flag) -> str:
        return {
            Flag.HIGH_VS_LAST_YEAR: self.tr("far above last year"),
            Flag.ESTIMATED_RUN: self.tr("estimated again"),
            Flag.LOWER_THAN_PREVIOUS: self.tr("lower than previous"),
            Flag.METER_CHANGE: self.tr("meter changed"),
        }[flag]

    def cell(self, item: ReadingRow, column: int) -> str:
        if column == 0:
            return item.read_on.isoformat()
        if column == 1:
            return item.point.meter_number
        if column == 2:
            return format_m3(item.value_l)
        if column == 3:
            return format_m3(item.volume_l) if item.volume_l is not None else "—"
        if column == 4:
            return (
                format_m3(item.last_year_volume_l) if item.last_year_volume_l is not None else "—"
            )
        if column == 5:
            return self.source_text(item.source)
        return "; ".join(self.flag_text(f) for f in Flag if f in item.flags)

    def extra(self, item: ReadingRow, column: int, role: int) -> Any:
        if role == FLAGS_ROLE:
            return item.flags
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4):
            return RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and item.flags & ANOMALIES:
            return FLAGGED_BG
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 3 and item.volume_l is not None and item.volume_l < 0:
                return WARN_FG
            if column == 6:
                return WARN_FG if item.flags & ANOMALIES else MUTED_FG
            if item.source == "estimated":
                return MUTED_FG
        return None


class BillsModel(RowTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Period"), self.tr("Used m³"), self.tr("Amount ¥"), self.tr("State")]

    def cell(self, item: BillLine, column: int) -> str:
        if column == 0:
            return f"{item.period_start.isoformat()} – {item.period_end.isoformat()}"
        if column == 1:
            return format_m3(item.volume_l)
        if column == 2:
            return format_yuan(item.amount_fen)
        if item.settled:
            return self.tr("paid ({receipt})").format(receipt=item.receipt_code or "—")
        return self.tr("unpaid")

    def extra(self, item: BillLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not item.settled:
            return WARN_FG
        return None


class PaymentsModel(RowTableModel):
    def headers(self) -> list[str]:
        return [
            self.tr("Business day"),
            self.tr("Kind"),
            self.tr("Method"),
            self.tr("Amount ¥"),
            self.tr("Receipt"),
            self.tr("Note"),
        ]

    def kind_text(self, kind: str) -> str:
        return {
            "bill": self.tr("gas bill"),
            "purchase": self.tr("gas purchase"),
            "prepay": self.tr("prepayment"),
            "card_fee": self.tr("new IC card fee"),
            "void": self.tr("void"),
            "refund": self.tr("refund"),
        }.get(kind, kind)

    def method_text(self, method: str) -> str:
        return {
            "cash": self.tr("cash"),
            "wechat": self.tr("WeChat Pay"),
            "alipay": self.tr("Alipay"),
            "card": self.tr("bank card"),
        }.get(method, method)

    def cell(self, item: PaymentLine, column: int) -> str:
        if column == 0:
            return item.business_date.isoformat()
        if column == 1:
            if item.volume_l:
                return self.tr("{kind}, {volume} m³").format(
                    kind=self.kind_text(item.kind), volume=format_m3(item.volume_l)
                )
            return self.kind_text(item.kind)
        if column == 2:
            return self.method_text(item.method)
        if column == 3:
            return format_yuan(item.amount_fen)
        if column == 4:
            return item.receipt_code or "—"
        if item.voided:
            return self.tr("voided")
        if item.voids_receipt:
            return self.tr("voids {receipt}").format(receipt=item.voids_receipt)
        return ""

    def extra(self, item: PaymentLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and (item.voided or item.kind == "void"):
            return MUTED_FG
        return None
