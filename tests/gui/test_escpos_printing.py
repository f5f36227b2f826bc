"""Receipts on an ESC/POS thermal printer (device settings), from the fee tab by keys:
the printer (a device file here) gets the receipt in GB18030 ending in a cut, the
cash drawer opens for the cash payment's original and not for its copy, and each
print is logged once the printer took it."""

from __future__ import annotations

from pathlib import Path

from escpos.constants import CD_KICK_2, PAPER_FULL_CUT
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk import settings as keys
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import ReceiptPrint
from gasdesk.ui.devices import reload_devices
from gasdesk.ui.fees.tab import FeesTab
from tests import fees_support
from tests.fees_support import FeeData

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab
ENTER = Qt.Key.Key_Return


def test_a_cash_receipt_prints_in_escpos_and_opens_the_drawer(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    printer = tmp_path / "lp0"
    printer.touch()
    fee_ctx.settings.set(keys.RECEIPT_PRINTER, "escpos")
    fee_ctx.settings.set(keys.ESCPOS, f"file:{printer}")
    reload_devices(fee_ctx)
    fee_ctx.set_customer(get_account(fee_data.house.id))
    qtbot.waitUntil(lambda: tab.statement is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.form.tendered)
    qtbot.keyClicks(tab.form.tendered, "200")
    qtbot.keyClick(tab.form.tendered, ENTER)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    qtbot.keyClick(tab.receipt_dialog, ENTER)  # print
    qtbot.waitUntil(lambda: ReceiptPrint.select().count() == 1)
    sent = printer.read_bytes()
    for text in ("燃气费收据", "合计金额", "¥168.00", "人民币壹佰陆拾捌元整", "找零"):
        assert text.encode("gb18030") in sent, text
    assert CD_KICK_2 in sent and sent.endswith(PAPER_FULL_CUT)
    qtbot.waitUntil(lambda: tab.receipt_dialog.print_button.isEnabled())
    qtbot.keyClick(tab.receipt_dialog, ENTER)  # a copy
    qtbot.waitUntil(lambda: ReceiptPrint.select().count() == 2)
    copy = printer.read_bytes()
    assert "【重印】".encode("gb18030") in copy and CD_KICK_2 not in copy
    assert ReceiptPrint.select().where(ReceiptPrint.reprint).count() == 1
