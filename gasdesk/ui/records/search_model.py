"""The search results as a table model: one row per account found, with the spans of
each cell that matched (SPANS_ROLE) for the highlighting delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gasdesk.domain.records import AccountSummary
from gasdesk.domain.search import Field, SearchHit

SPANS_ROLE = Qt.ItemDataRole.UserRole + 1  # list[tuple[int, int]] to highlight in the text
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 2  # the AccountSummary of the row

COLUMNS: tuple[Field, ...] = (Field.NUMBER, Field.NAME, Field.PHONE, Field.ADDRESS, Field.METER)

Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def _headers(self) -> dict[Field, str]:
        return {
            Field.NUMBER: self.tr("Account"),
            Field.NAME: self.tr("Name"),
            Field.PHONE: self.tr("Mobile"),
            Field.ADDRESS: self.tr("Address"),
            Field.METER: self.tr("Meter"),
        }

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def account(self, row: int) -> AccountSummary | None:
        hit = self.hit(row)
        return hit.account if hit else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return self._headers()[COLUMNS[section]]
        return None

    @staticmethod
    def _text(hit: SearchHit, field: Field) -> str:
        a = hit.account
        return {
            Field.NUMBER: a.number,
            Field.NAME: a.name,
            Field.PHONE: a.phone,
            Field.ADDRESS: a.address,
            Field.METER: hit.matched_meter or a.meter_number,
        }[field]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._hits)):
            return None
        if not (0 <= index.column() < len(COLUMNS)):
            return None
        hit = self._hits[index.row()]
        field = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(hit, field)
        if role == SPANS_ROLE:
            return hit.spans(field)
        if role == ACCOUNT_ROLE:
            return hit.account
        if role == Qt.ItemDataRole.ToolTipRole:
            if field == Field.METER and hit.matched_meter:
                return self.tr("Removed meter; the meter in service is {meter}").format(
                    meter=hit.account.meter_number or "—"
                )
            if field == Field.ADDRESS:
                return hit.account.address
            if hit.account.status != "active":
                return self.tr("Account status: {status}").format(status=hit.account.status)
        if role == Qt.ItemDataRole.ForegroundRole and hit.account.status != "active":
            return QColor("#7b8794")
        return None
