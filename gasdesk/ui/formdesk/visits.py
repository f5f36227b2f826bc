"""The return-visit queue: call the customer back, record what they said."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import FormUpdated
from gasdesk.domain.form_records import SATISFACTION, ReturnVisitInfo
from gasdesk.services.return_visits import list_return_visits, record_return_visit
from gasdesk.ui.context import AppContext
from gasdesk.ui.formdesk.common import (
    OVERDUE,
    Names,
    RowsModel,
    clock,
    error_text,
    fmt_d,
    use_english,
)
from gasdesk.ui.table_view import row_table


class VisitsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names = Names(self)
        english = use_english(ctx)
        self.model = RowsModel(
            [
                self.tr("Due"),
                self.tr("Form"),
                self.tr("Number"),
                self.tr("Customer"),
                self.tr("Phone"),
            ],
            lambda v: [
                fmt_d(v.due_on),
                v.form.display_title(english),
                v.form.number,
                v.form.customer,
                v.phone,
            ],
            lambda v: OVERDUE if v.due_on < clock(self.ctx).date() else None,
            parent=self,
        )
        self.table = row_table(self.model, "returnVisits")
        self.outcome = QLineEdit()
        self.outcome.setObjectName("visitOutcome")
        self.outcome.setPlaceholderText(self.tr("What the customer said"))
        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("visitSatisfaction")
        for code in SATISFACTION:
            self.satisfaction.addItem(self.names.satisfaction(code), code)
        self.record_button = QPushButton(self.tr("Recor&d return visit"))
        self.record_button.setObjectName("recordVisit")
        self.record_button.clicked.connect(self.record)
        self.outcome.returnPressed.connect(self.record)
        self.message = QLabel()
        self.message.setObjectName("visitsMessage")
        actions = QHBoxLayout()
        actions.addWidget(self.outcome, 1)
        actions.addWidget(self.satisfaction)
        actions.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.ctx.worker.submit(
            list_return_visits,
            on_done=self._loaded,
            on_error=lambda e: self.message.setText(error_text(e)),
            channel="visits",
        )

    def _loaded(self, items: list[ReturnVisitInfo]) -> None:
        self.model.set_rows(items)
        if items and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def record(self) -> None:
        v = self.model.item(self.table.currentIndex().row())
        if v is None:
            return
        self.ctx.worker.submit(
            record_return_visit,
            v.id,
            staff_id=self.ctx.session.staff.id,
            outcome=self.outcome.text(),
            satisfaction=str(self.satisfaction.currentData()),
            at=clock(self.ctx),
            on_done=self._recorded,
            on_error=lambda e: self.message.setText(error_text(e)),
        )

    def _recorded(self, v: ReturnVisitInfo) -> None:
        self.outcome.clear()
        self.message.setText(
            self.tr("Return visit for {number} recorded.").format(number=v.form.number)
        )
        self.ctx.events.publish(FormUpdated(v.form.number))
        self.refresh()
