"""The idle lock, driven as a teller meets it: the window locks after the idle time
(or at once), nothing behind the panel reacts to keys, clicks or shortcuts, the
customer in progress stays, a wrong password is refused and counted, the right one
unlocks and puts the focus back where it was."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from peewee import Database
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget

from gasdesk.services import auth
from gasdesk.services.accounts import find_accounts
from gasdesk.settings import IDLE_SECONDS
from gasdesk.storage.models import AuditEvent, Counter, Staff
from gasdesk.ui.context import AppContext
from gasdesk.ui.idle_lock import IdleLock
from gasdesk.ui.worker import DbWorker


class CounterWindow(QMainWindow):
    """Stands in for the main window: a field being typed in and an F3 action."""

    def __init__(self) -> None:
        super().__init__()
        central = QWidget()
        layout = QVBoxLayout(central)
        self.memo = QLineEdit()
        self.memo.setObjectName("memo")
        layout.addWidget(self.memo)
        layout.addStretch(1)
        self.setCentralWidget(central)
        self.fired = 0
        act = QAction("Fees", self)
        act.setShortcut(QKeySequence("F3"))
        act.triggered.connect(self._fire)
        self.addAction(act)
        self.resize(900, 600)

    def _fire(self) -> None:
        self.fired += 1


@pytest.fixture
def ctx(sqlite_seeded: Database, qtbot) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    from gasdesk.settings import open_settings

    counter = Counter.get(Counter.number == 1)
    session = auth.login("MS01", "123456", counter.id)
    worker = DbWorker()
    context = AppContext(session=session, worker=worker, settings=open_settings())
    context.customer = find_accounts("1001000001")[0]
    yield context
    worker.shutdown()


@pytest.fixture
def window(qtbot, ctx: AppContext) -> Iterator[CounterWindow]:  # type: ignore[no-untyped-def]
    w = CounterWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.memo.setFocus()
    yield w
    for lock in w.findChildren(IdleLock):
        lock.dispose()


def test_locks_after_the_idle_time_from_the_settings(
    qtbot, ctx: AppContext, window: CounterWindow
) -> None:  # type: ignore[no-untyped-def]
    ctx.settings.set(IDLE_SECONDS, 0.2)
    lock = IdleLock(window, ctx)
    with qtbot.waitSignal(lock.locked, timeout=5000):
        pass
    assert lock.is_locked and lock.panel.isVisible()
    assert lock.panel.geometry() == window.rect()


def test_activity_restarts_the_idle_time(qtbot, ctx: AppContext, window: CounterWindow) -> None:  # type: ignore[no-untyped-def]
    lock = IdleLock(window, ctx, idle_seconds=60)
    qtbot.wait(300)
    before = lock.remaining_ms()
    assert 0 < before < 60_000 - 200
    qtbot.keyClicks(window.memo, "a")
    assert lock.remaining_ms() > before
    assert not lock.is_locked


def test_idle_lock_can_be_switched_off(qtbot, ctx: AppContext, window: CounterWindow) -> None:  # type: ignore[no-untyped-def]
    lock = IdleLock(window, ctx, idle_seconds=0)
    assert lock.remaining_ms() == -1
    lock.lock()
    assert lock.is_locked


def test_nothing_behind_the_lock_reacts_and_the_right_password_unlocks(
    qtbot, ctx: AppContext, window: CounterWindow
) -> None:  # type: ignore[no-untyped-def]
    customer = ctx.customer
    lock = IdleLock(window, ctx, idle_seconds=60)
    qtbot.keyClicks(window.memo, "half typed")
    with qtbot.waitSignal(lock.locked):
        lock.lock()
    assert lock.panel.password.hasFocus()
    assert lock.remaining_ms() == -1  # no idle timer while locked

    qtbot.keyClicks(window.memo, "XYZ")
    qtbot.mouseClick(window.memo, Qt.MouseButton.LeftButton)
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_F3)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Escape)
    assert window.memo.text() == "half typed"
    assert window.fired == 0
    assert lock.is_locked and lock.panel.isVisible()

    qtbot.keyClicks(lock.panel.password, "123456")
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    assert not lock.is_locked and not lock.panel.isVisible()
    assert ctx.customer is customer  # the customer in progress is still there
    assert window.memo.hasFocus()
    qtbot.keyClicks(window.memo, "!")
    assert window.memo.text() == "half typed!"
    qtbot.keyClick(window.memo, Qt.Key.Key_F3)
    assert window.fired == 1
    assert lock.remaining_ms() > 0


def test_a_wrong_password_is_refused_counted_and_audited(
    qtbot, ctx: AppContext, window: CounterWindow
) -> None:  # type: ignore[no-untyped-def]
    lock = IdleLock(window, ctx, idle_seconds=60)
    lock.lock()
    qtbot.keyClicks(lock.panel.password, "000000")
    qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.panel.error.text() != "", timeout=5000)
    assert "password is wrong" in lock.panel.error.text()
    assert lock.is_locked
    assert lock.panel.password.text() == ""
    assert Staff.get(Staff.badge == "MS01").failed_logins == 1
    last = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert last.kind == "login_failed" and '"purpose":"screen"' in last.payload_json


def test_five_wrong_passwords_lock_the_badge_and_offer_log_out(
    qtbot, ctx: AppContext, window: CounterWindow
) -> None:  # type: ignore[no-untyped-def]
    lock = IdleLock(window, ctx, idle_seconds=60)
    lock.lock()
    for n in range(1, 6):
        qtbot.keyClicks(lock.panel.password, "000000")
        qtbot.keyClick(lock.panel.password, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda n=n: Staff.get(Staff.badge == "MS01").failed_logins == n, timeout=5000
        )
        qtbot.waitUntil(lambda: lock.panel.error.text() != "" and not lock._busy, timeout=5000)
    assert "is locked until" in lock.panel.error.text()
    assert not lock.panel.password.isEnabled()
    with qtbot.waitSignal(lock.logout_requested):
        qtbot.mouseClick(lock.panel.logout_button, Qt.MouseButton.LeftButton)
    assert lock.is_locked


def test_the_panel_hides_what_is_behind_it(qtbot, ctx: AppContext, window: CounterWindow) -> None:  # type: ignore[no-untyped-def]
    """Customer data on the screen is covered while the counter is unattended."""
    window.memo.setText("1001000001 张建国")
    lock = IdleLock(window, ctx, idle_seconds=60)
    lock.lock()
    image = window.grab().toImage()
    memo_at = window.memo.mapTo(window, window.memo.rect().center())
    assert memo_at.y() < 100  # above the card in the middle
    assert image.pixelColor(memo_at).name() == "#2f3b45"
    assert image.pixelColor(3, 3).name() == "#2f3b45"
