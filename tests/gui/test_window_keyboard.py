"""The main window by keyboard alone: keystrokes go to the tab on screen, a key from
the customer bar into the form, today's list reached and used by keys, and no key
that two widgets of one window answer at the same time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget

from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.domain.readback import read_back
from gasdesk.services import billing, payments, shifts
from gasdesk.ui.application import install_translators
from gasdesk.ui.main_window import MainWindow
from tests import fees_support
from tests.fees_support import FeeData
from tests.helpers import settle
from tests.keyboard_support import clashes, collect_keys

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


def paid(fee_data: FeeData) -> ReceiptInfo:
    """A cash payment of the house's bill, taken in the teller's open shift."""
    shifts.open_shift(fee_data.teller.id, fee_data.counter.id, {})
    due = billing.statement(fee_data.house.id).due_fen
    return payments.collect_payment(
        PaymentRequest(
            account_id=fee_data.house.id,
            staff_id=fee_data.teller.id,
            counter_id=fee_data.counter.id,
            kind="bill",
            method="cash",
            expected_due_fen=due,
            idempotency_key="keyboard-test",
            tendered_fen=due,
            reference="",
            volume_l=0,
        )
    )


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


def test_tab_or_enter_leaves_the_customer_bar_for_the_form_on_screen(
    qtbot, window: MainWindow, fee_data: FeeData
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F2)
    pick(qtbot, window, fee_data.house.number)
    entry = window.forms_tab.entry
    for key in (Qt.Key.Key_Tab, ENTER):
        qtbot.keyClick(window, Qt.Key.Key_F6)
        assert here() is window.customer_bar.search
        qtbot.keyClick(here(), key)
        assert here() is not None and entry.isAncestorOf(here()), key
    before = here().text()  # type: ignore[union-attr]
    qtbot.keyClicks(here(), "7")
    assert here().text() == before + "7"  # type: ignore[union-attr]
    # on the fee tab the same key lands in the cash received
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.keyClick(here(), Qt.Key.Key_Tab)
    assert here() is window.fees_tab.form.tendered


def test_todays_list_by_its_key_and_ctrl_p_on_the_focused_row(
    qtbot, window: MainWindow, fee_data: FeeData
) -> None:  # type: ignore[no-untyped-def]
    info = paid(fee_data)
    fees = window.fees_tab
    qtbot.keyClick(window, Qt.Key.Key_F3)
    fees.refresh_payments()
    qtbot.waitUntil(lambda: fees.payments.model.rowCount() == 1)
    pick(qtbot, window, fee_data.prepay.number)
    assert here() is fees.form.tendered
    qtbot.keyClick(here(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert here() is fees.payments.view
    assert fees.payments.selected() is not None and fees.payments.selected().code == info.code
    qtbot.keyClick(here(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    assert fees.receipt_dialog.code == info.code
    assert fees.payments.status.text() == ""
    fees.receipt_dialog.reject()


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The interface in each language: a translation chooses its own mnemonics."""
    app = QApplication.instance()
    locale = QLocale()
    translators = install_translators(app, request.param)  # type: ignore[arg-type]
    yield str(request.param)
    for t in translators:
        app.removeTranslator(t)  # type: ignore[union-attr]
    QLocale.setDefault(locale)


def every_window(qtbot, ctx, fee_data: FeeData) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """The main window and each dialog the teller meets, built in the current language."""
    from gasdesk.services import offices, receipts
    from gasdesk.services.receipts import prepare_print, record_print
    from gasdesk.ui.dayend.supervisor import SupervisorDialog
    from gasdesk.ui.fees.readback_dialog import ReadBackDialog
    from gasdesk.ui.fees.receipt_dialog import ReceiptDialog
    from gasdesk.ui.fees.void_dialog import VoidDialog
    from gasdesk.ui.form_preview import FormPreviewDialog
    from gasdesk.ui.login import LoginDialog
    from gasdesk.ui.records.reprint import ReceiptCopyDialog
    from gasdesk.ui.unlock_dialog import UnlockBadgeDialog

    info = paid(fee_data)
    pdf = receipts.receipt_pdf(info.receipt_id)
    row = payments.list_payments(fee_data.ms.id, info.issued_at.date())[0]
    office_list = offices.list_offices()
    windows: list[QWidget] = [
        MainWindow(ctx),
        LoginDialog(
            ctx.worker,
            office_list,
            {o.id: offices.list_counters(o.id) for o in office_list},
            "MS",
            1,
        ),
        UnlockBadgeDialog(ctx.worker, fee_data.ms.id, "MS01"),
        ReadBackDialog(read_back(due_fen=168_00, method="cash", tendered_fen=200_00)),
        ReceiptDialog(ctx, info.receipt_id, info.code, pdf, auto_print=False),
        ReceiptCopyDialog(ctx, prepare_print(info.receipt_id, fee_data.teller.id), record_print),
        VoidDialog(ctx, row),
        FormPreviewDialog(pdf, "preview"),
        SupervisorDialog("title", "prompt", reason_label="reason"),
    ]
    for w in windows:
        qtbot.addWidget(w)
    return windows


def test_no_key_is_answered_twice_in_one_window(
    qtbot, fee_ctx, fee_data: FeeData, language: str
) -> None:  # type: ignore[no-untyped-def]
    windows = every_window(qtbot, fee_ctx, fee_data)
    seen = {k.sequence for k in collect_keys(windows[0])}
    assert {"F2", "F6", "Ctrl+P", "F9", "Alt+T", "Ctrl+L"} <= seen  # the collector sees them
    for window in windows:
        assert clashes(window) == [], f"{type(window).__name__} ({language})"
