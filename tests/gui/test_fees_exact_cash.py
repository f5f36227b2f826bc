"""Exact money in cash: '+' in the cash-received field fills in the amount due and
shows the read-back, which is confirmed (or backed out of) like any other; and the
read-back and receipt windows of a payment are released once closed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from gasdesk import settings
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import Payment, ReceiptPrint
from gasdesk.ui.fees.readback_dialog import ReadBackDialog
from gasdesk.ui.fees.receipt_dialog import ReceiptDialog
from gasdesk.ui.fees.tab import FeesTab
from tests import fees_support
from tests.fees_support import NOTHING, ONE_PAYMENT, FeeData, added, counts

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab

ENTER = Qt.Key.Key_Return
PLUS = Qt.Key.Key_Plus


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def choose(qtbot, ctx, tab: FeesTab, account_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: tab.statement is not None and tab.statement.account.id == account_id)
    qtbot.waitUntil(lambda: focused() is tab.form.tendered)
    return counts()


def figure(dialog: ReadBackDialog, name: str) -> str:
    return dialog.findChild(type(dialog.status), name).text()


def test_plus_reads_back_the_exact_amount_and_enter_records_it(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    before = choose(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClick(focused(), PLUS)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    assert tab.form.tendered.text() == "168.00"  # what the teller sees behind the read-back
    assert figure(dialog, "readBackDue") == "¥168.00"
    assert figure(dialog, "readBackReceived") == "¥168.00"
    assert figure(dialog, "readBackChange") == "¥0.00"
    assert counts()["payment"] == 0  # nothing is recorded before the read-back is confirmed
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert added(before) == ONE_PAYMENT
    p = Payment.get()
    assert (p.method, p.amount_fen, p.tendered_fen, p.change_fen) == ("cash", 168_00, 168_00, 0)


def test_plus_replaces_what_was_typed(qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClicks(focused(), "5")
    qtbot.keyClick(focused(), PLUS)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert figure(tab.readback_dialog, "readBackReceived") == "¥168.00"


def test_esc_at_the_read_back_records_nothing(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    before = choose(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClick(focused(), PLUS)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.readback_dialog is None and focused() is tab.form.tendered)
    assert tab.form.tendered.selectedText() == "168.00"  # ready to be typed over
    assert added(before) == NOTHING


def test_plus_before_the_amount_due_is_known_waits_for_it(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    fee_ctx.set_customer(get_account(fee_data.house.id))
    qtbot.keyClick(tab.form.tendered, PLUS)  # the statement may still be on its way
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert figure(tab.readback_dialog, "readBackReceived") == "¥168.00"


def test_plus_does_nothing_for_other_methods(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    tab.form.choose_method("wechat")
    tab.exact_cash()
    qtbot.wait(50)
    assert tab.readback_dialog is None and not tab.form.tendered.text()


def test_the_windows_of_a_payment_are_released_when_closed(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    """A counter takes hundreds of payments a day in one process: a read-back or
    receipt window kept after it closed would hold its memory until the log-out."""
    fee_ctx.settings.set(settings.SILENT_PRINTING, True)
    for account in (fee_data.house, fee_data.prepay):
        choose(qtbot, fee_ctx, tab, account.id)
        if tab.statement is None or tab.statement.due_fen <= 0:
            continue
        qtbot.keyClick(focused(), PLUS)
        qtbot.waitUntil(lambda: tab.readback_dialog is not None)
        qtbot.keyClick(tab.readback_dialog, ENTER)
        qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
        qtbot.waitUntil(lambda: ReceiptPrint.select().count() >= 1)
        tab.receipt_dialog.reject()
        qtbot.waitUntil(lambda: tab.receipt_dialog is None)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    left = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ReadBackDialog | ReceiptDialog)
    ]
    assert Payment.select().count() >= 1
    assert left == []
