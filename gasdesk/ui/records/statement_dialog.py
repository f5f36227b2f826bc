"""Choosing a period and printing the account statement (readings and payments)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import AccountSummary
from gasdesk.services.statement import statement_pdf
from gasdesk.ui.context import AppContext
from gasdesk.ui.dates import day_edit, to_date
from gasdesk.ui.messages import user_text
from gasdesk.ui.pdf_preview import PdfPreview
from gasdesk.ui.window_fit import fit_dialog


class StatementDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        account: AccountSummary,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.setObjectName("statementDialog")
        self.setWindowTitle(
            self.tr("Statement for {name} ({number})").format(
                name=account.name, number=account.number
            )
        )
        fit_dialog(self, QSize(760, 860))
        today = today or dt.date.today()
        start = today - dt.timedelta(days=365)  # the last twelve months by default
        self.start = day_edit("statementStart", start)
        self.end = day_edit("statementEnd", today)
        self.make_button = QPushButton(self.tr("&Make statement (Enter)"))
        self.make_button.setObjectName("makeStatement")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.status = QLabel("")
        self.status.setObjectName("statementStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.preview = PdfPreview(self, settings=ctx.settings)
        self.preview.failed.connect(self._not_saved)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        close.setAutoDefault(False)

        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addWidget(self.make_button)
        period.addStretch(1)
        period.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        self.start.setFocus()

    def period(self) -> tuple[dt.date, dt.date]:
        return to_date(self.start.date()), to_date(self.end.date())

    def make(self) -> None:
        start, end = self.period()
        staff = self.ctx.session.staff
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Making the statement…"))
        self.make_button.setEnabled(False)
        self.ctx.worker.submit(
            statement_pdf,
            self.account.id,
            start,
            end,
            f"{staff.name} {staff.badge}",
            on_done=self._made,
            on_error=self._failed,
            channel="records-statement",
        )

    def _made(self, pdf: bytes) -> None:
        start, end = self.period()
        self.make_button.setEnabled(True)
        self.preview.set_pdf(
            pdf, f"statement-{self.account.number}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
        )
        self.status.setText(
            self.tr("Statement for {start} to {end}: print it with Ctrl+P.").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
        self.preview.print_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.status.setStyleSheet("color: #b42318;")
        self.status.setText(user_text(exc))

    def _not_saved(self, why: str) -> None:
        self.status.setStyleSheet("color: #b42318;")
        self.status.setText(why)
