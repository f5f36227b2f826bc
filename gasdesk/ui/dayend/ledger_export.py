"""The ledgers for head office from the day page: pick one (the day's transactions,
the receivables ledger of the date's month, the arrears list on the date, the fapiao
requests of the day or of the month), choose the file, and the worker writes the
.xlsx (services.ledger_export)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from gasdesk.domain.ledgers import LEDGER_NAMES, Month
from gasdesk.ui.context import AppContext
from gasdesk.ui.file_dialogs import SafeFileDialog, save_dialog
from gasdesk.ui.messages import user_text

LEDGERS = ("day", "receivables", "arrears", "fapiao_day", "fapiao_month")


def export(kind: str, office_id: int, day: dt.date, path: str) -> int:
    """On the worker: write ledger `kind` for the office and `day`; the rows written.
    openpyxl is loaded here, at the first export, not with the main window."""
    from gasdesk.services import ledger_export

    month = Month.of(day)
    if kind == "day":
        return ledger_export.export_day(office_id, day, path)
    if kind == "receivables":
        return ledger_export.export_receivables(office_id, month, path)
    if kind == "arrears":
        return ledger_export.export_arrears(office_id, day, path)
    if kind == "fapiao_day":
        return ledger_export.export_fapiao(office_id, day, day, path)
    last = month.after - dt.timedelta(days=1)
    return ledger_export.export_fapiao(office_id, month.first, last, path)


def file_name(kind: str, office: str, day: dt.date) -> str:
    """'MS-应收台账-2026-11.xlsx': the office, the ledger's Chinese name, the period."""
    monthly = kind in ("receivables", "fapiao_month")
    period = Month.of(day).label if monthly else day.isoformat()
    word = LEDGER_NAMES[kind.removesuffix("_day").removesuffix("_month")]
    return f"{office}-{word}-{period}.xlsx"


class LedgerExport(QWidget):
    """A choice of ledger and its button; `say(text, error)` reports the outcome."""

    def __init__(
        self,
        ctx: AppContext,
        day: Callable[[], dt.date],
        say: Callable[[str, bool], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day = day
        self.say = say
        self.file_dialog: SafeFileDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName("ledgerKind")
        names = {
            "day": self.tr("The day's transactions"),
            "receivables": self.tr("Receivables ledger of the month"),
            "arrears": self.tr("Arrears list on the day"),
            "fapiao_day": self.tr("Fapiao requests of the day"),
            "fapiao_month": self.tr("Fapiao requests of the month"),
        }
        for key in LEDGERS:
            self.kind.addItem(names[key], key)
        label = QLabel(self.tr("Ledger for head &office"))
        label.setBuddy(self.kind)
        self.button = QPushButton(self.tr("Export to &Excel…"))
        self.button.setObjectName("exportLedger")
        self.button.clicked.connect(self.choose_file)
        layout.addWidget(label)
        layout.addWidget(self.kind)
        layout.addWidget(self.button)

    def choose_file(self) -> None:
        kind = str(self.kind.currentData())
        name = file_name(kind, self.ctx.session.office.code, self.day())
        dialog = save_dialog(
            self, self.tr("Export a ledger for head office"), name, self.tr("Excel files (*.xlsx)")
        )
        dialog.setObjectName("ledgerFileDialog")
        dialog.fileSelected.connect(lambda path: self.export_to(path, kind))
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, path: str | Path, kind: str | None = None) -> None:
        kind = kind or str(self.kind.currentData())
        label = self.kind.itemText(max(0, self.kind.findData(kind)))
        self.button.setEnabled(False)

        def done(n: int) -> None:
            self.button.setEnabled(True)
            self.say(
                self.tr("{ledger}: {n} rows exported to {path}.").format(
                    ledger=label, n=n, path=str(path)
                ),
                False,
            )

        def failed(exc: BaseException) -> None:
            self.button.setEnabled(True)
            self.say(user_text(exc), True)

        self.ctx.worker.submit(
            export,
            kind,
            self.ctx.session.office.id,
            self.day(),
            str(path),
            on_done=done,
            on_error=failed,
        )
