"""Item models of the end-of-day tab: expected against counted per method, and the
service figures per teller and office."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from gasdesk.domain.cash import MethodLine
from gasdesk.domain.dayend import Reconciliation
from gasdesk.domain.kpi import KpiRow, ReplyFigures
from gasdesk.domain.money import format_yuan
from gasdesk.domain.service_quality import format_rate
from gasdesk.domain.text import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b00020")
GREEN = QColor("#1e7b34")


CONTEXT = "DayEnd"


def method_name(method: str) -> str:
    names = {
        "cash": QCoreApplication.translate("DayEnd", "Cash"),
        "wechat": QCoreApplication.translate("DayEnd", "WeChat Pay"),
        "alipay": QCoreApplication.translate("DayEnd", "Alipay"),
        "card": QCoreApplication.translate("DayEnd", "Bank card"),
        "balance": QCoreApplication.translate("DayEnd", "Prepaid balance"),
    }
    return names.get(method, method)


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


class ReconciliationModel(QAbstractTableModel):
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
        self._rec: Reconciliation | None = None
        self._lines: tuple[MethodLine, ...] = ()

    def set_reconciliation(self, rec: Reconciliation | None) -> None:
        self.beginResetModel()
        self._rec = rec
        self._lines = rec.lines if rec else ()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(CONTEXT, self.COLUMNS[section])
        return None

    def line(self, row: int) -> MethodLine:
        return self._lines[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._rec is None:
            return None
        line = self._lines[index.row()]
        col = index.column()
        recorded = {d.method for d in self._rec.differences}
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return method_name(line.method)
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
                if line.method in recorded
                else QCoreApplication.translate("DayEnd", "Needs a supervisor")
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and 1 <= col <= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (4, 5) and line.difference_fen:
            return QBrush(GREEN if line.method in recorded else RED)
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


class KpiModel(QAbstractTableModel):
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

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[KpiRow] = []

    def set_rows(self, rows: list[KpiRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(CONTEXT, self.COLUMNS[section])
        return None

    def text(self, row: int, col: int) -> str:
        r = self._rows[row]
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == 3 and r.replies is not None and r.replies.rate is not None:
                return QBrush(GREEN if r.replies.rate >= 1 else RED)
            if index.column() == 5 and r.satisfaction is not None and r.satisfaction.rate:
                return QBrush(GREEN if r.satisfaction.rate >= Fraction(99, 100) else RED)
        if role == Qt.ItemDataRole.FontRole and r.staff_id is None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
