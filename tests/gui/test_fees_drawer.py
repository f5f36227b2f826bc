"""The fee tab and the drawer, driven by keys as a teller drives it: without an open
shift the tab says so and opens one; the service's refusal reaches the screen when
the shift went away behind the tab's back; a prepayment for a customer with bills due
says so and offers the bills first; a transaction reference pays once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.domain.events import Refused, ShiftOpened
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import Payment, Shift
from gasdesk.ui.fees.tab import FeesTab
from gasdesk.ui.open_shift_dialog import OpenShiftDialog
from tests import fees_support
from tests.fees_support import NOTHING, FeeData, added, counts
from tests.helpers import close_test_shift, heard, settle

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab
ENTER = Qt.Key.Key_Return


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def type_here(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), ENTER)


def choose(qtbot, ctx, fees: FeesTab, account_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: fees.statement is not None and fees.statement.account.id == account_id)
    return counts()


@pytest.fixture
def off_shift(fee_ctx, qtbot):  # type: ignore[no-untyped-def]
    """The fee tab of a teller who has not opened a shift."""
    widget = FeesTab(fee_ctx)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    yield widget
    settle(qtbot, fee_ctx.worker)
    widget.close()
    widget.deleteLater()
    qtbot.wait(10)


def test_without_a_shift_the_tab_says_so_and_a_shift_is_opened_by_keys(
    qtbot, fee_ctx, fee_data: FeeData, off_shift: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    fees = off_shift
    qtbot.waitUntil(lambda: fees.drawer.isVisible())
    assert "no open shift at counter 1" in fees.drawer.text.text()
    before = choose(qtbot, fee_ctx, fees, fee_data.house.id)
    events = heard(fee_ctx)
    assert focused() is fees.form.tendered
    type_here(qtbot, "200")  # the customer hands over 200 for the 168.00 due
    assert fees.readback_dialog is None  # no read-back: there is no drawer to take it into
    assert "no open shift" in fees.form.error.text()
    assert events == [Refused(fees.form.error.text())]
    assert focused() is fees.drawer.open_button  # the way out is where the keyboard is
    qtbot.keyClick(focused(), ENTER)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OpenShiftDialog))
    dialog = fees.drawer.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: focused() is dialog.form.fields[10000])
    # the float: two 100-yuan notes and five 1-fen coins; Enter walks to the last field
    qtbot.keyClicks(focused(), "2")
    for _ in range(10):
        qtbot.keyClick(focused(), ENTER)
    assert focused() is dialog.form.fields[1]
    qtbot.keyClicks(focused(), "5")
    qtbot.keyClick(focused(), ENTER)  # Enter in the last field opens the shift
    qtbot.waitUntil(lambda: Shift.select().count() == 1)
    shift = Shift.get()
    assert shift.opening_float_fen == 200_05 and shift.closed_at is None
    # the dialog announces the shift: the banner goes, the apology for the refusal ends
    qtbot.waitUntil(lambda: events[1:] == [ShiftOpened(shift.id)])
    qtbot.waitUntil(lambda: not fees.drawer.isVisible())
    qtbot.waitUntil(lambda: focused() is fees.form.tendered)
    assert fees.form.tendered.text() == "200" and not fees.form.error.text()
    qtbot.keyClick(focused(), ENTER)
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    qtbot.keyClick(fees.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)
    assert Payment.get().shift_id == shift.id
    assert added(before)["payment"] == 1


def test_the_service_refuses_when_the_shift_closed_behind_the_tab(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    """The tab saw an open shift; it was counted and closed meanwhile (another window,
    another program): the payment service itself refuses, and the tab offers a new one."""
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    assert not tab.drawer.isVisible()
    close_test_shift(Shift.get().id, fee_ctx.session.staff.id)
    before = counts()
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: "no open shift" in dialog.status.text())
    assert added(before) == NOTHING
    qtbot.waitUntil(lambda: tab.drawer.isVisible() and tab.drawer.open_button.isVisible())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.readback_dialog is None)
    qtbot.waitUntil(lambda: focused() is tab.drawer.open_button)  # the way out, by Enter
    tab.form.tendered.setFocus()  # or Alt+O from anywhere in the tab
    qtbot.keyClick(focused(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: tab.drawer.dialog is not None)
    tab.drawer.dialog.reject()


def test_a_prepayment_with_bills_due_says_so_and_offers_the_bills_first(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)  # 168.00 due
    assert not tab.form.bills_due.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P: prepay
    assert tab.form.current_mode() == "prepay"
    notice = tab.form.bills_due
    assert notice.isVisible() and tab.form.settle_first.isVisible()
    assert "Bills of ¥168.00 are due (1 bill(s))" in notice.text()
    # going on: the read-back says it too, for the customer to hear
    type_here(qtbot, "300")
    type_here(qtbot, "300")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    note = tab.readback_dialog.note
    assert note.isVisible() and "Bills of ¥168.00 are due" in note.text()
    qtbot.keyClick(tab.readback_dialog, Qt.Key.Key_Escape)  # she would rather pay the bill
    qtbot.waitUntil(lambda: tab.readback_dialog is None)
    qtbot.keyClick(focused(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Alt+B
    assert tab.form.current_mode() == "bill" and not notice.isVisible()
    assert tab.due.due_label.text() == "Amount due: ¥168.00"
    assert focused() is tab.form.tendered
    type_here(qtbot, "168")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert not tab.readback_dialog.note.isVisible()
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)
    assert Payment.get().kind == "bill" and Payment.get().amount_fen == 168_00


def test_the_settle_first_button_takes_the_keyboard_to_the_bills(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    tab.form.settle_first.setFocus()
    qtbot.keyClick(tab.form.settle_first, ENTER)
    assert tab.form.current_mode() == "bill"
    assert focused() is tab.form.tendered


def test_a_prepayment_with_nothing_due_shows_no_notice(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.prepay.id)
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert tab.form.current_mode() == "prepay" and not tab.form.bills_due.isVisible()


def test_a_reference_already_recorded_is_refused_with_its_receipt(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    def wechat(account_id: int, prepay: str) -> None:
        choose(qtbot, fee_ctx, tab, account_id)
        qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
        type_here(qtbot, prepay)
        qtbot.keyClick(focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # WeChat
        assert focused() is tab.form.reference
        type_here(qtbot, "4200001234567890")
        qtbot.waitUntil(lambda: tab.readback_dialog is not None)
        qtbot.keyClick(tab.readback_dialog, ENTER)

    wechat(fee_data.prepay.id, "50")
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    first = Payment.get()
    code = tab.receipt_dialog.code
    tab.receipt_dialog.reject()
    settle(qtbot, fee_ctx.worker)
    before = counts()
    wechat(fee_data.ic.id, "80")  # the same transaction, shown again for another account
    dialog = tab.readback_dialog
    qtbot.waitUntil(lambda: "already recorded" in dialog.status.text())
    assert code in dialog.status.text() and fee_data.prepay.number in dialog.status.text()
    assert added(before) == NOTHING and Payment.select().count() == 1
    assert first.reference == "4200001234567890"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
