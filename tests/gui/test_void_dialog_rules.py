"""The void dialog says why a supervisor may not approve the void of her own payment,
and nothing is voided."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from gasdesk.domain.fees import PaymentRequest
from gasdesk.services import payments
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Payment, Receipt
from gasdesk.ui.fees.void_dialog import VoidDialog
from tests import fees_support
from tests.fees_support import PASSWORD, FeeData
from tests.helpers import open_test_shift

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift


def test_the_void_dialog_refuses_a_supervisor_approving_her_own_payment(
    qtbot, fee_ctx, on_shift, fee_data: FeeData
) -> None:  # type: ignore[no-untyped-def]
    d = fee_data
    with write_transaction():
        counter2 = Counter.create(office=d.ms, number=2, name="2号窗口")
    open_test_shift(d.supervisor.id, counter2.id)  # MS09 takes a payment at counter 2
    payments.collect_payment(
        PaymentRequest(
            d.prepay.id,
            d.supervisor.id,
            counter2.id,
            "prepay",
            "wechat",
            50_00,
            str(uuid.uuid4()),
            reference="4200000001",
        )
    )
    row = payments.list_payments(d.ms.id, on_shift.business_date)[0]
    dialog = VoidDialog(fee_ctx, row)  # MS01 voids it at counter 1, MS09 approves
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    dialog.reason.setText("收款方式录错")  # (QTest types ASCII only)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert dialog.error.text() == (
        "张伟 (MS09) took this payment or is voiding it, and cannot also approve the void; "
        "another supervisor must."
    )
    assert dialog.isVisible() and dialog.submit_button.isEnabled()
    assert Payment.select().where(Payment.kind == "void").count() == 0
    assert Receipt.select().count() == 1
