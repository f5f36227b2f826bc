"""The About box of the main window (Help menu, F1): the program's version and the
database's schema version, for a call to the administrator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gasdesk.services.about import DatabaseFacts, database_facts
from gasdesk.ui.messages import user_text
from gasdesk.ui.worker import DbWorker
from gasdesk.version import version


class AboutDialog(QDialog):
    """Shown with open(); the database facts are read on the worker."""

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About GasDesk"))
        title = QLabel(self.tr("GasDesk counter"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.version = QLabel(version())
        self.version.setObjectName("aboutVersion")
        self.schema = QLabel(self.tr("reading…"))
        self.schema.setObjectName("aboutSchema")
        self.database = QLabel("")
        self.database.setObjectName("aboutDatabase")
        self.database.setWordWrap(True)
        self.database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Version"), self.version)
        form.addRow(self.tr("Database schema"), self.schema)
        form.addRow(self.tr("Database"), self.database)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        worker.submit(database_facts, on_done=self._show, on_error=self._failed)

    def _show(self, facts: DatabaseFacts) -> None:
        if facts.schema_version == facts.latest_schema:
            text = self.tr("{version} (up to date)")
        else:
            text = self.tr("{version} (this version knows up to {latest})")
        self.schema.setText(text.format(version=facts.schema_version, latest=facts.latest_schema))
        kind = self.tr("shared PostgreSQL") if facts.shared else self.tr("SQLite file")
        self.database.setText(f"{kind}: {facts.where}")

    def _failed(self, exc: BaseException) -> None:
        self.schema.setText(user_text(exc))
