"""The phrase panel and the customer display follow what really happens at the counter:
Esc at the read-back takes its amounts off both screens, the work done after a
refusal ends the apology, and a submitted form is the visit's subject and asks the
customer for a rating. Everything is driven with keys and clicks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.services import shifts
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import FormRecord, Payment
from gasdesk.storage.models_service import Rating, ServiceVisit
from gasdesk.ui.customer_display import AMOUNTS, WELCOME, CustomerDisplay
from gasdesk.ui.fees.tab import FeesTab
from gasdesk.ui.phrase_panel import PhrasePanel
from tests import fees_support
from tests.fees_support import FeeData
from tests.helpers import settle, type_text

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
ENTER = Qt.Key.Key_Return
AMOUNT = re.compile(r"\d+\.\d{2}")


@pytest.fixture
def counter(
    fee_ctx, fee_data: FeeData, qtbot
) -> Iterator[tuple[FeesTab, PhrasePanel, CustomerDisplay]]:  # type: ignore[no-untyped-def]
    """The fee tab, the phrase panel and the customer display of one counter, the
    teller's shift open (cash belongs to a shift)."""
    shifts.open_shift(fee_data.teller.id, fee_data.counter.id, {10000: 2})
    panel = PhrasePanel(fee_ctx)
    qtbot.addWidget(panel)
    panel.show()
    display = panel.open_display()
    tab = FeesTab(fee_ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    yield tab, panel, display
    settle(qtbot, fee_ctx.worker)  # the display goes with the panel


def choose(qtbot, ctx, tab: FeesTab, account_id: int) -> None:  # type: ignore[no-untyped-def]
    ctx.set_customer(get_account(account_id))
    qtbot.waitUntil(lambda: tab.statement is not None and tab.statement.account.id == account_id)


def amounts_on(display: CustomerDisplay) -> list[str]:
    return [
        display.figures[k].text()
        for k in ("due", "received", "change")
        if display.figures[k].isVisibleTo(display)
    ]


def test_esc_at_the_read_back_takes_the_amounts_off_both_screens(  # type: ignore[no-untyped-def]
    qtbot, fee_ctx, fee_data: FeeData, counter
) -> None:
    tab, panel, display = counter
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    greeting = panel.say.text()
    qtbot.keyClicks(tab.form.tendered, "200")
    qtbot.keyClick(tab.form.tendered, ENTER)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    # the read-back: the same amounts on the teller's panel and the customer's screen
    assert AMOUNT.findall(panel.say.text()) == ["168.00", "200.00", "32.00"]
    assert display.stack.currentIndex() == AMOUNTS
    assert amounts_on(display) == ["¥168.00", "¥200.00", "¥32.00"]

    qtbot.keyClick(tab.readback_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.readback_dialog is None)
    assert Payment.select().count() == 0
    # nothing was recorded: no amount is left on either screen
    assert display.stack.currentIndex() == WELCOME and amounts_on(display) == []
    assert panel.say.text() == greeting and not AMOUNT.findall(panel.say.text())
    model = panel.model
    rows = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert not any(AMOUNT.search(str(text)) for text in rows), rows
    assert "readback" not in panel.model.highlighted

    # the teller types another amount: the new read-back shows it, and it is recorded
    tab.form.tendered.clear()
    qtbot.keyClicks(tab.form.tendered, "168")
    qtbot.keyClick(tab.form.tendered, ENTER)
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    assert amounts_on(display) == ["¥168.00", "¥168.00", "¥0.00"]
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: display.receipt_label.isVisibleTo(display))
    assert amounts_on(display) == ["¥168.00", "¥168.00", "¥0.00"]
    assert display.receipt_label.text() == Payment.get().receipts.get().code


def test_a_void_ends_the_apology_for_its_missing_reason(  # type: ignore[no-untyped-def]
    qtbot, fee_ctx, fee_data: FeeData, counter
) -> None:
    tab, panel, display = counter
    choose(qtbot, fee_ctx, tab, fee_data.house.id)
    qtbot.keyClick(tab.form.tendered, Qt.Key.Key_Plus)  # the exact amount
    qtbot.waitUntil(lambda: tab.readback_dialog is not None)
    qtbot.keyClick(tab.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: tab.receipt_dialog is not None)
    qtbot.keyClick(tab.receipt_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.payments.model.rowCount() == 1)

    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.payments.view.setFocus()
    tab.payments.view.selectRow(0)
    qtbot.keyClick(tab.payments.view, Qt.Key.Key_F9)
    dialog = tab.payments.void_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, ENTER)
    qtbot.keyClicks(dialog.password, fees_support.PASSWORD)
    qtbot.keyClick(dialog.password, ENTER)
    qtbot.keyClick(dialog.reason, ENTER)  # no reason
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert panel.current is not None and panel.current.moment == "refusal"
    assert panel.note.isVisibleTo(panel) and "reason" in panel.note.text()

    type_text(qtbot, dialog.reason, "金额输错")
    qtbot.keyClick(dialog.reason, ENTER)
    qtbot.waitUntil(lambda: Payment.select().where(Payment.kind == "void").count() == 1)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # the void is done: the apology and the request for a reason are over
    assert panel.current is not None and panel.current.moment != "refusal"
    assert not panel.note.isVisibleTo(panel) and panel.note.text() == ""
    void_code = Payment.get(Payment.kind == "void").receipts.get().code
    assert display.receipt_label.text() == void_code
    assert amounts_on(display) == []  # the payment's amounts are not the void's


def test_the_drawers_work_done_ends_the_apology(  # type: ignore[no-untyped-def]
    qtbot, fee_ctx, counter
) -> None:
    from gasdesk.ui.dayend.shift_panel import ShiftPanel

    _tab, panel, _display = counter
    shift = ShiftPanel(fee_ctx)
    qtbot.addWidget(shift)
    shift.show()
    shift.refresh()
    qtbot.waitUntil(lambda: shift.status is not None)
    before = panel.say.text()
    qtbot.mouseClick(shift.pay_out_button, Qt.MouseButton.LeftButton)  # no amount
    assert panel.current is not None and panel.current.moment == "refusal"
    assert panel.note.isVisibleTo(panel)
    qtbot.keyClicks(shift.move_amount, "50")
    type_text(qtbot, shift.move_reason, "零钱兑换")
    qtbot.mouseClick(shift.pay_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shift.movements.count() == 1)
    assert panel.say.text() == before and not panel.note.isVisibleTo(panel)


def test_a_reading_recorded_after_a_refusal_thanks_the_customer(  # type: ignore[no-untyped-def]
    qtbot, fee_ctx, fee_data: FeeData, counter
) -> None:
    from gasdesk.ui.records.reading_form import ReadingReportForm

    _tab, panel, display = counter
    fee_ctx.set_customer(get_account(fee_data.house.id))
    form = ReadingReportForm(fee_ctx)
    qtbot.addWidget(form)
    form.today = dt.date(2026, 4, 5)
    form.set_account(fee_data.house.id)
    form.show()
    qtbot.keyClicks(form.value, "100")  # below the last reading, 156 m³
    qtbot.keyClick(form.value, ENTER)
    qtbot.waitUntil(lambda: bool(form.message.text()))
    assert panel.current is not None and panel.current.moment == "refusal"
    assert panel.note.isVisibleTo(panel)
    form.value.clear()
    qtbot.keyClicks(form.value, "170")
    qtbot.keyClick(form.value, ENTER)
    qtbot.waitUntil(lambda: "170" in form.message.text())
    assert panel.current is not None and panel.current.moment == "committed"
    assert not panel.note.isVisibleTo(panel)
    assert display.tracker.rating_open


# --- a form visit ---------------------------------------------------------------------


@pytest.fixture
def form_counter(qtbot, tmp_path: Path) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from gasdesk.ui.tabs.forms_tab import FormsTab
    from tests.forms_support import close, make_ctx, seed

    world = seed(tmp_path)
    ctx = make_ctx(world, tmp_path)
    ctx.extras["clock"] = lambda: dt.datetime.now().replace(microsecond=0)
    panel = PhrasePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    display = panel.open_display()
    tab = FormsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitExposed(tab)
    yield world, ctx, tab, panel, display
    settle(qtbot, ctx.worker)
    ctx.worker.shutdown()
    close()


def test_a_submitted_form_is_the_visits_subject_and_asks_for_a_rating(  # type: ignore[no-untyped-def]
    qtbot, form_counter
) -> None:
    from gasdesk.ui.form_widgets import ChoiceField, LongTextField

    world, ctx, tab, panel, display = form_counter
    ctx.set_customer(get_account(world.account_id))
    settle(qtbot, ctx.worker)
    assert not display.tracker.rating_open  # nothing done yet: nothing to rate
    view = tab.entry.select_kind("consultation")
    topic = view.fields["topic"]
    assert isinstance(topic, ChoiceField)
    topic.combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClick(topic.combo, Qt.Key.Key_Down)
    question = view.fields["question"]
    assert isinstance(question, LongTextField)
    type_text(qtbot, question.text, "阶梯气价第二档从多少方开始？")
    qtbot.keyClick(question.text, ENTER, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: FormRecord.select().count() == 1)
    form = FormRecord.get()
    settle(qtbot, ctx.worker)

    # thanks on the panel, the form's number for the customer, the rating open
    assert panel.current is not None and panel.current.moment == "committed"
    assert display.receipt_label.text() == form.number
    assert display.tracker.rating_open
    assert ServiceVisit.get().form_id == form.id
    qtbot.mouseClick(display.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Rating.select().count() == 1)
    assert (Rating.get().score, Rating.get().form_id) == ("satisfied", form.id)
