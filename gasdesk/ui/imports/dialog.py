"""The supervisor's import screen (non-modal: shown with show()/open()).

The supervisor picks what the file holds (customers or readings) and the file (Qt's
own file dialog, ui/file_dialogs.py). The file is checked at once without writing:
the first rows show as the import will store them, every refused value with its
line, column and reason, and the counts. Import writes the file checked (refused if
it changed since) as one batch, all or nothing unless the box to skip refused rows is
ticked. A progress bar follows both runs, which go to the database worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.import_columns import ACCOUNTS, READINGS
from gasdesk.domain.imports import (
    CHECK,
    FLAG_NAMES,
    READ,
    ROUND,
    SEAL,
    WRITE,
    ImportOptions,
    ImportReport,
    RoundSummary,
)
from gasdesk.domain.readings import whole_m3
from gasdesk.services.imports import import_file
from gasdesk.ui.context import AppContext
from gasdesk.ui.credentials import ERROR_STYLE
from gasdesk.ui.file_dialogs import SafeFileDialog, open_dialog
from gasdesk.ui.imports.models import PreviewModel, RefusalModel
from gasdesk.ui.messages import translate, user_text
from gasdesk.ui.table_view import row_table

# share of the bar each stage fills: (start, end) in per cent
CHECK_STAGES = {READ: (0, 30), CHECK: (30, 100)}
IMPORT_STAGES = {READ: (0, 15), CHECK: (15, 40), WRITE: (40, 95), SEAL: (95, 100)}


def round_line(summary: RoundSummary) -> str:
    """A reading round before it is confirmed: to bill, flagged, estimated."""
    named = "、".join(
        f"{translate(FLAG_NAMES.get(flag, flag))} {count}"
        for flag, count in sorted(summary.flags.items())
    )
    return translate(
        ROUND,
        billed=summary.billed,
        volume=whole_m3(summary.volume_l),
        flagged=summary.flagged,
        flags=f" ({named})" if named else "",
        estimated=summary.estimated,
    )


class ProgressRelay(QObject):
    """Called on the database thread, delivers on the GUI thread (a queued signal)."""

    moved = Signal(str, int, int)

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.moved.emit(stage, done, total)


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportReport of what was written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import customers or readings"))
        self.setModal(False)
        self.path: Path | None = None
        self.checked: ImportReport | None = None
        self.busy = False
        self._stages = CHECK_STAGES
        self.file_dialog: SafeFileDialog | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("importKind")
        self.kind.addItem(self.tr("Customers (accounts and meters)"), ACCOUNTS)
        self.kind.addItem(self.tr("Meter readings"), READINGS)
        kind_label = QLabel(self.tr("&File holds"))
        kind_label.setBuddy(self.kind)
        top.addWidget(kind_label)
        top.addWidget(self.kind)
        self.choose = QPushButton(self.tr("Choose file… (Ctrl+O)"))
        self.choose.setObjectName("importChoose")
        top.addWidget(self.choose)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("importFile")
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)

        self.skip = QCheckBox(self.tr("Import the good rows and leave out the refused ones"))
        self.skip.setObjectName("importSkipInvalid")
        layout.addWidget(self.skip)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.summary = QLabel("")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.preview_model = PreviewModel(self)
        self.refusal_model = RefusalModel(self)
        self.pages = QTabWidget()
        self.pages.setObjectName("importPages")
        self.preview_view = row_table(self.preview_model, "importPreview", row_numbers=False)
        self.refusal_view = row_table(self.refusal_model, "importRefusals", row_numbers=False)
        self.refusal_view.setWordWrap(True)
        self.pages.addTab(self.preview_view, self.tr("First rows as they will be stored"))
        self.pages.addTab(self.refusal_view, self.tr("Refused"))
        layout.addWidget(self.pages, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("Import (Ctrl+Enter)"))
        self.import_button.setObjectName("importRun")
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setObjectName("importClose")
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        self.relay = ProgressRelay(self)
        self.relay.moved.connect(self._moved)
        self.choose.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.close)
        self.kind.currentIndexChanged.connect(lambda _=0: self.check())
        self.skip.toggled.connect(lambda _=False: self._enable())
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            ("Ctrl+O", self.choose_file),
            ("Ctrl+Return", self.run_import),
            ("Ctrl+Enter", self.run_import),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)
        self.resize(1100, 640)

    # --- the file -----------------------------------------------------------------

    def choose_file(self) -> None:
        if self.busy:
            return
        self.file_dialog = open_dialog(
            self, self.tr("Choose the file to import"), self.tr("Spreadsheets (*.csv *.xlsx)")
        )
        self.file_dialog.setObjectName("importFileDialog")
        self.file_dialog.fileSelected.connect(lambda name: self.set_file(Path(name)))
        self.file_dialog.open()

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self.check()

    def _options(self, *, dry_run: bool) -> ImportOptions:
        s = self.ctx.session
        return ImportOptions(
            dry_run=dry_run,
            skip_invalid=self.skip.isChecked(),
            imported_by=f"{s.staff.badge} {s.staff.name}",
            staff_id=s.staff.id,
            office_id=s.office.id,
            expected_sha256="" if dry_run or self.checked is None else self.checked.sha256,
        )

    def _kind(self) -> str:
        return str(self.kind.currentData())

    def _start(self, stages: dict[str, tuple[int, int]], text: str) -> None:
        self.busy = True
        self._stages = stages
        self.progress.setValue(0)
        self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.import_button.setEnabled(False)
        self.choose.setEnabled(False)
        self.kind.setEnabled(False)

    def _stop(self) -> None:
        self.busy = False
        self.choose.setEnabled(True)
        self.kind.setEnabled(True)

    def check(self) -> None:
        """Read and check the file, writing nothing."""
        if self.path is None or self.busy:
            return
        self.checked = None
        self._show(None)
        self._start(CHECK_STAGES, self.tr("Checking {file}…").format(file=self.path.name))
        self.ctx.worker.submit(
            import_file,
            self._kind(),
            self.path,
            self._options(dry_run=True),
            self.relay,
            on_done=self._checked,
            on_error=self._failed,
            channel="import",
        )

    def run_import(self) -> None:
        if self.busy or self.path is None or not self.import_button.isEnabled():
            return
        self._start(IMPORT_STAGES, self.tr("Importing {file}…").format(file=self.path.name))
        self.ctx.worker.submit(
            import_file,
            self._kind(),
            self.path,
            self._options(dry_run=False),
            self.relay,
            on_done=self._imported,
            on_error=self._failed,
            channel="import",
        )

    # --- results --------------------------------------------------------------------

    @Slot(str, int, int)
    def _moved(self, stage: str, done: int, total: int) -> None:
        start, end = self._stages.get(stage, (0, 100))
        share = done / total if total > 0 else 1.0
        self.progress.setValue(max(self.progress.value(), int(start + (end - start) * share)))

    def _show(self, report: ImportReport | None) -> None:
        self.preview_model.show_report(report)
        self.refusal_model.set_rows(list(report.refusals) if report else [])
        self.pages.setTabText(
            1,
            self.tr("Refused ({n})").format(n=report.refused_rows)
            if report and report.refusals
            else self.tr("Refused"),
        )

    def _counts(self, report: ImportReport) -> str:
        return self.tr("{rows} rows: {new} new, {unchanged} unchanged, {refused} refused.").format(
            rows=report.rows,
            new=report.new,
            unchanged=report.unchanged,
            refused=report.refused_rows,
        )

    def _checked(self, report: ImportReport) -> None:
        self._stop()
        self.progress.setValue(100)
        self.checked = report
        self._show(report)
        text = self._counts(report)
        if report.round is not None:
            text += " " + round_line(report.round)
        if report.refusals:
            text += " " + self.tr(
                "Nothing is imported while rows are refused: correct the file and choose it "
                "again, or tick the box to import the other rows."
            )
            self.pages.setCurrentIndex(1)
        elif report.new:
            text += " " + self.tr("Nothing is written until you import.")
            self.pages.setCurrentIndex(0)
        else:
            text += " " + self.tr("Nothing new: the file is already in the database.")
        self.summary.setText(text)
        self._enable()

    def _imported(self, report: ImportReport) -> None:
        self._stop()
        self.progress.setValue(100)
        self.checked = None
        self._show(report)
        if report.written:
            text = self.tr("Imported as batch {batch}: ").format(batch=report.batch_id)
            text += self._counts(report)
            self.imported.emit(report)
        else:
            text = self._counts(report) + " " + self.tr("Nothing was written.")
        self.summary.setText(text)
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        self.checked = None
        self.progress.setValue(0)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(user_text(exc))
        self._enable()

    def _enable(self) -> None:
        report = self.checked
        ready = (
            not self.busy
            and report is not None
            and report.new > 0
            and (not report.refusals or self.skip.isChecked())
        )
        self.import_button.setEnabled(ready)
