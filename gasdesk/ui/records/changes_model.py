"""The account's history of changes (开户, 信息变更, 停气/复气, 销户 ...), newest first:
when, what, the old and the new value, why (with the form), who."""

from __future__ import annotations

from collections.abc import Sequence

from gasdesk.domain.lifecycle import HistoryLine
from gasdesk.ui.table_model import RowTableModel


class ChangesModel(RowTableModel):
    def headers(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("What"),
            self.tr("Was"),
            self.tr("Now"),
            self.tr("Why"),
            self.tr("Form"),
            self.tr("By"),
        ]

    def set_history(self, rows: Sequence[HistoryLine]) -> None:
        self.set_rows(list(reversed(rows)))

    def field_text(self, field: str) -> str:
        return {
            "opened": self.tr("account opened"),
            "name": self.tr("holder"),
            "id_card": self.tr("ID-card number"),
            "phone": self.tr("phone"),
            "address": self.tr("supply address"),
            "user_type": self.tr("user type"),
            "status": self.tr("supply status"),
            "meter": self.tr("meter"),
            "meter_check": self.tr("meter check"),
            "meter_verified": self.tr("meter verified"),
        }.get(field, field)

    def value_text(self, field: str, value: str) -> str:
        if field == "status":
            return {
                "active": self.tr("supplied"),
                "suspended": self.tr("stopped (停气)"),
                "closed": self.tr("closed (已销户)"),
            }.get(value, value)
        if field == "user_type":
            return {
                "residential": self.tr("residential"),
                "commercial": self.tr("commercial"),
            }.get(value, value)
        return value or "—"

    def cell(self, item: HistoryLine, column: int) -> str:
        return [
            f"{item.at:%Y-%m-%d %H:%M}",
            self.field_text(item.field),
            self.value_text(item.field, item.old) if item.old else "—",
            self.value_text(item.field, item.new),
            item.reason,
            item.form_number,
            item.staff_name,
        ][column]
