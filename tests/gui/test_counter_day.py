"""A whole counter day, driven through the End of day and Fee collection tabs as the
teller drives them: the shift opened with a float counted by keys; payments of every
method (bank card, prepaid balance, cash, WeChat Pay, Alipay); a void; cash paid out
to the bank; the blind count to the fen and an exact zero difference; the shift and
the day closed. Then the payment service itself refuses cash with no shift, and the
A4 day report and the Z slip, read from the documents the screen previews, agree
with each other and with the day to the fen."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest
from gasdesk.services.accounts import get_account
from gasdesk.services.payments import collect_payment
from gasdesk.storage.models import Payment, Shift
from gasdesk.storage.models_dayend import DayClosure, ShiftClosure, ShiftDifference
from gasdesk.ui.fees.tab import FeesTab
from gasdesk.ui.tabs.dayend_tab import DayEndTab
from tests import fees_support
from tests.fees_support import PASSWORD, FeeData
from tests.helpers import settle, type_text

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
ENTER = Qt.Key.Key_Return
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def show(qtbot, widget):  # type: ignore[no-untyped-def]
    return fees_support.show_window(qtbot, widget)


def keys(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type where the focus is and press Enter, as the teller does."""
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), ENTER)


def take(qtbot, ctx, fees: FeesTab, account_id: int, tender: Callable[[], None]) -> Payment:  # type: ignore[no-untyped-def]
    """Select the customer, let `tender` fill the form by keys, confirm the read-back
    with Enter and close the receipt; return the payment recorded."""
    show(qtbot, fees)
    before = Payment.select().count()
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: fees.statement is not None and fees.statement.account.id == account_id)
    tender()
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    qtbot.keyClick(fees.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    fees.receipt_dialog.reject()
    qtbot.waitUntil(lambda: Payment.select().count() == before + 1)
    settle(qtbot, ctx.worker)
    return Payment.select().order_by(Payment.id.desc()).first()


def void_by_f9(qtbot, ctx, fees: FeesTab, payment_id: int) -> None:  # type: ignore[no-untyped-def]
    fees_support.void_by_f9(qtbot, ctx, fees, payment_id, "客户改变主意", (1366, 740))
    qtbot.waitUntil(lambda: Payment.select().where(Payment.voids == payment_id).exists())
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None and fees.payments.void_dialog is None)
    fees.receipt_dialog.reject()  # the void slip
    settle(qtbot, ctx.worker)


def count_drawer(qtbot, form, pieces: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Enter walks the denominations from 100 yuan down to 1 fen; the last Enter goes on."""
    form.focus_first()
    for value in form.fields:
        assert focused() is form.fields[value]
        keys(qtbot, str(pieces.get(value, "")))


AMOUNT = r"(-?\d[\d,]*\.\d\d)"


def a4_figures(text: str) -> dict[str, object]:
    """Net and count per method, the total, and the shift's cash, from the A4 report."""
    methods = {
        label: (int(n), net)
        for label, n, _collected, _voided, _refunded, net in re.findall(
            rf"^(\S+) (\d+) {AMOUNT} {AMOUNT} {AMOUNT} {AMOUNT}$", text, re.M
        )
    }
    total = methods.pop("合计")
    (cash,) = re.findall(rf"^MS01 \S+ 1 .* {AMOUNT} {AMOUNT} (?:相符|长款|短款)", text, re.M)
    (voids,) = re.findall(
        rf"^MS01 \S+ \d+ .* (\d+)笔 {AMOUNT} \d+笔 {AMOUNT} {AMOUNT}$", text, re.M
    )
    return {"methods": methods, "total": total[1], "cash": cash, "voids": voids[:2]}


def slip_figures(text: str) -> dict[str, object]:
    """The same figures, from the 80 mm Z slip."""
    methods = {
        label: (int(n), net)
        for label, n, net in re.findall(rf"^(\S+)（(\d+)笔） {AMOUNT}$", text, re.M)
    }
    (total,) = re.findall(rf"^合计 {AMOUNT}$", text, re.M)
    expected = re.findall(rf"应有现金 {AMOUNT}$", text, re.M)
    counted = re.findall(rf"^实点现金 {AMOUNT}$", text, re.M)
    (voids,) = re.findall(rf"^冲正 (\d+) 笔 {AMOUNT}$", text, re.M)
    return {"methods": methods, "total": total, "cash": (*expected, *counted), "voids": voids}


def test_a_whole_counter_day(qtbot, fee_ctx, fee_data: FeeData) -> None:  # type: ignore[no-untyped-def]
    ctx = fee_ctx
    dayend = DayEndTab(ctx)
    fees = FeesTab(ctx)
    qtbot.addWidget(dayend)
    qtbot.addWidget(fees)
    show(qtbot, dayend)
    panel = dayend.shift_panel
    settle(qtbot, ctx.worker)

    # morning: the float, two 100-yuan notes, counted by keys; Enter in 1 fen opens
    count_drawer(qtbot, panel.float_form, {10000: 2})
    qtbot.waitUntil(lambda: panel.status is not None)
    shift = Shift.get()
    assert shift.opening_float_fen == 200_00

    # payments of every method
    def card_prepay_200() -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)  # Alt+P: prepay
        assert fees.form.bills_due.isVisible()  # 168.00 is due: she prepays anyway
        keys(qtbot, "200")
        qtbot.keyClick(focused(), Qt.Key.Key_4, CTRL)  # bank card
        keys(qtbot, "622202001111222233")

    def bill_from_balance() -> None:
        qtbot.keyClick(focused(), Qt.Key.Key_B, ALT)  # Alt+B: the bill, now from the balance
        qtbot.keyClick(focused(), Qt.Key.Key_M, ALT)  # the method list
        assert focused() is fees.form.method
        for _ in range(4):  # cash, WeChat Pay, Alipay, bank card, prepaid balance
            qtbot.keyClick(focused(), Qt.Key.Key_Down)
        assert fees.form.current_method() == "balance"
        qtbot.keyClick(focused(), ENTER)

    def cash_gas_for_100() -> None:
        keys(qtbot, "100")  # yuan of gas
        qtbot.waitUntil(lambda: fees.quote is not None)
        keys(qtbot, "100")  # cash handed over: exactly the price

    def prepay(
        amount: str, method_key: Qt.Key | None, reference: str, cash: str = ""
    ) -> Callable[[], None]:
        def tender() -> None:
            qtbot.keyClick(focused(), Qt.Key.Key_P, ALT)
            keys(qtbot, amount)
            if method_key is not None:
                qtbot.keyClick(focused(), method_key, CTRL)
                keys(qtbot, reference)
            else:
                keys(qtbot, cash)

        return tender

    d = fee_data
    card = take(qtbot, ctx, fees, d.house.id, card_prepay_200)
    balance = take(qtbot, ctx, fees, d.house.id, bill_from_balance)
    gas = take(qtbot, ctx, fees, d.ic.id, cash_gas_for_100)
    wechat = take(qtbot, ctx, fees, d.prepay.id, prepay("88.88", Qt.Key.Key_2, "4200000001"))
    alipay = take(qtbot, ctx, fees, d.prepay.id, prepay("12.34", Qt.Key.Key_3, "2026120322001"))
    cash = take(qtbot, ctx, fees, d.prepay.id, prepay("41.87", None, "", cash="50"))
    mistaken = take(qtbot, ctx, fees, d.prepay.id, prepay("30", None, "", cash="30"))
    assert [p.method for p in (card, balance, gas, wechat, alipay, cash, mistaken)] == [
        "card", "balance", "cash", "wechat", "alipay", "cash", "cash"
    ]  # fmt: skip
    assert (balance.kind, balance.amount_fen) == ("bill", 168_00)
    assert (gas.kind, gas.amount_fen, gas.change_fen, gas.volume_l) == (
        "purchase",
        100_00,
        0,
        33_334,
    )
    assert cash.change_fen == 8_13

    # a void, the cash handed back from this drawer
    void_by_f9(qtbot, ctx, fees, mistaken.id)
    assert {p.shift_id for p in Payment.select()} == {shift.id}

    # cash out to the bank
    show(qtbot, dayend)
    dayend.pages.setCurrentIndex(0)
    panel.refresh()
    settle(qtbot, ctx.worker)
    panel.move_amount.setFocus()
    keys(qtbot, "100")
    type_text(qtbot, panel.move_reason, "银行存款")
    qtbot.mouseClick(panel.pay_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.movements.count() == 1)

    # the blind count, to the fen: 200 + 100 + 41.87 + 30 − 30 − 100 = 241.87
    count_drawer(qtbot, panel.count_form, {10000: 2, 2000: 2, 100: 1, 50: 1, 10: 3, 5: 1, 2: 1})
    assert focused() is panel.terminal["wechat"]
    keys(qtbot, "88.88")
    keys(qtbot, "12.34")
    keys(qtbot, "200")  # Enter in the last terminal total records the count
    qtbot.waitUntil(lambda: panel.result_box.isVisible())
    rec = panel.status.reconciliation
    assert (rec.cash.expected_fen, rec.count.total_fen) == (241_87, 241_87)
    assert [(x.method, x.difference_fen) for x in rec.lines] == [
        ("cash", 0), ("wechat", 0), ("alipay", 0), ("card", 0)
    ]  # fmt: skip
    assert rec.outstanding == () and not panel.difference_button.isEnabled()
    qtbot.waitUntil(lambda: focused() is panel.close_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # close the shift
    qtbot.waitUntil(lambda: panel.status is None)
    assert ShiftClosure.get().counted_cash_fen == ShiftClosure.get().expected_cash_fen == 241_87
    assert ShiftDifference.select().count() == 0

    # with the shift closed, cash is refused by the service itself, not only the screen
    def cash_request(day: dt.date) -> Callable[[], object]:
        request = PaymentRequest(
            d.prepay.id, ctx.session.staff.id, ctx.session.counter.id, "prepay", "cash",
            10_00, uuid.uuid4().hex, 10_00,
        )  # fmt: skip
        return lambda: collect_payment(request, today=day)

    today = shift.business_date
    with pytest.raises(TellerError) as refused:
        cash_request(today)()
    assert refused.value.code == "no_shift"

    # the supervisor closes the day
    qtbot.keyClick(dayend, Qt.Key.Key_2, CTRL)
    day = dayend.day_panel
    qtbot.waitUntil(lambda: "every shift is closed" in day.summary.text())
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: day.dialog is not None and day.dialog.isVisible())
    qtbot.keyClicks(day.dialog.badge, "MS09")
    qtbot.keyClick(day.dialog.badge, ENTER)
    qtbot.keyClicks(day.dialog.password, PASSWORD)
    qtbot.keyClick(day.dialog.password, ENTER)
    qtbot.waitUntil(lambda: DayClosure.select().count() == 1)
    closure = DayClosure.get()
    assert (closure.payments, closure.total_fen) == (7, 611_09)

    # the next morning, before any shift: still refused by the service
    with pytest.raises(TellerError) as refused:
        cash_request(today + dt.timedelta(days=1))()
    assert refused.value.code == "no_shift"
    assert Payment.select().count() == 8  # seven payments and the void

    # the A4 report and the Z slip, as previewed, agree to the fen
    texts = {}
    for layout, button in (("a4", day.a4_button), ("slip", day.slip_button)):
        show(qtbot, dayend)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: day.preview is not None and day.preview.isVisible())
        document = day.preview.document
        text = "\n".join(document.getAllText(i).text() for i in range(document.pageCount()))
        texts[layout] = "\n".join(line.strip() for line in text.splitlines())
        day.preview.reject()
        day.preview = None
    a4, slip = a4_figures(texts["a4"]), slip_figures(texts["slip"])
    assert a4 == slip  # every figure of one is in the other, to the fen
    assert a4["methods"] == {
        "现金": (3, "141.87"),  # 100.00 + 41.87 + 30.00, less the 30.00 voided
        "微信支付": (1, "88.88"),
        "支付宝": (1, "12.34"),
        "银行卡": (1, "200.00"),
        "预存余额": (1, "168.00"),
    }
    assert a4["total"] == "611.09" == f"{closure.total_fen / 100:.2f}"
    assert a4["cash"] == ("241.87", "241.87")  # expected and counted
    assert a4["voids"] == ("1", "30.00")
