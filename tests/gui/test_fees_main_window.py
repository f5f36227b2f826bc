"""A standard cash payment through the main window, from an empty customer bar to a
printed receipt, with the keys counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk import settings
from gasdesk.storage.models import AuditEvent, Payment, Receipt, ReceiptPrint
from gasdesk.ui.main_window import MainWindow
from tests import fees_support
from tests.fees_support import ONE_PAYMENT, FeeData, added, counts
from tests.helpers import settle

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift


def test_cash_payment_from_the_customer_bar_to_the_printed_receipt(
    qtbot, fee_ctx, on_shift, fee_data: FeeData, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fee_ctx.settings.set(settings.SILENT_PRINTING, True)  # the counter prints without a dialog
    window = MainWindow(fee_ctx)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tabs.setCurrentWidget(window.fees_tab)  # the teller works on the fee tab (F3)
    window.customer_bar.focus_search()
    before = counts()

    def here():  # type: ignore[no-untyped-def]
        return QApplication.focusWidget()

    # only keys, each typed where the focus is: no clicks, no focus moves by the test
    assert here() is window.customer_bar.search and not window.customer_bar.search.text()
    qtbot.keyClicks(here(), "31000001")
    qtbot.keyClick(here(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.fees_tab.statement is not None)
    assert here() is window.fees_tab.form.tendered  # focus moved to the cash received
    assert window.fees_tab.due.due_label.text() == "Amount due: ¥168.00"
    qtbot.keyClicks(here(), "200")
    qtbot.keyClick(here(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.fees_tab.readback_dialog is not None)
    qtbot.waitUntil(
        lambda: here() is not None and here().window() is window.fees_tab.readback_dialog
    )
    qtbot.keyClick(here(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ReceiptPrint.select().count() == 1)
    code = f"MS-{dt.date.today().year}-000001"
    assert added(before) == ONE_PAYMENT
    assert Receipt.get().code == code and Payment.get().tendered_fen == 200_00
    assert AuditEvent.select().where(AuditEvent.kind == "payment").count() == 1
    qtbot.waitUntil(lambda: any((tmp_path / "printed").glob(f"{code}-*.pdf")))
    assert window.customer_bar.info.text().startswith("王秀英")
    qtbot.waitUntil(lambda: window.fees_tab.receipt_dialog is not None)
    document = pdfium.PdfDocument(window.fees_tab.receipt_dialog.pdf)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    for item in (code, "168.00", "200.00", "32.00", "人民币壹佰陆拾捌元整"):
        assert item in text
    settle(qtbot, fee_ctx.worker)
    window.close()
    window.deleteLater()
    qtbot.wait(10)
