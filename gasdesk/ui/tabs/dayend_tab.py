"""The End of day tab (日结对账): the teller's shift and blind count, the office's day
close and report, the service figures and the prices. Ctrl+1/2/3/4 switch between them."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gasdesk.domain.events import DayClosed, DrawerChanged
from gasdesk.ui.context import AppContext
from gasdesk.ui.dayend.day_panel import DayPanel
from gasdesk.ui.dayend.kpi_panel import KpiPanel
from gasdesk.ui.dayend.prices_panel import PricesPanel
from gasdesk.ui.dayend.shift_panel import ShiftPanel


class DayEndTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.pages = QTabWidget()
        self.pages.setObjectName("dayEndPages")
        self.shift_panel = ShiftPanel(ctx)
        self.day_panel = DayPanel(ctx)
        self.kpi_panel = KpiPanel(ctx)
        self.prices_panel = PricesPanel(ctx)
        self.pages.addTab(self.shift_panel, self.tr("My shift (Ctrl+1)"))
        self.pages.addTab(self.day_panel, self.tr("Close the day (Ctrl+2)"))
        self.pages.addTab(self.kpi_panel, self.tr("Service figures (Ctrl+3)"))
        self.pages.addTab(self.prices_panel, self.tr("Prices (Ctrl+4)"))
        layout.addWidget(self.pages)
        for i in range(self.pages.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            shortcut.activated.connect(lambda i=i: self.pages.setCurrentIndex(i))
        self.pages.currentChanged.connect(self._page_shown)
        ctx.events.subscribe(DrawerChanged, self._drawer_changed)
        ctx.events.subscribe(DayClosed, self._drawer_changed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._page_shown(self.pages.currentIndex())

    def _page_shown(self, index: int) -> None:
        page = self.pages.widget(index)
        if isinstance(page, ShiftPanel | DayPanel | KpiPanel | PricesPanel):
            page.refresh()

    def _drawer_changed(self, _event: DrawerChanged | DayClosed) -> None:
        if self.day_panel.isVisible():
            self.day_panel.refresh()
