"""What the teller sees when a background job fails and its screen gave no error
handler of its own (`DbWorker.job_failed`): the message in a box over the main window,
in the interface's language (`ui/messages.user_text`: a refusal in its own words, a
database failure as `storage.errors.describe_parts` names it, else an unexpected
error). The worker has logged the detail with its traceback. One box at a time: a
failure while it shows replaces its message."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from gasdesk.ui.messages import user_text
from gasdesk.ui.worker import DbWorker


class JobErrorNotice(QObject):
    def __init__(self, window: QWidget, worker: DbWorker) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        worker.job_failed.connect(self.show_error)

    @Slot(object)
    def show_error(self, exc: Exception) -> None:
        if self.box is None:
            self.box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.window.windowTitle(),
                "",
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            self.box.setObjectName("jobError")
            self.box.setInformativeText(self.tr("If this happens again, tell the supervisor."))
        self.box.setText(user_text(exc))
        if not self.box.isVisible():
            self.box.open()
