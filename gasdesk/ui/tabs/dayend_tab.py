"""The End of day tab (empty state until the capability is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from gasdesk.ui.context import AppContext
from gasdesk.ui.tabs.empty import EmptyState


class DayEndTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(
            EmptyState(
                self.tr("Not available yet"),
                self.tr(
                    "Counting the cash drawer and closing the day is not available in this version."
                ),
            )
        )
