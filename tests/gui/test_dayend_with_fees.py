"""A teller's day across both tabs: the shift opened on the End of day tab, payments
taken and one voided on the Fee collection tab, then the blind count, a short with
the supervisor, the shift and the day closed; afterwards the fee tab cannot void a
payment of the closed day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.services.accounts import get_account
from gasdesk.storage import integrity
from gasdesk.storage.models import Payment, Shift
from gasdesk.storage.models_dayend import DayClosure, ShiftDifference
from gasdesk.ui.fees.tab import FeesTab
from gasdesk.ui.tabs.dayend_tab import DayEndTab
from tests import fees_support
from tests.fees_support import PASSWORD, FeeData
from tests.helpers import settle, type_text

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
ENTER = Qt.Key.Key_Return
SIZE = (1150, 760)


def show(qtbot, widget):  # type: ignore[no-untyped-def]
    return fees_support.show_window(qtbot, widget, SIZE)


def take(qtbot, ctx, fees: FeesTab, account_id: int, keys) -> int:  # type: ignore[no-untyped-def]
    """Select the customer, let `keys` fill the tender, confirm the read-back with
    Enter; return the new payment's id."""
    show(qtbot, fees)
    before = Payment.select().count()
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: fees.statement is not None and fees.statement.account.id == account_id)
    keys()
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    qtbot.keyClick(fees.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    fees.receipt_dialog.reject()
    qtbot.waitUntil(lambda: Payment.select().count() == before + 1)
    settle(qtbot, ctx.worker)
    return int(Payment.select().order_by(Payment.id.desc()).first().id)


def void_by_f9(qtbot, ctx, fees: FeesTab, payment_id: int):  # type: ignore[no-untyped-def]
    return fees_support.void_by_f9(qtbot, ctx, fees, payment_id, "收错户号", SIZE)


def test_a_day_across_the_fee_and_end_of_day_tabs(qtbot, fee_ctx, fee_data: FeeData) -> None:  # type: ignore[no-untyped-def]
    ctx = fee_ctx
    dayend = DayEndTab(ctx)
    fees = FeesTab(ctx)
    qtbot.addWidget(dayend)
    qtbot.addWidget(fees)
    show(qtbot, dayend)
    panel = dayend.shift_panel
    settle(qtbot, ctx.worker)

    # the float: two 100-yuan notes
    panel.float_form.focus_first()
    qtbot.keyClicks(panel.float_form.fields[10000], "2")
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is not None)
    shift = Shift.get()

    # cash for the bills (168.00, 200 handed over), WeChat Pay for IC-card gas, a cash
    # prepayment of 300.00 that is then voided
    def cash_200() -> None:
        qtbot.keyClicks(fees.form.tendered, "200")
        qtbot.keyClick(fees.form.tendered, ENTER)

    def wechat_100() -> None:
        qtbot.keyClicks(fees.form.buy_amount, "100")
        qtbot.keyClick(fees.form.buy_amount, ENTER)
        qtbot.waitUntil(lambda: fees.quote is not None)
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier
        )
        assert fees.form.reference.hasFocus()
        qtbot.keyClicks(fees.form.reference, "4200009876543210")
        qtbot.keyClick(fees.form.reference, ENTER)

    def prepay_300() -> None:
        qtbot.mouseClick(fees.form.mode_buttons["prepay"], Qt.MouseButton.LeftButton)
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier
        )
        assert fees.form.current_method() == "cash"  # WeChat Pay was the last one used
        qtbot.mouseClick(fees.form.prepay_amount, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(fees.form.prepay_amount, "300")
        qtbot.keyClick(fees.form.prepay_amount, ENTER)
        qtbot.keyClicks(fees.form.tendered, "300")
        qtbot.keyClick(fees.form.tendered, ENTER)

    take(qtbot, ctx, fees, fee_data.house.id, cash_200)
    gas = take(qtbot, ctx, fees, fee_data.ic.id, wechat_100)
    prepaid = take(qtbot, ctx, fees, fee_data.prepay.id, prepay_300)
    void_by_f9(qtbot, ctx, fees, prepaid)
    qtbot.waitUntil(lambda: Payment.select().where(Payment.voids == prepaid).exists())
    # the void slip comes up for printing once its PDF is made; the teller closes it
    # before turning to the other tab (until then it would take the window focus back)
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None and fees.payments.void_dialog is None)
    fees.receipt_dialog.reject()
    settle(qtbot, ctx.worker)
    assert {p.shift_id for p in Payment.select()} == {shift.id}  # all in the open shift
    wechat_amount = Payment.get_by_id(gas).amount_fen

    # back on the End of day tab: pay out 100 to the bank, count blind
    show(qtbot, dayend)
    panel.refresh()
    settle(qtbot, ctx.worker)
    qtbot.keyClicks(panel.move_amount, "100")
    qtbot.keyClick(panel.move_amount, ENTER)
    type_text(qtbot, panel.move_reason, "银行存款")
    qtbot.mouseClick(panel.pay_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.movements.count() == 1)
    # expected: 200 + 200 - 32 + 300 - 300 - 100 = 268.00; counted 267.00
    panel.count_form.focus_first()
    for value, n in ((10000, 2), (5000, 1), (1000, 1), (500, 1), (100, 2)):
        qtbot.keyClicks(panel.count_form.fields[value], str(n))
    wechat_text = f"{wechat_amount // 100}.{wechat_amount % 100:02d}"
    qtbot.keyClicks(panel.terminal["wechat"], wechat_text)
    qtbot.mouseClick(panel.count_box.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result_box.isVisible())
    rec = panel.status.reconciliation
    assert (rec.cash.expected_fen, rec.count.total_fen) == (268_00, 267_00)
    assert rec.cash.cash_voids_fen == 300_00 and rec.cash.change_given_fen == 32_00
    assert rec.line("wechat").difference_fen == 0 and rec.outstanding == ("cash",)

    qtbot.mouseClick(panel.difference_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    type_text(qtbot, dialog.reason, "点钞有误")
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, ENTER)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, ENTER)
    qtbot.waitUntil(lambda: ShiftDifference.select().count() == 1)
    assert ShiftDifference.get().difference_fen == -100
    qtbot.waitUntil(lambda: panel.close_button.isEnabled())
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is None)

    integrity.forget()
    dayend.pages.setCurrentIndex(1)
    day = dayend.day_panel
    settle(qtbot, ctx.worker)
    # every shift is closed: the close's full integrity check has started already
    qtbot.waitUntil(lambda: "every shift is closed" in day.summary.text())
    assert integrity.running() or integrity.latest() is not None
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(day.dialog.badge, "MS09")
    qtbot.keyClick(day.dialog.badge, ENTER)
    qtbot.keyClicks(day.dialog.password, PASSWORD)
    qtbot.keyClick(day.dialog.password, ENTER)
    qtbot.waitUntil(lambda: DayClosure.select().count() == 1)
    closure = DayClosure.get()
    ahead = integrity.latest()
    assert ahead is not None and ahead.background and ahead.result.ok  # taken over
    assert closure.payments == 3 and closure.total_fen == 168_00 + wechat_amount

    # the fee tab cannot void a payment of the closed day
    kept = Payment.select().count()
    refused = void_by_f9(qtbot, ctx, fees, gas)
    qtbot.waitUntil(lambda: "closed" in refused.error.text())
    assert Payment.select().count() == kept
    refused.reject()
    settle(qtbot, ctx.worker)
