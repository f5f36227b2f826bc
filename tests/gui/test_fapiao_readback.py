"""Marking at the read-back that the customer wants a fapiao, with keys: Alt+I, the
buyer's entries (Enter moves on), a mistyped tax number refused on the screen with
nothing recorded, then the payment recorded with its request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.services.accounts import get_account
from gasdesk.storage.models import Payment
from gasdesk.storage.models_fapiao import FapiaoRequest
from gasdesk.ui.fees.tab import FeesTab
from tests import fees_support
from tests.fees_support import NOTHING, ONE_PAYMENT, FeeData, added, counts
from tests.helpers import type_text

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab
ENTER = Qt.Key.Key_Return


def read_back(qtbot, ctx, tab: FeesTab, account_id: int):  # type: ignore[no-untyped-def]
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: tab.statement is not None and tab.statement.account.id == account_id)
    qtbot.keyClicks(QApplication.focusWidget(), "200")
    qtbot.keyClick(QApplication.focusWidget(), ENTER)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # keys go to it
    return dialog


def test_the_teller_marks_a_fapiao_at_the_read_back(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    before = counts()
    dialog = read_back(qtbot, fee_ctx, tab, fee_data.house.id)
    box = dialog.fapiao_box
    assert not box.fields.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.fields.isVisible)
    assert QApplication.focusWidget() is box.name
    assert box.name.text() == "王秀英"  # the holder's name, to keep or type over
    type_text(qtbot, box.name, "淄博绿周能源有限公司")  # typed over the selected name
    assert box.name.text() == "淄博绿周能源有限公司"
    qtbot.keyClick(box.name, ENTER)  # Enter moves on inside the request
    assert QApplication.focusWidget() is box.tax_number
    qtbot.keyClicks(box.tax_number, "91110108551385082A")  # the last character mistyped
    qtbot.keyClick(box.tax_number, ENTER)
    assert QApplication.focusWidget() is box.phone
    qtbot.keyClicks(box.phone, "13805331234")
    qtbot.keyClick(box.phone, ENTER)
    qtbot.keyClick(box.email, ENTER)  # the last entry: Enter confirms
    assert "91110108551385082A" in dialog.status.text()  # refused on the screen
    assert QApplication.focusWidget() is box.tax_number  # where the mistake is
    assert added(before) == NOTHING and not dialog.busy

    box.tax_number.clear()
    qtbot.keyClicks(box.tax_number, "91110108551385082q")
    qtbot.keyClick(box.tax_number, ENTER)
    qtbot.keyClick(box.phone, ENTER)
    qtbot.keyClick(box.email, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert added(before) == ONE_PAYMENT
    request = FapiaoRequest.get()
    assert (request.payment_id, request.buyer_name, request.tax_number, request.phone) == (
        Payment.get().id,
        "淄博绿周能源有限公司",
        "91110108551385082Q",
        "13805331234",
    )


def test_without_the_mark_no_request_is_recorded(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    before = counts()
    dialog = read_back(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.fapiao_box.fields.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # changed her mind
    qtbot.waitUntil(lambda: not dialog.fapiao_box.fields.isVisible())
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert added(before) == ONE_PAYMENT
    assert FapiaoRequest.select().count() == 0
