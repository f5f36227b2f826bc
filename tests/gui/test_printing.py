"""Printing as the counter does it: a print is logged only after the printer took it,
a reprint's preview shows 重印, every document is rendered at 300 dpi at most, the Z
slip keeps its 80 mm paper, and form copies go to the output folder like receipts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

import gasdesk.ui.fees.receipt_dialog as receipt_dialog
from gasdesk.services.receipts import record_print
from gasdesk.settings import OUTPUT_DIR
from gasdesk.storage.models import AuditEvent, FormEvent, ReceiptPrint
from gasdesk.ui.fees.tab import FeesTab
from gasdesk.ui.pdf_printing import MAX_DPI
from tests import fees_support
from tests.fees_support import FeeData
from tests.gui.test_fees_tab import pay_by_keyboard, pdf_text
from tests.helpers import settle

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab
ENTER = Qt.Key.Key_Return
MM = 72 / 25.4  # points per millimetre


def pdf_printer(path: Path) -> QPrinter:
    """A printer as a print dialog hands it over: high resolution (1200 dpi), A4."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def broken_printer(_settings: Any, _name: str) -> tuple[QPrinter, bool]:
    """A printer that cannot print: its output file cannot be created."""
    return pdf_printer(Path("/nonexistent-gasdesk-dir/receipt.pdf")), False


def images_dpi(path: Path) -> list[float]:
    """The resolution at which each page's picture was put on its paper."""
    out = []
    for page in pdfium.PdfDocument(str(path)):
        width_in = page.get_size()[0] / 72
        for obj in page.get_objects():
            if isinstance(obj, pdfium.PdfImage):
                out.append(obj.get_px_size()[0] / width_in)
    return out


def open_receipt_from_the_list(qtbot, tab: FeesTab) -> Any:  # type: ignore[no-untyped-def]
    """Alt+T to today's list, Ctrl+P: the preview of the receipt's next print."""
    tab.form.tendered.setFocus()
    qtbot.keyClick(tab.form.tendered, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(tab.payments.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    return tab.receipt_dialog


def close_receipt(qtbot, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(tab.receipt_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.receipt_dialog is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.form.tendered)  # back at the tab


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_a_print_the_printer_refused_is_not_logged_and_the_next_is_the_original(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    pay_by_keyboard(qtbot, fee_ctx, fee_data, tab)
    dialog = open_receipt_from_the_list(qtbot, tab)
    monkeypatch.setattr(receipt_dialog, "make_printer", broken_printer)
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not printed"))
    settle(qtbot, fee_ctx.worker)
    assert ReceiptPrint.select().count() == 0
    assert dialog.print_button.isEnabled()

    monkeypatch.undo()  # the printer works again: the customer's first paper is the original
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: dialog.status.text() == "Printed.")
    assert [p.reprint for p in ReceiptPrint.select()] == [False]
    (printed,) = (tmp_path / "printed").glob("*.pdf")
    assert "重印" not in pdf_text(printed.read_bytes())
    assert AuditEvent.select().where(AuditEvent.kind == "receipt_reprint").count() == 0


def test_the_preview_of_a_reprint_shows_the_mark(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    pay_by_keyboard(qtbot, fee_ctx, fee_data, tab)
    dialog = open_receipt_from_the_list(qtbot, tab)
    assert "重印" not in pdf_text(dialog.pdf)  # never printed: the original
    close_receipt(qtbot, tab)
    assert ReceiptPrint.select().count() == 0  # looked at is not printed

    dialog = open_receipt_from_the_list(qtbot, tab)
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: dialog.status.text() == "Printed.")
    # the preview now shows the copy that Enter prints next
    qtbot.waitUntil(lambda: "重印" in pdf_text(dialog.pdf))
    close_receipt(qtbot, tab)
    dialog = open_receipt_from_the_list(qtbot, tab)
    text = pdf_text(dialog.pdf)
    assert "重印" in text and "MS01" in text
    assert [p.reprint for p in ReceiptPrint.select()] == [False]


def test_a_copy_previewed_from_the_account_history_is_logged_only_when_printed(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.domain.events import ReceiptPrinted
    from gasdesk.services.receipts import prepare_print
    from gasdesk.ui.records.reprint import ReceiptCopyDialog
    from tests.helpers import heard

    pay_by_keyboard(qtbot, fee_ctx, fee_data, tab)
    printed = heard(fee_ctx, ReceiptPrinted)
    receipt_id = tab.payments.model.row_at(0).receipt_id
    copy = prepare_print(receipt_id, fee_data.teller.id)
    dialog = ReceiptCopyDialog(fee_ctx, copy, record_print)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert ReceiptPrint.select().count() == 0
    qtbot.keyClick(dialog.preview.print_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ReceiptPrint.select().count() == 1)
    assert any((tmp_path / "printed").glob("receipt-*.pdf"))  # to the output folder, no dialog
    qtbot.waitUntil(lambda: printed == [ReceiptPrinted(receipt_id, reprint=False)])


def test_the_z_slip_keeps_its_80_mm_paper_at_300_dpi(
    qtbot, fee_ctx, fee_data: FeeData, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.ui.dayend.day_panel import DayPanel

    panel = DayPanel(fee_ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.preview is not None)
    source = pdfium.PdfDocument(panel.preview.preview._data)[0].get_size()
    assert source[0] == pytest.approx(80 * MM, abs=1)
    out = tmp_path / "z.pdf"
    panel.preview.print_to(pdf_printer(out))  # as the print dialog hands over an A4 printer
    (page,) = pdfium.PdfDocument(str(out))
    width, height = page.get_size()
    assert width == pytest.approx(80 * MM, abs=1) and height == pytest.approx(source[1], abs=1)
    assert images_dpi(out) and all(d <= MAX_DPI + 1 for d in images_dpi(out))
    panel.preview.close()


@pytest.fixture
def forms_world(tmp_path: Path) -> Iterator[Any]:
    from tests.forms_support import close, seed

    yield seed(tmp_path)
    close()


def test_form_copies_print_to_the_output_folder_and_a_reprint_says_so(
    qtbot, forms_world: Any, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.services.effects.catalog import load_forms
    from gasdesk.services.forms import submit_form
    from gasdesk.ui.tabs.forms_tab import FormsTab
    from tests.forms_support import make_ctx

    spec = load_forms().get("consultation")
    assert spec is not None
    result = submit_form(
        spec,
        {"name": "王建国", "phone": "13905331234", "topic": "收费", "question": "阶梯气价怎么算？"},
        staff_id=forms_world.teller_id,
        office_id=forms_world.office_id,
        at=dt.datetime(2026, 9, 30, 10, 15),
    )
    ctx = make_ctx(forms_world, tmp_path)
    ctx.settings.set(OUTPUT_DIR, str(tmp_path / "printed"))
    forms = FormsTab(ctx)
    qtbot.addWidget(forms)
    forms.show()
    qtbot.waitExposed(forms)
    try:
        for n in (1, 2):
            forms.print_copy(result.form.id, result.form.title)  # Open forms: Print copy
            qtbot.waitUntil(lambda: forms.preview is not None and forms.preview.isVisible())
            preview = forms.preview
            assert ("重印" in pdf_text(preview.preview._data)) is (n == 2)
            qtbot.keyClick(preview.print_button, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda n=n: len(list((tmp_path / "printed").glob("*.pdf"))) == n)
            qtbot.waitUntil(
                lambda n=n: FormEvent.select().where(FormEvent.action == "printed").count() == n
            )
            preview.reject()
        for path in (tmp_path / "printed").glob("*.pdf"):
            assert all(d <= MAX_DPI + 1 for d in images_dpi(path))
    finally:
        settle(qtbot, ctx.worker)
        ctx.worker.shutdown()
