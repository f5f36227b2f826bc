"""A teller logs in, finds customers, moves between tabs by keyboard and logs out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.storage.models import Account, AuditEvent
from gasdesk.ui.application import Controller, make_settings
from tests.helpers import type_text, wait_idle


def make_controller(worker) -> Controller:  # type: ignore[no-untyped-def]
    return Controller(worker, make_settings(), "MS", 1)


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
    window = controller.window
    qtbot.addWidget(window)
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
