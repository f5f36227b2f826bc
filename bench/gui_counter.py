"""Child process of benchmarks 6 and 8 (run by bench.counter, never imported by it).

    python -m bench.gui_counter --db PATH --payments N --out DIR

A day at the counter in one process: teller MS01 logged in at Mengshui counter 1,
the main window on the fee tab, silent printing to PDF files in DIR. Each customer
owes bills and pays them in cash; every key is a real key event sent where the focus
is: the account number and Enter in the empty customer bar, the cash received and
Enter (or '+' alone for exact money), Enter at the read-back;
then the receipt prints by itself. Between customers: Esc closes the receipt preview,
F12 empties the customer bar.

Customers alternate between paying exact money and paying a whole number of yuan
above the amount due (change given). Prints one JSON line: the keys of the first
customer of each kind, the confirm -> receipt preview times, and the resident
memory after the login and after the last payment.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class Counter:
    def __init__(self, db: str, out: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from gasdesk import settings as config
        from gasdesk.demo import DEMO_PASSWORD
        from gasdesk.services import auth, offices
        from gasdesk.storage.db import open_database
        from gasdesk.storage.models import db as bound
        from gasdesk.ui.context import AppContext
        from gasdesk.ui.worker import DbWorker

        self.app = QApplication.instance() or QApplication([])
        open_database(db)
        bound.close()  # as in the application, the database is used from the worker only
        os.environ["GASDESK_SETTINGS"] = str(out / "settings.ini")
        settings = config.open_settings()
        settings.set(config.SILENT_PRINTING, True)
        settings.set(config.OUTPUT_DIR, str(out / "printed"))
        self.worker = DbWorker()
        counter = self.worker.run_sync(offices.find_counter, "MS", 1)
        assert counter is not None
        session = self.worker.run_sync(auth.login, "MS01", DEMO_PASSWORD, counter.id)
        self.ctx = AppContext(session=session, worker=self.worker, settings=settings)
        from bench.payment import open_drawer

        self.worker.run_sync(open_drawer, session.staff.id, counter.id)  # the day's float
        from gasdesk.ui.main_window import MainWindow

        self.window = MainWindow(self.ctx)
        self.window.show()
        self.window.activateWindow()
        self.window.tabs.setCurrentWidget(self.window.fees_tab)
        self.keys: list[str] = []
        self.wait(lambda: self.worker.pending == 0)

    def wait(self, condition: Callable[[], bool], timeout: float = 30.0) -> None:
        """Run the event loop (as the application does: deferred deletes included)
        until `condition` holds."""
        from PySide6.QtCore import QEventLoop, QTimer

        end = time.perf_counter() + timeout
        loop = QEventLoop()
        while not condition():
            if time.perf_counter() > end:
                raise TimeoutError("the counter did not get there")
            QTimer.singleShot(0, loop.quit)
            loop.exec()

    def focus(self) -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget()

    def type(self, text: str) -> None:
        from PySide6.QtTest import QTest

        for ch in text:
            QTest.keyClicks(self.focus(), ch)
            self.keys.append(ch)

    def press(self, key: Any, name: str, target: Any = None) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClick(target or self.focus(), key)
        self.keys.append(name)

    def serve(self, number: str, change: bool) -> float:
        """One customer from the empty customer bar to the printed receipt; returns the
        time from Enter at the read-back to the receipt preview shown, in ms."""
        from PySide6.QtCore import Qt

        fees = self.window.fees_tab
        bar = self.window.customer_bar
        assert self.focus() is bar.search and not bar.search.text(), "the bar is not empty"
        self.keys = []
        self.type(number)
        self.press(Qt.Key.Key_Return, "Enter")
        self.wait(lambda: fees.statement is not None and self.focus() is fees.form.tendered)
        assert fees.statement is not None
        due = fees.statement.due_fen
        if change:
            self.type(str(due // 100 + 1))  # whole yuan handed over
            self.press(Qt.Key.Key_Return, "Enter")
        else:
            self.press(Qt.Key.Key_Plus, "+")  # exactly the amount due
        self.wait(
            lambda: (
                fees.readback_dialog is not None
                and self.focus() is not None
                and self.focus().window() is fees.readback_dialog
            )
        )
        t0 = time.perf_counter()
        self.press(Qt.Key.Key_Return, "Enter")
        self.wait(lambda: fees.receipt_dialog is not None and fees.receipt_dialog.isVisible())
        shown = (time.perf_counter() - t0) * 1000
        dialog = fees.receipt_dialog
        assert dialog is not None
        self.wait(lambda: dialog.prints == 1 and self.worker.pending == 0)  # printed
        self.customer_keys = list(self.keys)
        self.keys = []
        self.press(Qt.Key.Key_Escape, "Esc", dialog)
        self.wait(lambda: fees.receipt_dialog is None)
        self.wait(lambda: self.focus() is not None and self.focus().window() is self.window)
        self.press(Qt.Key.Key_F12, "F12")
        self.wait(lambda: self.focus() is bar.search and self.worker.pending == 0)
        return shown


def owing(path: str, wanted: int) -> list[str]:
    """Account numbers of Mengshui customers who owe bills, found before the counter
    opens (on a connection closed afterwards: the application's GUI thread holds
    none, and its page cache would count as the application's memory)."""
    from gasdesk.services import billing
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import Account, Office, db
    from gasdesk.storage.rows import tuples

    open_database(path)
    office = Office.get(Office.code == "MS")
    found: list[str] = []
    for number, account_id in tuples(
        Account.select(Account.number, Account.id)
        .where((Account.office == office.id) & (Account.status == "active"))
        .order_by(Account.id.desc())
    ):
        if billing.statement(account_id).due_fen > 0:
            found.append(number)
            if len(found) >= wanted:
                break
    db.close()
    return found


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--payments", type=int, default=500)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    from bench.measure import report_json, rss_mb

    customers = owing(args.db, args.payments)
    counter = Counter(args.db, args.out)
    rss_start = rss_mb()
    counter.window.customer_bar.next_customer()
    counter.wait(lambda: counter.focus() is counter.window.customer_bar.search)
    shown: list[float] = []
    keys: dict[str, list[str]] = {}
    between: list[str] = []
    for i, number in enumerate(customers):
        change = i % 2 == 1
        shown.append(counter.serve(number, change))
        keys.setdefault("change" if change else "exact", counter.customer_keys)
        between = counter.keys
    rss_end = rss_mb()
    counter.window.close()
    counter.worker.shutdown()
    report_json(
        {
            "payments": len(customers),
            "keys": keys,
            "between_customers": between,
            "account_digits": len(customers[0]) if customers else 0,
            "receipt_shown_ms": statistics.median(shown[1:] or shown),
            "rss_start_mb": rss_start,
            "rss_end_mb": rss_end,
        }
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
