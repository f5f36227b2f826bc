"""开户 at the counter, as a teller does it with the keyboard: the form from an empty
customer bar, submitted, moved on to 办结 with the meter the crew installed, the
开户确认单 printed, the prepayment taken at the fee tab through the read-back and the
receipt; then the database and the screens."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gasdesk.services.accounts import find_accounts
from gasdesk.storage.models import Account, AuditEvent, FormEvent, FormRecord, Meter, Payment
from gasdesk.storage.models_accounts import AccountHistory, FormEffect
from gasdesk.ui.main_window import MainWindow
from tests import fees_support, lifecycle_support
from tests.forms_support import VALID_ID
from tests.helpers import type_text
from tests.lifecycle_support import fill, here, key, pdf_text, printed

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift
window = lifecycle_support.window

APPLICATION = {
    "id_card": VALID_ID,
    "phone": "13705330001",
    "address": "文昌湖区商家镇文昌路锦绣苑8号楼1单元101",
    "prepay": "200",
}


def on_shift_id(win: MainWindow) -> int:
    from gasdesk.services.shifts import current_shift

    s = win.ctx.session
    shift = current_shift(s.staff.id, s.counter.id)
    assert shift is not None
    return shift.id


def test_open_an_account_from_the_form_to_the_confirmation_and_the_prepayment(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    forms = win.forms_tab
    qtbot.keyClick(win, Qt.Key.Key_F2)  # 业务受理
    assert win.tabs.currentWidget() is forms and win.ctx.customer is None
    qtbot.keyClick(win, Qt.Key.Key_F6)
    key(qtbot, Qt.Key.Key_Tab)  # from the (empty) customer bar into the form on screen
    view = forms.entry.current_view()
    assert view is not None and view.spec.kind == "open_account"  # the first form of the list
    assert here() is view.fields["name"].editor()
    type_text(qtbot, here(), "刘德明")
    key(qtbot, Qt.Key.Key_Return)  # Enter: the next field
    assert here() is view.fields["id_card"].editor()
    fill(qtbot, view, APPLICATION)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter: submit
    qtbot.waitUntil(lambda: "MS-F-" in forms.entry.result.text())
    qtbot.waitUntil(lambda: forms.preview is not None)
    key(qtbot, Qt.Key.Key_Escape)  # the application's copy: closed
    qtbot.waitUntil(lambda: forms.preview is None)
    form = FormRecord.get()
    assert form.account_id is None and Account.select().count() == 3

    # the crew installs the meter; the form moves on to 办结 on the Open forms page
    forms.pages.setCurrentWidget(forms.open_forms)
    page = forms.open_forms
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.advance_button.isEnabled())
    page.table.setFocus()
    for status in ("In progress", "Replied"):
        key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda s=status: f"is now: {s}" in page.message.text())
    qtbot.waitUntil(lambda: page.effect.isVisible() and page.effect.view is not None)
    assert "open the account" in page.effect.title()
    page.table.setFocus()
    key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # first the meter
    meter = page.effect.view
    assert meter is not None and here() is meter.fields["meter_number"].editor()
    type_text(qtbot, here(), "MS-7001")
    key(qtbot, Qt.Key.Key_Return)
    fill(qtbot, meter, {"meter_kind": "Mech", "meter_model": "G2.5", "initial_reading": "0.5"})
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # confirm: 办结

    # the customer bar shows the new account; the confirmation is printed (Ctrl+P)
    qtbot.waitUntil(lambda: win.ctx.customer is not None and win.ctx.customer.number == "10000001")
    assert win.customer_bar.info.text().startswith("刘德明  10000001  MS-7001")
    qtbot.waitUntil(lambda: forms.preview is not None)
    assert forms.preview is not None
    preview_text = pdf_text(forms.preview.preview._data)
    for item in ("燃气开户确认单", "10000001", "刘德明", "MS-7001", "0533-8777760"):
        assert item in preview_text
    key(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(printed(tmp_path / "printed", "confirmation-*.pdf")))
    qtbot.waitUntil(
        lambda: FormEvent.select().where(FormEvent.action == "confirmation_printed").count() == 1
    )
    key(qtbot, Qt.Key.Key_Escape)

    # the prepayment: the fee tab, filled in, through the read-back and the receipt
    qtbot.waitUntil(lambda: win.tabs.currentWidget() is win.fees_tab)
    fees = win.fees_tab
    qtbot.waitUntil(lambda: fees.prepay_fen == 200_00 and here() is fees.form.tendered)
    type_text(qtbot, here(), "200")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    qtbot.waitUntil(lambda: here() is not None and here().window() is fees.readback_dialog)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)

    # the database: the account, its meter, history, effect, audit, the prepayment
    account: Any = Account.get(Account.number == "10000001")
    assert (account.name, account.id_card, account.status) == ("刘德明", VALID_ID, "active")
    assert FormRecord.get().status == "closed" and FormRecord.get().account_id == account.id
    meter_row: Any = Meter.get(Meter.account == account.id)
    assert (meter_row.number, meter_row.kind, meter_row.initial_l) == ("MS-7001", "mechanical", 500)
    assert meter_row.installed_on == dt.date.today() == meter_row.last_verified
    history = {(h.field, h.old_value, h.new_value) for h in AccountHistory.select()}
    assert ("name", "", "刘德明") in history and ("opened", "", "10000001") in history
    assert FormEffect.get().effect == "open_account"
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["account"] == "10000001" and len(event["history"]) == len(history)
    payment: Any = Payment.get()
    assert (payment.account_id, payment.kind, payment.amount_fen) == (account.id, "prepay", 200_00)
    assert payment.shift_id == on_shift_id(win)
    assert Account.get_by_id(account.id).balance_fen == 200_00
    qtbot.waitUntil(lambda: bool(printed(tmp_path / "printed", "MS-*.pdf")))  # the receipt
    qtbot.waitUntil(lambda: here() is not None and here().window() is fees.receipt_dialog)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: fees.receipt_dialog is None and here() is not None)

    # the screens: the bar's balance, the account view, the search by the new name
    qtbot.waitUntil(lambda: "balance ¥200.00" in win.customer_bar.info.text())
    qtbot.keyClick(win, Qt.Key.Key_F4)
    records = win.records_tab
    qtbot.waitUntil(lambda: records.panel.view is not None)
    assert records.panel.title.text().startswith("刘德明  10000001")
    assert "MS-7001" in records.panel.fields["meter"].text()
    assert [a.number for a in find_accounts("刘德明")] == ["10000001"]
    qtbot.keyClick(win, Qt.Key.Key_F6)
    assert here() is win.customer_bar.search
    type_text(qtbot, here(), "刘德明")
    qtbot.waitUntil(lambda: win.customer_bar.results.count() == 1)
    assert "10000001" in win.customer_bar.results.item(0).text()
