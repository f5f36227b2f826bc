"""The fee tab driven as a teller drives it: keys, Enter, Esc, clicks; then what the
database, the screen and the receipt hold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk import settings
from gasdesk.domain.events import (
    Committed,
    PaymentCommitted,
    PaymentsChanged,
    ReadBackShown,
    ReceiptPrinted,
    Refused,
    VoidCommitted,
)
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import AuditEvent, Payment, Receipt, ReceiptPrint
from gasdesk.ui.fees.models import DueLinesModel, PaymentsModel
from gasdesk.ui.fees.tab import FeesTab
from tests import fees_support
from tests.fees_support import (
    NOTHING,
    ONE_PAYMENT,
    FeeData,
    added,
    counts,
    fail_receipt_inserts,
    heal_receipt_inserts,
)
from tests.helpers import heard

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab

YEAR = dt.date.today().year
ENTER = Qt.Key.Key_Return


@pytest.fixture
def moments(fee_ctx):  # type: ignore[no-untyped-def]
    return heard(fee_ctx)


def choose(qtbot, ctx, tab: FeesTab, account_id: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Select the customer as the customer bar does; return the row counts before."""
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: tab.statement is not None and tab.statement.account.id == account_id)
    return counts()


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def type_here(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into whatever has the keyboard focus, as a teller does."""
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), ENTER)


def pdf_text(data: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))


def test_a_cash_payment_by_keyboard(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, moments, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    changed = heard(fee_ctx, PaymentsChanged)
    before = choose(qtbot, fee_ctx, tab, fee_data.house.id)
    assert focused() is tab.form.tendered  # the next keystroke belongs to the cash received
    assert tab.due.due_label.text() == "Amount due: ¥168.00"
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    assert dialog.findChild(type(dialog.status), "readBackDue").text() == "¥168.00"
    assert dialog.findChild(type(dialog.status), "readBackReceived").text() == "¥200.00"
    assert dialog.findChild(type(dialog.status), "readBackChange").text() == "¥32.00"
    assert (
        dialog.findChild(type(dialog.status), "readBackDueCapital").text() == "人民币壹佰陆拾捌元整"
    )
    assert dialog.sentence.text() == "收您200.00元，找您32.00元，请收好"
    assert counts()["payment"] == 0  # nothing is recorded at the read-back
    assert [e for e in moments if isinstance(e, ReadBackShown)] == [
        ReadBackShown(due_fen=168_00, received_fen=200_00, change_fen=32_00, method="cash")
    ]

    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    code = f"MS-{YEAR}-000001"
    assert added(before) == ONE_PAYMENT
    receipt = Receipt.get()
    assert receipt.code == code
    event = AuditEvent.select().where(AuditEvent.kind == "payment").get()
    assert json.loads(event.payload_json)["receipt"] == code
    payment = Payment.get()
    assert changed == [PaymentCommitted(code, payment.id, amount_fen=168_00, change_fen=32_00)]
    text = pdf_text(tab.receipt_dialog.pdf)
    for item in (code, "168.00", "200.00", "32.00", "人民币壹佰陆拾捌元整", "人民币"):
        assert item in text

    qtbot.keyClick(tab.receipt_dialog, ENTER)  # print
    qtbot.waitUntil(lambda: ReceiptPrint.select().count() == 1)
    qtbot.waitUntil(lambda: any((tmp_path / "printed").glob(f"{code}-*.pdf")))
    printed = next((tmp_path / "printed").glob(f"{code}-*.pdf")).read_bytes()
    assert pdfium.PdfDocument(printed)[0].get_size()[0] == pytest.approx(80 * 72 / 25.4, abs=1)
    assert not ReceiptPrint.get().reprint
    qtbot.waitUntil(lambda: ReceiptPrinted(receipt.id, reprint=False) in moments)
    qtbot.waitUntil(lambda: tab.payments.model.rowCount() == 1)
    assert tab.payments.model.row_at(0).code == code
    qtbot.waitUntil(lambda: tab.due.due_label.text() == "Nothing is due")


def test_esc_at_the_read_back_records_nothing_and_keeps_the_form(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, moments
) -> None:  # type: ignore[no-untyped-def]
    before = choose(qtbot, fee_ctx, tab, fee_data.house.id)
    key = tab.key
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.readback_dialog is None)
    assert added(before) == NOTHING
    assert not [e for e in moments if isinstance(e, Committed)]
    assert focused() is tab.form.tendered and tab.form.tendered.selectedText() == "200"
    assert tab.key == key
    type_here(qtbot, "168")  # a different amount, the same form
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert tab.readback_dialog.sentence.text() == "收您168.00元，正好，不用找零"
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)
    assert Payment.get().idempotency_key == key and Payment.get().change_fen == 0


def test_a_double_enter_records_one_payment(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    before = choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    qtbot.keyClick(dialog, ENTER)
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    fee_ctx.worker.run_sync(lambda: None)
    qtbot.wait(50)
    assert added(before) == ONE_PAYMENT


def test_a_double_click_records_one_payment(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    button = tab.readback_dialog.confirm_button
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    fee_ctx.worker.run_sync(lambda: None)
    qtbot.wait(50)
    assert counts()["payment"] == 1 and counts()["receipt"] == 1


def test_the_same_form_confirmed_twice_reaching_the_service_charges_once(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    """Even if both confirmations got past the screen, the key makes the second a replay."""
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    results = []
    tab.flow.committed.connect(lambda info, _pdf: results.append(info))
    tab.flow._confirmed()
    tab.flow._confirmed()
    qtbot.waitUntil(lambda: len(results) >= 1)
    fee_ctx.worker.run_sync(lambda: None)
    qtbot.wait(50)
    assert counts()["payment"] == 1
    assert results[0].code == f"MS-{YEAR}-000001"


def test_a_database_error_shows_a_message_and_the_retry_works(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, moments
) -> None:  # type: ignore[no-untyped-def]
    before = choose(qtbot, fee_ctx, tab, fee_data.house.id)
    fail_receipt_inserts()
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: "disk reported an error" in dialog.status.text())
    assert dialog.isVisible() and not dialog.busy
    assert added(before) == NOTHING
    assert any(isinstance(e, Refused) and "disk" in e.message for e in moments)
    heal_receipt_inserts()
    qtbot.keyClick(dialog, ENTER)  # try again, same form
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert Receipt.get().code == f"MS-{YEAR}-000001"  # the failed attempt used no number
    assert counts()["payment"] == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("100", "The cash tendered (100.00) is less than the amount due (168.00)."),
        ("12.345", "'12.345' has more than 2 decimals."),
        ("abc", "'abc' is not an amount; type digits such as 128.50."),
        ("-200", "The amount cannot be negative."),
        ("", "Enter an amount."),
        ("1,234", "'1,234' is ambiguous: type it without thousands separators, e.g. 1234.50."),
    ],
)
def test_bad_tender_is_refused_on_the_spot(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, moments, typed: str, message: str
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, typed)
    assert tab.readback_dialog is None
    assert tab.form.error.text() == message
    assert Refused(message) in moments
    assert focused() is tab.form.tendered
    assert counts()["payment"] == 0


def test_a_wechat_payment_takes_a_reference(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClick(
        focused(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier
    )  # Ctrl+2: WeChat Pay
    assert tab.form.current_method() == "wechat" and focused() is tab.form.reference
    assert not tab.form.tendered.isVisible()
    type_here(qtbot, "4200001234567890")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert tab.readback_dialog.sentence.text() == "微信支付收您168.00元，请您核对"
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)
    p = Payment.get()
    assert (p.method, p.reference, p.amount_fen, p.change_fen) == (
        "wechat",
        "4200001234567890",
        168_00,
        0,
    )
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    tab.receipt_dialog.reject()
    choose(qtbot, fee_ctx, tab, fee_data.prepay.id)  # the next customer pays cash again
    assert tab.form.current_method() == "cash"
    qtbot.waitUntil(lambda: focused() is tab.form.tendered)


def test_ic_card_gas_bought_by_the_yuan_costs_exactly_the_yuan(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab
) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.ic.id)
    assert tab.form.current_mode() == "purchase" and focused() is tab.form.buy_amount
    type_here(qtbot, "100")
    qtbot.waitUntil(lambda: tab.quote is not None)
    assert tab.form.buy_volume.text() == "33.334"  # to the litre, at ¥3.00 a m³
    assert tab.due.due_label.text() == "To pay: ¥100.00 for 33.334 m³"
    assert focused() is tab.form.tendered
    type_here(qtbot, "100")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert tab.readback_dialog.sentence.text() == "购气33.334立方米，收您100.00元，正好，不用找零"
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)
    p = Payment.get()
    assert (p.kind, p.volume_l, p.amount_fen, p.tendered_fen, p.change_fen) == (
        "purchase",
        33_334,
        100_00,
        100_00,
        0,  # no fen handed back
    )


def test_ic_card_purchase_by_m3(qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.ic.id)
    qtbot.keyClicks(tab.form.buy_volume, "20")
    qtbot.keyClick(tab.form.buy_volume, ENTER)
    qtbot.waitUntil(lambda: tab.quote is not None)
    assert tab.form.buy_amount.text() == "60.00"
    assert tab.due.model.rowCount() == 1 and tab.due.model.index(0, 2).data() == "20.00"
    type_here(qtbot, "60")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 1)
    assert (Payment.get().volume_l, Payment.get().amount_fen) == (20_000, 60_00)


def test_prepay_goes_into_the_balance(qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.prepay.id)
    assert tab.due.due_label.text() == "Nothing is due"
    qtbot.keyClick(focused(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Alt+P: prepay
    assert tab.form.current_mode() == "prepay"
    assert focused() is tab.form.prepay_amount
    type_here(qtbot, "300")
    assert focused() is tab.form.tendered
    type_here(qtbot, "300")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: fee_ctx.customer.balance_fen == 300_00)
    assert Payment.get().kind == "prepay"


def pay_by_keyboard(qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    tab.receipt_dialog.reject()
    qtbot.waitUntil(lambda: tab.payments.model.rowCount() == 1)
    tab.payments.view.selectRow(0)
    qtbot.waitUntil(lambda: focused() is tab.form.tendered)  # the keyboard is back for the next one


def test_void_needs_a_supervisor(qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    pay_by_keyboard(qtbot, fee_ctx, fee_data, tab)
    events = heard(fee_ctx)
    tab.payments.view.setFocus()
    qtbot.keyClick(tab.payments.view, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: tab.payments.void_dialog is not None)
    dialog = tab.payments.void_dialog
    for badge, password, message in (
        (
            "MS01",
            "123456",
            "李娜 (MS01) is not a supervisor of this office; a supervisor must confirm this.",
        ),
        ("MS09", "wrong", "Badge number or password is wrong."),
        ("", "", "A supervisor must enter a badge number and password."),
    ):
        dialog.badge.setText(badge)
        dialog.password.setText(password)
        dialog.reason.setText("收款方式录错")
        dialog.reason.setFocus()
        qtbot.keyClick(dialog.reason, ENTER)
        qtbot.waitUntil(lambda m=message: dialog.error.text() == m)
        assert Payment.select().count() == 1 and Receipt.select().count() == 1
        assert dialog.password.text() == ""  # a refused password is not kept
        assert events[-1] == Refused(message)
    dialog.badge.clear()
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, ENTER)
    assert focused() is dialog.password
    qtbot.keyClicks(dialog.password, "123456")
    qtbot.keyClick(dialog.password, ENTER)
    assert focused() is dialog.reason
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: Payment.select().count() == 2)
    reversal = Payment.select().where(Payment.kind == "void").get()
    assert reversal.amount_fen == -168_00 and reversal.authorised_by_id == fee_data.supervisor.id
    # the void announces itself once: the fee tab, the shift and the records reload
    void_code = reversal.receipts.get().code
    qtbot.waitUntil(lambda: [e for e in events if isinstance(e, PaymentsChanged)] != [])
    assert [e for e in events if isinstance(e, PaymentsChanged)] == [
        VoidCommitted(void_code, reversal.id)
    ]
    qtbot.waitUntil(
        lambda: tab.receipt_dialog is not None and "冲正凭证" in pdf_text(tab.receipt_dialog.pdf)
    )
    qtbot.waitUntil(lambda: tab.payments.model.rowCount() == 2)
    assert "voided by" in tab.payments.model.index(1, 8).data()


def test_a_reprint_is_marked_and_logged(qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    pay_by_keyboard(qtbot, fee_ctx, fee_data, tab)
    for expected in ("Printed.", "Printed a copy marked 重印."):
        tab.payments.view.setFocus()
        qtbot.keyClick(tab.payments.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
        dialog = tab.receipt_dialog
        qtbot.keyClick(dialog, ENTER)
        qtbot.waitUntil(lambda d=dialog, e=expected: d.status.text() == e)
        dialog.reject()
        qtbot.waitUntil(lambda: tab.receipt_dialog is None and focused() is tab.form.tendered)
    assert [p.reprint for p in ReceiptPrint.select().order_by(ReceiptPrint.id)] == [False, True]
    assert AuditEvent.select().where(AuditEvent.kind == "receipt_reprint").count() == 1


def test_silent_printing_prints_when_the_receipt_opens(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    fee_ctx.settings.set(settings.SILENT_PRINTING, True)
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: ReceiptPrint.select().count() == 1)
    qtbot.waitUntil(lambda: any((tmp_path / "printed").glob("*.pdf")))


def test_item_models(qtmodeltester, fee_data: FeeData) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.services.billing import statement
    from gasdesk.services.payments import list_payments

    lines = DueLinesModel()
    lines.set_bills(statement(fee_data.house.id).bills)
    qtmodeltester.check(lines)
    assert lines.rowCount() == 2
    listing = PaymentsModel()
    listing.set_rows(list_payments(fee_data.ms.id, dt.date.today()))
    qtmodeltester.check(listing)


def test_a_receipt_that_cannot_be_made_does_not_undo_the_payment(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.printing.fonts import FontMissingError
    from gasdesk.services import receipts

    def no_font(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise FontMissingError("No Chinese font for printing was found.")

    monkeypatch.setattr(receipts, "receipt_pdf", no_font)
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    type_here(qtbot, "200")
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    code = f"MS-{YEAR}-000001"
    qtbot.waitUntil(lambda: code in tab.form.error.text())
    assert "could not be made" in tab.form.error.text()
    assert tab.readback_dialog is None and tab.receipt_dialog is None
    assert Payment.select().count() == 1 and Receipt.get().code == code
    monkeypatch.undo()  # the font is back: the receipt prints from today's list
    qtbot.waitUntil(lambda: tab.payments.model.rowCount() == 1)
    tab.payments.view.selectRow(0)
    tab.payments.reprint_selected()
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert code in pdf_text(tab.receipt_dialog.pdf)
