"""The main window by keyboard alone: keystrokes go to the tab on screen, a key from
the customer bar into the form, today's list reached and used by keys, and no key
that two widgets of one window answer at the same time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from gasdesk.ui.application import install_translators
from gasdesk.ui.main_window import MainWindow
from tests import fees_support
from tests.fees_support import FeeData
from tests.helpers import settle
from tests.keyboard_support import clashes

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
ENTER = Qt.Key.Key_Return


@pytest.fixture
def window(qtbot, fee_ctx) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = MainWindow(fee_ctx)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    settle(qtbot, fee_ctx.worker)
    w.close()
    w.deleteLater()
    qtbot.wait(10)


def here() -> QWidget | None:
    return QApplication.focusWidget()


def pick(qtbot, window: MainWindow, number: str) -> None:  # type: ignore[no-untyped-def]
    """Type an account number into the customer bar and Enter, as the teller does."""
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert here() is window.customer_bar.search
    qtbot.keyClicks(here(), number)
    qtbot.keyClick(here(), ENTER)
    qtbot.waitUntil(
        lambda: window.ctx.customer is not None and window.ctx.customer.number == number
    )
    qtbot.waitUntil(
        lambda: (
            window.fees_tab.statement is not None
            and window.fees_tab.statement.account.number == number
        )
    )
    settle(qtbot, window.ctx.worker)


def test_keystrokes_after_a_pick_on_the_forms_tab_stay_on_the_forms_tab(
    qtbot, window: MainWindow, fee_data: FeeData
) -> None:  # type: ignore[no-untyped-def]
    fees = window.fees_tab.form
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.tabs.currentWidget() is window.forms_tab
    # an IC-card customer turns the hidden fee tab to buying gas, a meter customer
    # back to bills: neither may pull the keyboard into the hidden tab
    for number in (fee_data.ic.number, fee_data.house.number):
        pick(qtbot, window, number)
        assert here() is not None and here().isVisible()
        assert not window.fees_tab.isAncestorOf(here())
        qtbot.keyClicks(here(), "50")
        assert (fees.buy_amount.text(), fees.tendered.text()) == ("", "")
    # on the fee tab itself the next keystroke belongs to the cash received
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert here() is fees.tendered
