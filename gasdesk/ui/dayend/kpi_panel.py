"""Service figures (服务指标) per teller and office for a chosen day or month."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.kpi import KpiReport, Period
from gasdesk.services.kpi import service_kpis
from gasdesk.ui.context import AppContext
from gasdesk.ui.dates import day_edit, to_date
from gasdesk.ui.dayend.models import KpiModel
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.messages import user_text


class KpiPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: KpiReport | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("kpiPeriodKind")
        self.kind.addItem(self.tr("Day"), "day")
        self.kind.addItem(self.tr("Month"), "month")
        self.date = day_edit("kpiDate", clock(ctx).date())
        self.show_button = QPushButton(self.tr("&Show figures"))
        self.show_button.setObjectName("showKpis")
        period_label = QLabel(self.tr("&Period"))
        period_label.setBuddy(self.kind)
        for w in (period_label, self.kind, self.date, self.show_button):
            top.addWidget(w)
        top.addStretch(1)
        layout.addLayout(top)
        self.model = KpiModel(self)
        self.table = QTableView()
        self.table.setObjectName("kpiTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.note = QLabel(
            self.tr(
                "Targets of the service code: replies to consultations and complaints 100% "
                "within their term, satisfaction at least 99%. Each whole point of reply rate "
                "below 100% fines the unit ¥200; each complaint upheld against staff "
                "compensates the customer ¥30. Items still inside their term are pending and "
                'not counted yet. "No data" means nothing was recorded to measure.'
            )
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.message = QLabel()
        self.message.setObjectName("kpiMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.show_button.clicked.connect(self.refresh)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.date.dateChanged.connect(lambda _d: self.refresh())

    def period(self) -> Period:
        day = to_date(self.date.date())
        if self.kind.currentData() == "month":
            return Period.month(day.year, day.month)
        return Period.day(day)

    def refresh(self) -> None:
        self.ctx.worker.submit(
            service_kpis,
            self.ctx.session.office.id,
            self.period(),
            clock(self.ctx).date(),
            on_done=self._show,
            on_error=lambda exc: self.message.setText(user_text(exc)),
            channel="dayend-kpi",
        )

    def _show(self, report: KpiReport) -> None:
        self.report = report
        self.message.clear()
        self.model.set_rows([report.office, *report.tellers])
