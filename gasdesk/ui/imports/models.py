"""The two lists of the import screen: the first rows as they will be stored, and the
refused values with their reasons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from gasdesk.domain.import_columns import COLUMNS
from gasdesk.domain.import_rows import Refusal
from gasdesk.domain.imports import ImportReport, PreviewRow
from gasdesk.ui.messages import english_ui, translate
from gasdesk.ui.table_model import RIGHT, RowTableModel


class PreviewModel(RowTableModel):
    """Line, then each column the file has, as the import reads it."""

    CODED = ("user_type", "meter_kind", "source")  # stored as codes, shown by name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._fields: tuple[str, ...] = ()

    def code_name(self, code: str) -> str:
        return {
            "residential": self.tr("residential"),
            "commercial": self.tr("commercial"),
            "mechanical": self.tr("mechanical meter"),
            "ic_card": self.tr("IC-card meter"),
            "reader": self.tr("meter reader"),
            "remote": self.tr("remote reading"),
            "estimated": self.tr("estimated"),
        }.get(code, code)

    def show_report(self, report: ImportReport | None) -> None:
        self.beginResetModel()
        if report is None:
            self._headers, self._rows, self._fields = [], [], ()
        else:
            self._fields = report.columns
            names = {c.field: c for c in COLUMNS[report.kind]}
            english = english_ui()
            self._headers = [self.tr("Line")] + [
                names[f].english if english else names[f].header for f in report.columns
            ]
            self._rows = list(report.preview)
        self.endResetModel()

    def headers(self) -> list[str]:
        return self._headers

    def cell(self, item: PreviewRow, column: int) -> str:
        if column == 0:
            return str(item.line)
        if column - 1 >= len(item.values):
            return ""
        value = item.values[column - 1]
        return self.code_name(value) if self._fields[column - 1] in self.CODED else value

    def extra(self, item: PreviewRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return RIGHT
        return None


class RefusalModel(RowTableModel):
    def headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]

    def cell(self, item: Refusal, column: int) -> str:
        if column == 0:
            return str(item.line)
        if column == 1:
            return item.column if item.field else self.tr("(whole row)")
        if column == 2:
            return item.value
        return translate(item.template, **item.params)

    def extra(self, item: Refusal, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return translate(item.template, **item.params)
        return None
