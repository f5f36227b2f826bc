"""IC-card purchases on the fee tab with the simulated card reader, driven by keys as
a teller does: the card written after payment; a write that fails leaves the
purchase paid and not written (red on the fee tab and in the customer bar) until
Alt+W writes it with no second charge; a wrong card refused before any money is
taken; Alt+K makes a new card (fee, read-back, receipt) and blocks the old one."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.domain.cards import CardImage
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import Payment, Receipt
from gasdesk.storage.models_cards import CardPurchase, CardWrite, IcCard
from gasdesk.ui.customer_bar import CustomerBar
from gasdesk.ui.fees.models import NOT_WRITTEN
from gasdesk.ui.fees.tab import FeesTab
from tests import fees_support
from tests.fees_support import IC_CARD, IC_METER, NOTHING, FeeData, added, card_reader, counts

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
tab = fees_support.fee_tab

ENTER = Qt.Key.Key_Return
ALT = Qt.KeyboardModifier.AltModifier


def focused():  # type: ignore[no-untyped-def]
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key where the keyboard is (once a closed dialog has handed it back)."""
    qtbot.waitUntil(lambda: focused() is not None)
    qtbot.keyClick(focused(), key, modifier)


def type_here(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), ENTER)


def choose_ic(qtbot, ctx, tab: FeesTab, d: FeeData) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ctx.set_customer(get_account(d.ic.id))
    qtbot.waitUntil(lambda: tab.statement is not None and tab.statement.account.id == d.ic.id)
    qtbot.waitUntil(lambda: tab.card_panel.state is not None)
    assert tab.card_panel.isVisible() and focused() is tab.form.buy_amount
    return counts()


def buy_100_yuan(qtbot, tab: FeesTab) -> None:  # type: ignore[no-untyped-def]
    """100 yuan of gas, cash, exactly: up to the read-back."""
    qtbot.waitUntil(lambda: focused() is tab.form.buy_amount)
    type_here(qtbot, "100")
    qtbot.waitUntil(lambda: tab.quote is not None)
    type_here(qtbot, "100")


def pdf_text(data: bytes) -> str:
    return "".join(
        "".join(p.get_textpage().get_text_range().split()) for p in pdfium.PdfDocument(data)
    )


def test_an_ic_card_purchase_is_written_onto_the_card(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    reader = card_reader(tmp_path)
    choose_ic(qtbot, fee_ctx, tab, fee_data)
    assert tab.card_panel.title.text().startswith(f"IC card {IC_CARD} · meter {IC_METER}")
    buy_100_yuan(qtbot, tab)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    dialog = tab.readback_dialog
    assert dialog.note.text() == f"Writes 33.334 m³ onto IC card {IC_CARD} (purchase 1)."
    qtbot.keyClick(dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert reader.read() == CardImage(IC_CARD, IC_METER, 1, 33_334)  # the gas is on the card
    write = CardWrite.get()
    assert (write.how, write.purchase.payment_id) == ("written", Payment.get().id)
    assert tab.card_panel.status.text() == f"Written: 33.334 m³ onto card {IC_CARD} (purchase 1)."
    text = pdf_text(tab.receipt_dialog.pdf)
    assert "写卡气量33.334m³" in text and f"IC卡号{IC_CARD}" in text and "购气次数第1次" in text
    tab.receipt_dialog.reject()
    qtbot.waitUntil(lambda: tab.card_panel.state is not None and tab.card_panel.state.last_seq == 1)
    assert not tab.card_panel.owed.isVisible()


def test_a_failed_write_then_alt_w_writes_it_without_a_second_charge(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    reader = card_reader(tmp_path)
    bar = CustomerBar(fee_ctx)  # the main window's customer bar (not shown: keys stay here)
    qtbot.addWidget(bar)
    before = choose_ic(qtbot, fee_ctx, tab, fee_data)
    reader.fail("write", "pulled_out")  # the customer pulls the card out while it is written
    buy_100_yuan(qtbot, tab)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    assert added(before)["payment"] == 1 and added(before)["receipt"] == 1
    assert reader.read() == CardImage(IC_CARD, IC_METER, 0, 0)  # nothing reached the card
    assert tab.card_panel.status.text().startswith("NOT written: The card was taken out")
    tab.receipt_dialog.reject()
    # red on the fee tab: the card panel and today's list; and in the customer bar
    qtbot.waitUntil(lambda: tab.card_panel.owed.isVisible())
    code = Receipt.get().code
    assert tab.card_panel.owed.text().startswith(f"Paid, NOT written to the card: receipt {code}")
    assert "color: #b00020" in tab.card_panel.owed.styleSheet()
    model = tab.payments.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and "NOT written" in model.index(0, 8).data())
    assert model.index(0, 8).data(Qt.ItemDataRole.ForegroundRole) == NOT_WRITTEN
    qtbot.waitUntil(lambda: bar.card_warning.isVisibleTo(bar))
    assert code in bar.card_warning.text() and "NOT written" in bar.card_warning.text()

    press(qtbot, Qt.Key.Key_W, ALT)  # 补写卡
    qtbot.waitUntil(lambda: not tab.card_panel.owed.isVisible())
    assert tab.card_panel.status.text() == f"Written: 33.334 m³ onto card {IC_CARD} (purchase 1)."
    assert reader.read() == CardImage(IC_CARD, IC_METER, 1, 33_334)
    assert added(before)["payment"] == 1 and added(before)["receipt"] == 1  # one of each
    assert Payment.select().count() == 1 and Receipt.select().count() == 1
    qtbot.waitUntil(lambda: not bar.card_warning.isVisibleTo(bar))
    qtbot.waitUntil(lambda: "NOT written" not in (model.index(0, 8).data() or ""))


def test_a_wrong_card_is_refused_before_any_money_is_taken(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    reader = card_reader(tmp_path)
    reader.make_card(CardImage("IC999901", "IC-9999", 7, 0))  # a neighbour's card
    reader.place("IC999901")
    before = choose_ic(qtbot, fee_ctx, tab, fee_data)
    buy_100_yuan(qtbot, tab)
    qtbot.waitUntil(lambda: "IC999901" in tab.form.error.text())
    assert tab.form.error.text() == (
        "Card IC999901 (meter IC-9999) is not the card of this account's meter IC-2002; "
        "nothing was charged."
    )
    assert tab.readback_dialog is None and added(before) == NOTHING
    assert reader.card("IC999901") == CardImage("IC999901", "IC-9999", 7, 0)
    reader.place(IC_CARD)  # the customer's own card: the same Enter goes on
    press(qtbot, ENTER)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, Qt.Key.Key_Escape)


def test_a_new_card_blocks_the_old_one(
    qtbot, fee_ctx, fee_data: FeeData, tab: FeesTab, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    reader = card_reader(tmp_path)
    before = choose_ic(qtbot, fee_ctx, tab, fee_data)
    press(qtbot, Qt.Key.Key_K, ALT)  # 补卡
    qtbot.waitUntil(lambda: tab.new_card.dialog is not None)
    dialog = tab.new_card.dialog
    assert (
        f"Card {IC_CARD} will be blocked"
        in dialog.findChild(type(dialog.status), "newCardFacts").text()
    )
    qtbot.keyClicks(dialog.tendered, "20")
    qtbot.keyClick(dialog.tendered, ENTER)  # the customer's old card is no blank card
    qtbot.waitUntil(lambda: "not a blank card" in dialog.status.text())
    assert added(before) == NOTHING
    reader.place_blank()
    qtbot.keyClick(dialog.tendered, ENTER)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert tab.readback_dialog.sentence.text() == "补卡工本费，收您20.00元，正好，不用找零"
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    new = IcCard.get(IcCard.replaces.is_null(False))
    assert (new.number, new.replaces.number) == ("IC-200202", IC_CARD)
    fee = Payment.get()
    assert (fee.kind, fee.amount_fen, new.payment_id) == ("card_fee", 20_00, fee.id)
    assert reader.read() == CardImage("IC-200202", IC_METER, 0, 0)  # made from the blank
    text = pdf_text(tab.receipt_dialog.pdf)
    assert "补卡收据" in text and "新卡号IC-200202" in text and f"挂失旧卡{IC_CARD}" in text
    tab.receipt_dialog.reject()
    qtbot.waitUntil(lambda: bool(tab.card_panel.state and tab.card_panel.state.blocked))

    # the old card, found again, buys nothing
    reader.place(IC_CARD)
    before = counts()
    buy_100_yuan(qtbot, tab)
    qtbot.waitUntil(lambda: "is blocked" in tab.form.error.text())
    assert tab.form.error.text() == (
        f"Card {IC_CARD} was replaced by card IC-200202 and is blocked; no gas is sold onto it."
    )
    assert added(before) == NOTHING and tab.readback_dialog is None
    assert CardPurchase.select().count() == 0
