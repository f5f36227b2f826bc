"""First start on the demo database: the demo data set is written on a thread of its
own while a small window shows how far it has got, so that the screen never looks
hung for the quarter of a minute it takes."""

from __future__ import annotations

import threading

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from gasdesk.demo.cli import ensure_demo
from gasdesk.demo.generate import DEFAULT_ACCOUNTS, PROGRESS_STEPS


class DemoBuildWindow(QWidget):
    """Shows the progress of writing the demo data set into `path` and emits
    `finished(error)` on the GUI thread: None when done, else the exception."""

    finished = Signal(object)
    _stepped = Signal()
    _ended = Signal(object)

    def __init__(self, path: str | None, accounts: int = DEFAULT_ACCOUNTS) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.path = path
        self.accounts = accounts
        self.setWindowTitle(self.tr("GasDesk"))
        self.setObjectName("demoBuildWindow")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Creating the demo database (first start only)"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(
            QLabel(
                self.tr(
                    "{n} demo customers with two years of readings, bills and payments. "
                    "This takes about half a minute; please wait."
                ).format(n=f"{accounts:,}")
            )
        )
        self.bar = QProgressBar()
        self.bar.setRange(0, PROGRESS_STEPS)
        layout.addWidget(self.bar)
        self.elapsed_label = QLabel()
        layout.addWidget(self.elapsed_label)
        self.resize(460, 150)
        self._clock = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self._show_elapsed)
        self._stepped.connect(self._step)
        self._ended.connect(self._end)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from gasdesk.storage.models import db

        # The load runs in a writer process that needs the file to itself: this
        # thread's connection is closed (it reopens on its next query).
        db.close()
        self.show()
        self._clock.start()
        self._show_elapsed()
        self._ticker.start()
        self._thread = threading.Thread(target=self._work, name="gasdesk-demo", daemon=True)
        self._thread.start()

    def _work(self) -> None:  # on the demo thread: only signals cross to the GUI
        from gasdesk.storage.models import db

        error: BaseException | None = RuntimeError("the demo data set was not finished")
        try:
            ensure_demo(self.path, accounts=self.accounts, progress=self._progress)
            error = None
        except Exception as exc:  # handed to the GUI thread, which reports it
            error = exc
        finally:
            db.close()
            self._ended.emit(error)

    def _progress(self, _line: str) -> None:
        self._stepped.emit()

    def _step(self) -> None:
        self.bar.setValue(min(self.bar.value() + 1, PROGRESS_STEPS))

    def _show_elapsed(self) -> None:
        seconds = self._clock.elapsed() // 1000 if self._clock.isValid() else 0
        self.elapsed_label.setText(self.tr("{s} s").format(s=seconds))

    def _end(self, error: object) -> None:
        self._ticker.stop()
        if self._thread is not None:
            self._thread.join()
        self.bar.setValue(PROGRESS_STEPS)
        self.hide()
        self.finished.emit(error)
