"""A teller logs in, finds customers, moves between tabs by keyboard and logs out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.settings import open_settings
from gasdesk.storage.models import Account, AuditEvent
from gasdesk.ui.application import Controller
from tests.helpers import type_text, wait_idle


def make_controller(worker) -> Controller:  # type: ignore[no-untyped-def]
    return Controller(worker, open_settings(), "MS", 1)


def type_login(qtbot, login, badge: str, password: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(login.isActiveWindow)
    assert login.badge.hasFocus()
    qtbot.keyClicks(login.badge, badge)
    qtbot.keyClick(login.badge, Qt.Key.Key_Return)
    assert login.password.hasFocus() or QApplication.focusWidget() is login.password
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)


def test_wrong_password_is_refused_and_changes_nothing(qtbot, database: Path, worker) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(worker)
    login = controller.show_login()
    qtbot.addWidget(login)
    events_before = AuditEvent.select().count()
    type_login(qtbot, login, "MS01", "wrong-password")
    qtbot.waitUntil(lambda: login.error.text() != "")
    assert "wrong" in login.error.text() or "错误" in login.error.text()
    assert controller.window is None
    assert login.isVisible()
    assert login.password.text() == ""
    assert AuditEvent.select().where(AuditEvent.kind == "login").count() == 0
    assert AuditEvent.select().count() >= events_before


def test_teller_logs_in_finds_customers_switches_tabs_and_logs_out(
    qtbot, database: Path, worker
) -> None:  # type: ignore[no-untyped-def]
    controller = make_controller(worker)
    login = controller.show_login()
    qtbot.addWidget(login)
    type_login(qtbot, login, "MS01", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: controller.window is not None)
    window = controller.window  # the controller closes and releases it at log-out
    qtbot.waitUntil(window.isActiveWindow)
    assert window.ctx.session.staff.badge == "MS01"
    assert "萌水营业室" in window.windowTitle()
    assert AuditEvent.select().where(AuditEvent.kind == "login").count() == 1

    bar = window.customer_bar
    assert bar.search.hasFocus()

    # by account number: type it, Enter picks the customer
    account = Account.select().order_by(Account.id).first()
    qtbot.keyClicks(bar.search, account.number)
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.ctx.customer is not None)
    assert window.ctx.customer.number == account.number
    assert account.name in bar.info.text()
    assert bar.search.text() == ""

    # Esc on an empty search clears the customer for the next one
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)
    assert window.ctx.customer is None

    # by name: results list, Down, Enter
    other = Account.select().order_by(Account.id.desc()).first()
    type_text(qtbot, bar.search, other.name)
    qtbot.waitUntil(lambda: bar.results.isVisible() and bar.results.count() > 0)
    wait_idle(qtbot, worker)
    names = [bar.results.item(i).text() for i in range(bar.results.count())]
    assert all(other.name in n for n in names)
    target = next(i for i, n in enumerate(names) if other.number in n)
    qtbot.keyClick(bar.search, Qt.Key.Key_Down)
    assert bar.results.hasFocus()
    bar.results.setCurrentRow(target)
    qtbot.keyClick(bar.results, Qt.Key.Key_Return)
    assert window.ctx.customer is not None and window.ctx.customer.number == other.number

    # every tab by its function key
    for index, key in enumerate((Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5)):
        qtbot.keyClick(window, key)
        assert window.tabs.currentIndex() == index
    # the customer stays selected across tabs
    assert window.ctx.customer.number == other.number

    # F12: next customer
    qtbot.keyClick(window, Qt.Key.Key_F12)
    assert window.ctx.customer is None

    # Ctrl+L logs out and shows the login dialog again
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert controller.login is not login and controller.login.isVisible()
    qtbot.addWidget(controller.login)
    assert isinstance(controller.login.badge, QLineEdit)


def test_unknown_customer_gets_a_message(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    bar = main_window.customer_bar
    type_text(qtbot, bar.search, "不存在的人")
    qtbot.keyClick(bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.status.isVisible())
    assert "不存在的人" in bar.status.text()
    assert main_window.ctx.customer is None


def test_status_bar_shows_office_counter_teller_and_hall_state(main_window) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    bar = main_window.statusBar()
    texts = " ".join(w.text() for w in (bar.place, bar.teller, bar.hall))
    assert "萌水营业室" in texts and "MS01" in texts
    bar.tick(dt.datetime(2026, 11, 27, 12, 30))
    lunch = bar.hall.text()
    bar.tick(dt.datetime(2026, 11, 27, 9, 0))
    assert bar.hall.text() != lunch


def test_a_supervisor_unlocks_a_locked_badge_at_the_login(qtbot, database: Path, worker) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    import json

    from gasdesk.storage.db import write_transaction
    from gasdesk.storage.models import Staff, now

    with write_transaction():
        Staff.update(failed_logins=5, locked_until=now() + dt.timedelta(minutes=15)).where(
            Staff.badge == "MS01"
        ).execute()
    controller = make_controller(worker)
    login = controller.show_login()
    qtbot.addWidget(login)
    type_login(qtbot, login, "MS01", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: login.error.text() != "")
    assert "MS01" in login.error.text() and controller.window is None
    assert QApplication.focusWidget() is login.unlock_button

    qtbot.keyClick(login, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: login.unlock_dialog is not None)  # a mnemonic clicks animated
    dialog = login.unlock_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.badge.text() == "MS01"

    def supervisor(badge: str, password: str) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.supervisor)
        dialog.supervisor.clear()
        qtbot.keyClicks(dialog.supervisor, badge)
        qtbot.keyClick(dialog.supervisor, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is dialog.password
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    # a teller is refused, and the badge stays locked
    supervisor("MS02", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "MS02" in dialog.error.text() and dialog.isVisible()
    assert Staff.get(Staff.badge == "MS01").locked_until is not None
    dialog.supervisor.setFocus()

    supervisor("MS09", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: login.unlock_dialog is None)  # closed (and released)
    ms01 = Staff.get(Staff.badge == "MS01")
    assert (ms01.failed_logins, ms01.locked_until) == (0, None)
    unlock = AuditEvent.get(AuditEvent.kind == "unlock")
    assert unlock.staff_id == Staff.get(Staff.badge == "MS09").id
    assert json.loads(unlock.payload_json)["badge"] == "MS01"
    assert "MS01" in login.notice.text() and login.notice.isVisible()

    qtbot.waitUntil(lambda: QApplication.focusWidget() is login.password)
    qtbot.keyClicks(login.password, DEMO_PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None)
    qtbot.addWidget(controller.window)


def _live(kind: type) -> list[object]:
    """Objects of `kind` whose Qt side still exists."""
    import gc

    import shiboken6

    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, kind) and shiboken6.isValid(o)]


def test_three_logins_and_log_outs_leave_no_window_behind(qtbot, database: Path, worker) -> None:  # type: ignore[no-untyped-def]
    import weakref

    from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QTimer

    from gasdesk.ui.customer_display import CustomerDisplay
    from gasdesk.ui.login import LoginDialog
    from gasdesk.ui.main_window import MainWindow
    from gasdesk.ui.service_visits import VisitTracker
    from tests.helpers import settle

    kinds = (MainWindow, CustomerDisplay, VisitTracker, LoginDialog, QTimer)
    earlier = {kind: set(_live(kind)) for kind in kinds}  # left by earlier tests

    def new(kind: type) -> list[object]:
        return [o for o in _live(kind) if o not in earlier[kind]]

    def running_timers() -> int:
        return sum(1 for t in new(QTimer) if t.isActive())  # type: ignore[attr-defined]

    busy = SIGNAL("busy_changed(bool)")
    controller = make_controller(worker)
    controller.show_login()
    receivers_before = worker.receivers(busy)
    windows = []
    for _ in range(3):
        type_login(qtbot, controller.login, "MS01", DEMO_PASSWORD)
        qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
        window = controller.window
        windows.append(weakref.ref(window))
        qtbot.waitUntil(window.isActiveWindow)
        # a customer served, the customer display opened (Ctrl+F8): all of it must go
        account = Account.select().order_by(Account.id).first()
        qtbot.keyClicks(window.customer_bar.search, account.number)
        qtbot.keyClick(window.customer_bar.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda c=window.ctx: c.customer is not None)
        qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
        assert new(CustomerDisplay) and worker.receivers(busy) > receivers_before
        assert running_timers() > 0
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        del window
        qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible())
        settle(qtbot, worker)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert new(MainWindow) == []  # (collects the garbage first)
    assert [w() for w in windows if w() is not None] == []
    assert new(CustomerDisplay) == [] and new(VisitTracker) == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert new(LoginDialog) == [controller.login]
    assert worker.receivers(busy) == receivers_before
    assert running_timers() == 0
    # and the fourth log-in works as the first did
    type_login(qtbot, controller.login, "MS01", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: controller.window is not None)
    qtbot.addWidget(controller.window)


def test_a_missing_audit_key_stops_the_login_with_the_way_to_restore_it(
    qtbot, database: Path, worker
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import db

    db.close()
    key = database.with_name(database.name + ".key")
    key.unlink()
    open_database(database)  # the counter starts; no key is made for an existing chain
    controller = make_controller(worker)
    login = controller.show_login()
    qtbot.addWidget(login)
    events_before = AuditEvent.select().count()
    type_login(qtbot, login, "MS01", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: login.error.text() != "")
    text = login.error.text()
    assert "gasdesk key restore" in text
    assert "审计密钥文件" in text or "audit key file" in text
    assert controller.window is None
    assert not key.exists()
    assert AuditEvent.select().count() == events_before
