"""Child process of benchmarks 1 and 2 (run by bench.startup, never imported by it).

    python -m bench.gui_start bare
    python -m bench.gui_start app --db PATH [--badge B --password P]

`bare` shows an empty PySide6 window, the floor. `app` starts GasDesk the way the
`gasdesk` command does (gasdesk.app.main) and, once its login window is shown and
the event loop idle, types the badge and password as a teller would, pauses as the
teller's hands would, presses Enter and waits for the main window: shown, its
start-up loads done on the worker, the event loop idle.

Prints one JSON line: `ready` (time.monotonic() when the first window was shown and
the event loop idle; the parent knows when it started the process), `login_s`
(Enter to main window ready) and the resident memory at each point.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPING_PAUSE_MS = 1000  # a teller needs longer than this to type a badge and a password


def when_idle(condition: Callable[[], bool], then: Callable[[], None]) -> None:
    """Call `then` from the event loop once `condition` holds on two polls running."""
    from PySide6.QtCore import QTimer

    state = {"hits": 0}

    def poll() -> None:
        state["hits"] = state["hits"] + 1 if condition() else 0
        if state["hits"] >= 2:
            then()
        else:
            QTimer.singleShot(0, poll)

    QTimer.singleShot(0, poll)


def exposed(widget: Any) -> bool:
    handle = widget.windowHandle()
    return bool(widget.isVisible() and handle is not None and handle.isExposed())


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.measure import report_json, rss_mb

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(460, 300)
    window.show()
    out: dict[str, Any] = {}

    def ready() -> None:
        out.update(ready=time.monotonic(), rss_mb=rss_mb())
        app.quit()

    when_idle(lambda: exposed(window), ready)
    app.exec()
    report_json(out)
    return 0


def app_login(db: str, badge: str, password: str) -> int:
    from gasdesk import app as gasdesk_app
    from gasdesk.ui import application

    out: dict[str, Any] = {}
    original = application.Controller.show_login

    def show_login(self: Any) -> Any:
        dialog = original(self)
        if "ready" not in out:
            when_idle(lambda: exposed(dialog), lambda: shown(self, dialog))
        return dialog

    def shown(controller: Any, dialog: Any) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtTest import QTest

        from bench.measure import rss_mb

        out.update(ready=time.monotonic(), rss_login_mb=rss_mb())
        QTest.keyClicks(dialog.badge, badge)
        QTest.keyClick(dialog.badge, Qt.Key.Key_Return)
        QTest.keyClicks(dialog.password, password)

        def enter() -> None:
            t0 = time.perf_counter()
            QTest.keyClick(dialog.password, Qt.Key.Key_Return)

            def main_ready() -> bool:
                window = controller.window
                return window is not None and exposed(window) and controller.worker.pending == 0

            def done() -> None:
                out.update(login_s=time.perf_counter() - t0, rss_main_mb=rss_mb())
                controller.window.close()
                application.QApplication.quit()

            when_idle(main_ready, done)

        QTimer.singleShot(TYPING_PAUSE_MS, enter)

    application.Controller.show_login = show_login  # type: ignore[method-assign]
    code = gasdesk_app.main(["--db", db])
    from bench.measure import report_json

    report_json(out)
    return code


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("bare", "app"))
    p.add_argument("--db")
    p.add_argument("--badge", default="MS01")
    p.add_argument("--password", default="123456")
    args = p.parse_args()
    if args.mode == "bare":
        return bare()
    return app_login(args.db, args.badge, args.password)


if __name__ == "__main__":
    raise SystemExit(main())
