"""Item models of the end-of-day tab: expected against counted per method, and the
service figures per teller and office."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from gasdesk.domain.cash import MethodLine
from gasdesk.domain.dayend import Reconciliation
from gasdesk.domain.kpi import KpiRow, ReplyFigures
from gasdesk.domain.money import format_yuan
from gasdesk.domain.service_quality import SATISFACTION_TARGET, format_rate
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.ui.fees.labels import method_label
from gasdesk.ui.table_model import RIGHT, RowTableModel

RED = QColor("#b00020")
GREEN = QColor("#1e7b34")


CONTEXT = "DayEnd"


def difference_text(fen: int) -> str:
    if fen > 0:
        return QCoreApplication.translate("DayEnd", "Over ¥{amount}").format(
            amount=format_yuan(fen)
        )
    if fen < 0:
        return QCoreApplication.translate("DayEnd", "Short ¥{amount}").format(
            amount=format_yuan(-fen)
        )
    return QCoreApplication.translate("DayEnd", "Even")


class ReconciliationModel(RowTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("DayEnd", "Method"),
        QT_TRANSLATE_NOOP("DayEnd", "Transactions"),
        QT_TRANSLATE_NOOP("DayEnd", "Expected"),
        QT_TRANSLATE_NOOP("DayEnd", "Counted"),
        QT_TRANSLATE_NOOP("DayEnd", "Difference"),
        QT_TRANSLATE_NOOP("DayEnd", "Recorded"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._recorded: frozenset[str] = frozenset()

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(CONTEXT, c) for c in self.COLUMNS]

    def set_reconciliation(self, rec: Reconciliation | None) -> None:
        self._recorded = frozenset(d.method for d in rec.differences) if rec else frozenset()
        self.set_rows(rec.lines if rec else ())

    def line(self, row: int) -> MethodLine:
        return self._rows[row]

    def cell(self, line: MethodLine, col: int) -> str:
        if col == 0:
            return method_label(line.method)
        if col == 1:
            return str(line.transactions)
        if col == 2:
            return format_yuan(line.expected_fen)
        if col == 3:
            return format_yuan(line.counted_fen)
        if col == 4:
            return difference_text(line.difference_fen)
        if line.difference_fen == 0:
            return ""
        return (
            QCoreApplication.translate("DayEnd", "Yes")
            if line.method in self._recorded
            else QCoreApplication.translate("DayEnd", "Needs a supervisor")
        )

    def extra(self, line: MethodLine, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= col <= 3:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col in (4, 5) and line.difference_fen:
            return QBrush(GREEN if line.method in self._recorded else RED)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            notes = []
            if line.missing_references:
                notes.append(
                    QCoreApplication.translate("DayEnd", "{n} without a reference").format(
                        n=line.missing_references
                    )
                )
            if line.duplicate_references:
                notes.append(
                    QCoreApplication.translate("DayEnd", "Reference used twice: {refs}").format(
                        refs=", ".join(line.duplicate_references)
                    )
                )
            return "\n".join(notes) or None
        return None


def _rate(figures: ReplyFigures | None) -> str:
    if figures is None or figures.rate is None:
        return QCoreApplication.translate("DayEnd", "no data")
    return f"{format_rate(figures.rate)} ({figures.in_term}/{figures.received})"


def _money(fen: int | None) -> str:
    return (
        QCoreApplication.translate("DayEnd", "no data") if fen is None else "¥" + format_yuan(fen)
    )


def _seconds(value: int | None) -> str:
    if value is None:
        return QCoreApplication.translate("DayEnd", "no data")
    minutes, seconds = divmod(value, 60)
    return f"{minutes}:{seconds:02d}"


class KpiModel(RowTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("DayEnd", "Teller / office"),
        QT_TRANSLATE_NOOP("DayEnd", "Consultations replied in term"),
        QT_TRANSLATE_NOOP("DayEnd", "Complaints replied in term"),
        QT_TRANSLATE_NOOP("DayEnd", "Reply rate"),
        QT_TRANSLATE_NOOP("DayEnd", "Pending"),
        QT_TRANSLATE_NOOP("DayEnd", "Satisfaction"),
        QT_TRANSLATE_NOOP("DayEnd", "Average service time"),
        QT_TRANSLATE_NOOP("DayEnd", "Worst service time"),
        QT_TRANSLATE_NOOP("DayEnd", "Unit fine"),
        QT_TRANSLATE_NOOP("DayEnd", "Compensation"),
    )

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(CONTEXT, c) for c in self.COLUMNS]

    def text(self, row: int, col: int) -> str:
        return self.cell(self._rows[row], col)

    def cell(self, r: KpiRow, col: int) -> str:
        if col == 0:
            return r.label
        if col == 1:
            return _rate(r.consultations)
        if col == 2:
            return _rate(r.complaints)
        if col == 3:
            return _rate(r.replies)
        if col == 4:
            replies = r.replies
            return (
                QCoreApplication.translate("DayEnd", "no data")
                if replies is None
                else str(replies.pending)
            )
        if col == 5:
            s = r.satisfaction
            if s is None or s.rate is None:
                return QCoreApplication.translate("DayEnd", "no data")
            return f"{format_rate(s.rate)} ({s.ratings})"
        if col == 6:
            return _seconds(r.times.average_seconds if r.times else None)
        if col == 7:
            return _seconds(r.times.worst_seconds if r.times else None)
        if col == 8:
            return "" if r.staff_id is not None else _money(r.unit_fine_fen)
        return _money(r.compensation_fen)

    def extra(self, r: KpiRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 3 and r.replies is not None and r.replies.rate is not None:
                return QBrush(GREEN if r.replies.rate >= 1 else RED)
            if col == 5 and r.satisfaction is not None and r.satisfaction.rate:
                return QBrush(GREEN if r.satisfaction.rate >= SATISFACTION_TARGET else RED)
        if role == Qt.ItemDataRole.FontRole and r.staff_id is None:
            font = QFont()
            font.setBold(True)
            return font
        return None
