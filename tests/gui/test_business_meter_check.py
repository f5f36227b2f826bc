"""表具校验 at the counter, as a teller does it with the keyboard: the customer in the
bar, the form prefilled from it, submitted; at 已答复 the laboratory's result typed, a
supervisor approving, the notice printed; then the database (the result, the credit,
the 换表 form that follows, the audit events, the day report) and the screens."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gasdesk.domain.fees import PaymentRequest
from gasdesk.services.billing import statement
from gasdesk.services.day_report import day_report
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Account, AuditEvent, FormRecord
from gasdesk.storage.models_accounts import AccountHistory
from gasdesk.storage.models_credits import AccountCredit
from gasdesk.ui.main_window import MainWindow
from tests import fees_support, lifecycle_support
from tests.billing_gui_support import (
    authorise,
    choose_form,
    confirmation_printed,
    fill,
    pick_customer,
    submit,
    to_effect,
)
from tests.helpers import type_text
from tests.lifecycle_support import here

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift
window = lifecycle_support.window


def pay_the_bill(win: MainWindow) -> None:
    """The March bill (56 m³, ¥168.00), paid earlier today at this counter."""
    account_id = Account.get(Account.number == "31000001").id
    s = win.ctx.session
    collect_payment(
        PaymentRequest(
            account_id=account_id,
            staff_id=s.staff.id,
            counter_id=s.counter.id,
            kind="bill",
            method="cash",
            expected_due_fen=statement(account_id).due_fen,
            idempotency_key=uuid.uuid4().hex,
            tendered_fen=168_00,
        )
    )


def test_a_fast_meter_from_the_customer_bar_to_the_notice_and_the_credit(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    pay_the_bill(win)
    pick_customer(qtbot, win, "31000001")
    view = choose_form(qtbot, win, "meter_check", "Meter acc")
    assert view.values()["meter_number"] == "M-1001" and view.values()["name"] == "王秀英"
    fill(qtbot, view, {"reason": "近两月用量异常偏高"})
    submit(qtbot, win)

    number = win.forms_tab.entry.result.text().split()[1]
    panel = to_effect(qtbot, win, number, ("In progress",))
    assert panel.view is not None and here() is panel.view.fields["certificate"].editor()
    type_text(qtbot, here(), "ZB-2026-0815")
    fill(qtbot, panel.view, {"error_percent": "+2.5"})
    qtbot.waitUntil(lambda: "Credited to the prepaid balance" in panel.preview.text())
    assert "4.10 元" in panel.preview.text()  # 56 m³ × 2.5/102.5 = 1.366 m³ at ¥3.00
    authorise(qtbot, panel)
    confirmation_printed(
        qtbot, win, tmp_path, "燃气表校验结果通知单", "M-1001", "+2.50%", "1.366", "4.10"
    )

    # the database: the credit, its approval and event, the history, the 换表 to follow
    credit: Any = AccountCredit.get()
    assert (credit.amount_fen, credit.volume_l, credit.error_bp) == (4_10, 1_366, 250)
    assert credit.authorised_by.badge == "MS09" and credit.business_date == dt.date.today()
    account: Any = Account.get(Account.number == "31000001")
    assert account.balance_fen == 4_10
    result: Any = AccountHistory.get(AccountHistory.field == "meter_check")
    assert (result.old_value, result.new_value) == (
        "",
        "M-1001 +2.50%，淄博市计量技术研究院，证书 ZB-2026-0815",
    )
    event = json.loads(AuditEvent.get(AuditEvent.kind == "account_credit").payload_json)
    assert event["credit"] == credit.id and event["amount_fen"] == 4_10
    change: Any = FormRecord.get(FormRecord.kind == "meter_change")
    assert change.account_id == account.id and change.status == "received"
    report = day_report(win.ctx.session.office.id, dt.date.today())
    assert [(c.account_number, c.amount_fen) for c in report.credits] == [("31000001", 4_10)]
    assert audit_verify.verify().ok

    # the screens: the bar's balance, the account view (prepaid, the 换表 form open)
    qtbot.waitUntil(lambda: "balance ¥4.10" in win.customer_bar.info.text())
    qtbot.keyClick(win, Qt.Key.Key_F4)
    records = win.records_tab
    qtbot.waitUntil(lambda: "Prepaid ¥4.10" in records.panel.money.text())
    assert change.number in records.panel.fields["forms"].text()
    qtbot.keyClick(records, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # the changes
    changes = records.panel.changes_model
    assert changes.index(0, 1).data() == "meter check" and "+2.50%" in changes.index(0, 3).data()
