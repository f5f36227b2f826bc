"""过户 at the counter, as a teller does it with the keyboard: the old holder in the
customer bar, the form prefilled from it with the transfer reading and the new holder,
submitted; at 办结 the balance refunded to the old holder, a supervisor authorising;
the 退款凭证 and the confirmation printed; then the database and the screens."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gasdesk.domain.fees import PaymentRequest
from gasdesk.services.payments import collect_payment
from gasdesk.storage.models import Account, AuditEvent, Bill, Payment, Reading, Receipt
from gasdesk.storage.models_accounts import AccountHistory
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
from tests.lifecycle_support import here, key, printed

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift
window = lifecycle_support.window

NEW_ID = "110105198001010016"


def prepay(win: MainWindow, fen: int) -> None:
    """The old holder's prepaid balance, taken earlier today in cash at this counter."""
    s = win.ctx.session
    collect_payment(
        PaymentRequest(
            account_id=Account.get(Account.number == "31000001").id,
            staff_id=s.staff.id,
            counter_id=s.counter.id,
            kind="prepay",
            method="cash",
            expected_due_fen=fen,
            idempotency_key=uuid.uuid4().hex,
            tendered_fen=fen,
        )
    )


def test_a_transfer_from_the_customer_bar_to_the_refund_slip_and_the_confirmation(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    prepay(win, 300_00)
    pick_customer(qtbot, win, "31000001")  # 王秀英: 56 m³ unbilled since March
    view = choose_form(qtbot, win, "transfer", "Transfer")
    assert view.values()["old_name"] == "王秀英" and view.values()["account"] == "31000001"
    assert here() is view.fields["transfer_reading"].editor()  # the first empty field
    type_text(qtbot, here(), "160")
    key(qtbot, Qt.Key.Key_Return)
    assert here() is view.fields["new_name"].editor()
    type_text(qtbot, here(), "孙红梅")
    fill(qtbot, view, {"new_id_card": NEW_ID, "new_phone": "13905330777", "reason": "Sale"})
    submit(qtbot, win)
    reading: Any = Reading.get(Reading.source == "business")
    assert reading.value_l == 160_000  # recorded at once: the fee tab shows the gas up to it

    number = win.forms_tab.entry.result.text().split()[1]
    panel = to_effect(qtbot, win, number, ("In progress", "Replied"))
    assert "pass the account to the new one" in panel.title()
    assert panel.view is not None
    fill(qtbot, panel.view, {"balance": "Ref"})  # refunded to the old holder
    qtbot.waitUntil(lambda: "Refund in cash from your drawer" in panel.preview.text())
    assert "¥180.00" in panel.preview.text()  # 56 + 4 m³ at ¥3.00, paid from the balance
    authorise(qtbot, panel)

    # the 退款凭证 first (printed at once), then the confirmation
    forms = win.forms_tab
    qtbot.waitUntil(lambda: forms.receipt is not None, timeout=5000)
    qtbot.waitUntil(lambda: bool(printed(tmp_path / "printed", "MS-*.pdf")))
    qtbot.waitUntil(lambda: here() is not None and here().window() is forms.receipt)
    key(qtbot, Qt.Key.Key_Escape)
    confirmation_printed(
        qtbot, win, tmp_path, "燃气过户确认单", "王秀英", "孙红梅", "160.000", "120.00"
    )

    # the database: the holder, the history with the old values, the money, the audit
    account: Any = Account.get(Account.number == "31000001")
    assert (account.name, account.id_card, account.phone) == ("孙红梅", NEW_ID, "13905330777")
    assert account.balance_fen == 0
    old = {h.field: h.old_value for h in AccountHistory.select()}
    assert old["name"] == "王秀英" and old["phone"] == "13800000001"
    assert [b.amount_fen for b in Bill.select().order_by(Bill.id)] == [168_00, 12_00]
    assert Payment.get(Payment.method == "balance").amount_fen == 180_00
    refund: Any = Payment.get(Payment.kind == "refund")
    assert refund.amount_fen == -120_00 and refund.shift_id == fees_support_shift(win)
    code = Receipt.get(Receipt.payment == refund.id).code
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "transfer_holder" and event["receipt"] == code
    assert AuditEvent.select().where(AuditEvent.kind == "refund").count() == 1

    # the screens: the bar, the account view, the search by the new name
    assert win.customer_bar.info.text().startswith("孙红梅  31000001")
    assert "balance ¥0.00" in win.customer_bar.info.text()
    qtbot.keyClick(win, Qt.Key.Key_F4)
    records = win.records_tab
    qtbot.waitUntil(lambda: records.panel.title.text().startswith("孙红梅  31000001"))
    assert records.panel.fields["phone"].text() == "13905330777"
    qtbot.keyClick(records, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # the changes
    changes = records.panel.changes_model
    rows = [[changes.index(r, c).data() for c in range(6)] for r in range(changes.rowCount())]
    holder = next(r for r in rows if r[1] == "holder")
    assert (holder[2], holder[3], holder[5]) == ("王秀英", "孙红梅", number)
    assert "过户读数 160.000 m³" in holder[4]  # both holders, and from when
    qtbot.keyClick(win, Qt.Key.Key_F6)
    assert here() is win.customer_bar.search, here()
    type_text(qtbot, here(), "孙红梅")
    qtbot.waitUntil(lambda: win.customer_bar.results.count() == 1)
    assert "31000001" in win.customer_bar.results.item(0).text()
    assert dt.date.today() == reading.read_on


def fees_support_shift(win: MainWindow) -> int:
    from gasdesk.services.shifts import current_shift

    s = win.ctx.session
    shift = current_shift(s.staff.id, s.counter.id)
    assert shift is not None
    return int(shift.id)
