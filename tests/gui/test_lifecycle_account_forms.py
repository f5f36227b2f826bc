"""信息变更, 停气/复气 and 销户 at the counter, as a teller does them: the customer in
the bar, the form filled and submitted, moved on to the status that does the work,
the printed confirmation (and the 退款凭证 where money goes back); then the database
and the screens (customer bar, account view, search)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gasdesk.domain.fees import PaymentRequest
from gasdesk.services.payments import collect_payment
from gasdesk.storage.models import Account, AuditEvent, FormEvent, Meter, Payment, Receipt
from gasdesk.storage.models_accounts import AccountHistory, FormEffect
from gasdesk.ui.main_window import MainWindow
from tests import fees_support, lifecycle_support
from tests.fees_support import FeeData
from tests.forms_support import VALID_ID
from tests.helpers import settle, type_text
from tests.lifecycle_support import (
    close_preview,
    here,
    key,
    new_form,
    pick_customer,
    printed,
    to_effect,
)

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift
window = lifecycle_support.window


def history(account_id: int) -> set[tuple[str, str, str]]:
    rows = AccountHistory.select().where(AccountHistory.account == account_id)
    return {(h.field, h.old_value, h.new_value) for h in rows}


def account_view(qtbot: Any, win: MainWindow) -> Any:
    qtbot.keyClick(win, Qt.Key.Key_F4)
    panel = win.records_tab.panel
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.account.id == win.ctx.customer.id)
    return panel


def test_info_change_from_the_bar_to_the_confirmation(
    qtbot: Any, window: MainWindow, fee_data: FeeData, tmp_path: Path
) -> None:
    win = window
    pick_customer(qtbot, win, "31000003")
    new_form(
        qtbot,
        win,
        "info_change",
        {
            "id_card": VALID_ID,
            "new_phone": "13953330003",
            "new_address": "文昌湖区鲁山大道6号院1号楼",
        },
    )
    page = to_effect(qtbot, win)
    assert "contact details" in page.effect.title()
    key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # nothing to fill: done
    text = close_preview(qtbot, win, print_it=True, folder=tmp_path / "printed")
    for item in ("用户信息变更确认单", "13800000003", "13953330003", "文昌湖区鲁山大道6号院1号楼"):
        assert item in text
    qtbot.waitUntil(lambda: "文昌湖区鲁山大道6号院1号楼" in win.customer_bar.info.text())

    account: Any = Account.get_by_id(fee_data.prepay.id)
    assert (account.phone, account.address) == ("13953330003", "文昌湖区鲁山大道6号院1号楼")
    assert history(account.id) == {
        ("phone", "13800000003", "13953330003"),
        ("address", "文昌湖区鲁山大道6号", "文昌湖区鲁山大道6号院1号楼"),
    }
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "info_change" and len(event["history"]) == 2
    qtbot.waitUntil(
        lambda: FormEvent.select().where(FormEvent.action == "confirmation_printed").count() == 1
    )
    panel = account_view(qtbot, win)
    qtbot.waitUntil(lambda: panel.fields["phone"].text() == "13953330003")
    panel.tabs.setCurrentWidget(panel.changes_table)
    assert panel.changes_model.rowCount() == 2
    qtbot.keyClick(win, Qt.Key.Key_F6)
    type_text(qtbot, here(), "53330003")  # the new mobile number finds the customer
    qtbot.waitUntil(lambda: win.customer_bar.results.count() == 1)
    assert "31000003" in win.customer_bar.results.item(0).text()


def test_stop_then_restore_the_supply_of_an_ic_card_account(
    qtbot: Any, window: MainWindow, fee_data: FeeData, tmp_path: Path
) -> None:
    win = window
    pick_customer(qtbot, win, "31000002")
    stop = {"action": "Stop", "reason": "Renov", "date": dt.date.today().isoformat()}
    new_form(qtbot, win, "supply_change", stop)
    to_effect(qtbot, win)
    key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert "停气确认单" in close_preview(qtbot, win, print_it=True, folder=tmp_path / "printed")
    qtbot.waitUntil(
        lambda: win.customer_bar.status_text().startswith("[Supply stopped: 房屋装修, since")
    )
    assert Account.get_by_id(fee_data.ic.id).status == "suspended"

    # the fee tab refuses IC-card gas with the reason
    qtbot.keyClick(win, Qt.Key.Key_F3)
    fees = win.fees_tab
    qtbot.waitUntil(lambda: fees.account is not None and here() is fees.form.buy_amount)
    type_text(qtbot, here(), "100")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "stopped" in fees.form.error.text())
    assert "房屋装修" in fees.form.error.text() and Payment.select().count() == 0

    # 复气, by the supervisor at another moment: the history names who restored it
    restore = {"action": "Restore", "reason": "Other", "date": dt.date.today().isoformat()}
    new_form(qtbot, win, "supply_change", restore)
    to_effect(qtbot, win)
    key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert "复气确认单" in close_preview(qtbot, win, print_it=False, folder=tmp_path / "printed")
    qtbot.waitUntil(lambda: win.customer_bar.status_text() == "")
    assert Account.get_by_id(fee_data.ic.id).status == "active"
    rows = (
        AccountHistory.select().where(AccountHistory.field == "status").order_by(AccountHistory.id)
    )
    assert [(r.old_value, r.new_value, r.staff.badge) for r in rows] == [
        ("active", "suspended", "MS01"),
        ("suspended", "active", "MS01"),
    ]
    panel = account_view(qtbot, win)
    settle(qtbot, win.ctx.worker)
    assert not panel.title.text().endswith(")")  # supplied again: no status in the title


def test_close_an_account_with_its_refund_slip_and_confirmation(
    qtbot: Any, window: MainWindow, fee_data: FeeData, tmp_path: Path
) -> None:
    win = window
    s = win.ctx.session
    collect_payment(  # the customer prepaid 500.00 in cash earlier today
        PaymentRequest(
            fee_data.house.id, s.staff.id, s.counter.id, "prepay", "cash", 500_00, "p", 500_00
        ),
        today=dt.date.today(),
    )
    pick_customer(qtbot, win, "31000001")
    new_form(qtbot, win, "close_account", {"id_card": VALID_ID, "final_reading": "160"})
    page = to_effect(qtbot, win)
    qtbot.waitUntil(lambda: "¥320.00" in page.effect.preview.text())
    assert "Refund in cash from your drawer" in page.effect.preview.text()
    key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # first the supervisor
    assert here() is page.effect.badge
    type_text(qtbot, here(), "MS09")
    key(qtbot, Qt.Key.Key_Return)
    assert here() is page.effect.password
    type_text(qtbot, here(), fees_support.PASSWORD)
    key(qtbot, Qt.Key.Key_Return)  # authorised: 办结

    # the 退款凭证 first (printed at once), then the confirmation
    folder = tmp_path / "printed"
    qtbot.waitUntil(lambda: win.forms_tab.receipt is not None)
    refund: Any = Payment.get(Payment.kind == "refund")
    code = Receipt.get(Receipt.payment == refund.id).code
    qtbot.waitUntil(lambda: bool(printed(folder, f"{code}-*.pdf")))
    qtbot.waitUntil(lambda: here() is not None and here().window() is win.forms_tab.receipt)
    key(qtbot, Qt.Key.Key_Escape)
    text = close_preview(qtbot, win, print_it=True, folder=folder)
    for item in ("燃气销户确认单", "31000001", "320.00", "人民币叁佰贰拾元整", code):
        assert item in text

    # the database
    account: Any = Account.get_by_id(fee_data.house.id)
    assert (account.status, account.balance_fen) == ("closed", 0)
    assert (refund.amount_fen, refund.method, refund.authorised_by.badge) == (
        -320_00,
        "cash",
        "MS09",
    )
    assert Meter.get(Meter.account == account.id).removed_on == dt.date.today()
    assert history(account.id) == {("meter", "M-1001", ""), ("status", "active", "closed")}
    assert FormEffect.get().payment_id == refund.id
    assert AuditEvent.select().where(AuditEvent.kind == "refund").count() == 1

    # the screens: the bar, the account view, the search, today's payments
    qtbot.waitUntil(lambda: win.customer_bar.status_text().startswith("[Closed (已销户)"))
    panel = account_view(qtbot, win)
    qtbot.waitUntil(lambda: panel.fields["status"].text().startswith("closed on"))
    assert panel.title.text().endswith("(closed)")
    panel.tabs.setCurrentWidget(panel.changes_table)
    assert panel.changes_model.rowCount() == 2
    qtbot.keyClick(win, Qt.Key.Key_F6)
    type_text(qtbot, here(), "31000001")
    qtbot.waitUntil(lambda: win.customer_bar.results.count() == 1)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.customer_bar.status_text().startswith("[Closed"))
    qtbot.keyClick(win, Qt.Key.Key_F3)  # a prepayment for the closed account: refused
    fees = win.fees_tab
    settle(qtbot, win.ctx.worker)
    assert fees.payments.model.rowCount() == 3  # the prepayment, the bills, the refund
    qtbot.keyClick(win, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: here() is fees.form.prepay_amount)
    type_text(qtbot, here(), "10")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: here() is fees.form.tendered)
    type_text(qtbot, here(), "10")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    qtbot.waitUntil(lambda: here() is not None and here().window() is fees.readback_dialog)
    key(qtbot, Qt.Key.Key_Return)
    dialog = fees.readback_dialog
    qtbot.waitUntil(lambda: "is closed" in dialog.status.text())
    assert Payment.select().count() == 3
    key(qtbot, Qt.Key.Key_Escape)
