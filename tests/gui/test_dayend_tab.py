"""A teller's day at the End of day tab, driven with keys and clicks: open a shift
with a float, take payments (cash and non-cash, one voided), pay out, count blind,
record a short with a supervisor, close the shift, close the day, and find that the
closed day refuses a void."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.events import (
    CashMoved,
    DayClosed,
    DifferenceRecorded,
    DrawerChanged,
    DrawerCounted,
    ShiftClosed,
    ShiftOpened,
    VoidCommitted,
)
from gasdesk.domain.text import UserError
from gasdesk.services import auth
from gasdesk.settings import open_settings
from gasdesk.storage.models import Payment, Shift
from gasdesk.storage.models_dayend import CashCount, CashMovement, DayClosure, ShiftDifference
from gasdesk.storage.models_days import BusinessDay
from gasdesk.ui.context import AppContext
from gasdesk.ui.tabs.dayend_tab import DayEndTab
from tests.dayend_support import Setup, pay, seed, void
from tests.helpers import heard, type_text, wait_idle


@pytest.fixture
def setup(empty_database: Path) -> Setup:
    return seed()


@pytest.fixture
def tab(setup: Setup, qtbot, worker):  # type: ignore[no-untyped-def]
    session = auth.login("MS01", DEMO_PASSWORD, setup.counter_ids[0])
    ctx = AppContext(session=session, worker=worker, settings=open_settings())
    widget = DayEndTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitActive(widget):
        widget.activateWindow()
    wait_idle(qtbot, worker)
    return widget


def type_count(qtbot, form, counts: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Type each denomination's count and press Enter to move to the next one."""
    form.focus_first()
    for value, field in form.fields.items():
        assert field.hasFocus() or QApplication.focusWidget() is field
        if counts.get(value):
            qtbot.keyClicks(field, str(counts[value]))
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_whole_day_at_the_counter(qtbot, tab, setup: Setup, worker) -> None:  # type: ignore[no-untyped-def]
    panel = tab.shift_panel
    today = dt.date.today()
    drawer, days = heard(tab.ctx, DrawerChanged), heard(tab.ctx, DayClosed)
    assert "No open shift" in panel.status_line.text() or "班" in panel.status_line.text()

    # opening float: 2 × 100 + 5 × 10 + 20 × 1 = 270.00; the total follows the typing
    field = panel.float_form.fields[10000]
    qtbot.keyClicks(field, "-1.5")  # neither a sign nor a decimal gets in
    assert field.text() == "15"
    field.clear()
    type_count(qtbot, panel.float_form, {10000: 2, 1000: 5, 100: 20})
    assert "270.00" in panel.float_form.total.text()
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is not None)
    shift = Shift.get()
    assert (shift.opening_float_fen, shift.business_date, shift.closed_at) == (27000, today, None)

    # payments through fee collection: they land in this shift
    pay(setup, method="cash", amount_fen=12850, tendered_fen=20000, day=today)
    pay(setup, method="wechat", amount_fen=6600, reference="WX20261120", day=today)
    wrong = pay(setup, method="cash", amount_fen=3000, tendered_fen=5000, day=today)
    voided = void(setup, wrong.payment_id, reason="收错户号", day=today)
    assert Payment.select().where(Payment.shift == shift.id).count() == 4
    # the fee tab announces its void: the shift on screen follows
    tab.ctx.events.publish(VoidCommitted.of(voided))
    qtbot.waitUntil(lambda: panel.status is not None and panel.status.payments == 3)

    # pay out to the bank, with a reason
    qtbot.keyClicks(panel.move_amount, "100")
    qtbot.keyClick(panel.move_amount, Qt.Key.Key_Return)
    assert panel.move_reason.hasFocus()
    type_text(qtbot, panel.move_reason, "银行存款")
    qtbot.mouseClick(panel.pay_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.movements.count() == 1)
    assert CashMovement.get().amount_fen == 10000

    # blind count: nothing expected is on screen before the count is recorded
    assert panel.count_box.isVisible() and not panel.result_box.isVisible()
    assert "298.50" not in panel.status_line.text()
    # expected 270 + 128.50 - 100 = 298.50; counted 297.50: a short of 1.00
    type_count(qtbot, panel.count_form, {10000: 2, 1000: 9, 500: 1, 100: 2, 50: 1})
    assert "297.50" in panel.count_form.total.text()
    assert panel.terminal["wechat"].hasFocus()
    qtbot.keyClicks(panel.terminal["wechat"], "66")
    qtbot.keyClick(panel.terminal["wechat"], Qt.Key.Key_Return)
    qtbot.keyClick(panel.terminal["alipay"], Qt.Key.Key_Return)
    qtbot.keyClick(panel.terminal["card"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.result_box.isVisible())
    assert CashCount.select().where(CashCount.purpose == "close").count() == 1
    model = panel.model
    cash = model.line(0)
    assert (cash.method, cash.expected_fen, cash.counted_fen) == ("cash", 29850, 29750)
    assert model.data(model.index(0, 4)).endswith("1.00")
    assert model.line(1).difference_fen == 0  # WeChat Pay even
    assert not panel.close_button.isEnabled()

    # the short, with the teller's reason; a wrong password first
    qtbot.mouseClick(panel.difference_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    type_text(qtbot, dialog.reason, "找零多付一元")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, "wrong")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert ShiftDifference.select().count() == 0 and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ShiftDifference.select().count() == 1)
    d = ShiftDifference.get()
    assert (d.difference_fen, d.reason, d.approved_by.badge) == (-100, "找零多付一元", "MS09")
    qtbot.waitUntil(lambda: panel.close_button.isEnabled())

    # close the shift
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is None)
    assert Shift.get_by_id(shift.id).closed_at is not None
    # each piece of the drawer's work announced itself (the fee tab's drawer banner and
    # the day's figures follow it; an apology for an earlier refusal ends)
    assert drawer == [
        ShiftOpened(shift.id),
        CashMoved(shift.id, "out", 100_00),
        DrawerCounted(shift.id),
        DifferenceRecorded(shift.id, "cash"),
        ShiftClosed(shift.id),
    ]

    # close the day (Ctrl+2), supervisor again; the offscreen platform does not hand
    # activation back to the window when the supervisor's dialog closes, as a desktop does
    with qtbot.waitActive(tab):
        tab.activateWindow()
    qtbot.keyClick(tab, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    day = tab.day_panel
    assert tab.pages.currentWidget() is day
    wait_idle(qtbot, worker)
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    assert day.dialog is not None
    qtbot.keyClicks(day.dialog.badge, "MS09")
    qtbot.keyClick(day.dialog.badge, Qt.Key.Key_Return)
    qtbot.keyClicks(day.dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(day.dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: DayClosure.select().count() == 1)
    assert BusinessDay.get().closed_at is not None
    qtbot.waitUntil(lambda: days == [DayClosed(today)])
    qtbot.waitUntil(lambda: not day.close_button.isEnabled())
    assert "MS09" in day.summary.text()

    # the closed day refuses a void (and a payment)
    kept = Payment.select().count()
    first_cash = Payment.select().where(Payment.method == "cash").order_by(Payment.id).first()
    with pytest.raises(UserError, match="closed"):
        void(setup, first_cash.id, reason="客户要求退款", day=today)
    with pytest.raises(UserError, match="closed"):
        pay(setup, method="cash", amount_fen=100, tendered_fen=100, day=today)
    assert Payment.select().count() == kept


def test_closing_the_day_with_an_open_shift_is_refused_on_screen(qtbot, tab, worker) -> None:  # type: ignore[no-untyped-def]
    panel = tab.shift_panel
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)  # an empty float is allowed
    qtbot.waitUntil(lambda: panel.status is not None)
    tab.pages.setCurrentIndex(1)
    day = tab.day_panel
    wait_idle(qtbot, worker)
    assert "still open" in day.summary.text() or day.day_status.open_shifts
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    dialog = day.dialog
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "MS01" in dialog.error.text()
    assert DayClosure.select().count() == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_report_preview_export_and_kpi_view(
    qtbot, tab, setup: Setup, worker, tmp_path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    panel = tab.shift_panel
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is not None)
    pay(setup, method="alipay", amount_fen=4000, reference="ALI20261120", day=today)
    tab.pages.setCurrentIndex(1)
    day = tab.day_panel
    wait_idle(qtbot, worker)
    qtbot.mouseClick(day.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: day.preview is not None and day.preview.isVisible())
    assert day.preview.page_count() == 1
    qtbot.keyClick(day.preview, Qt.Key.Key_Escape)
    out = tmp_path / "day.csv"
    day.export_to(out)
    qtbot.waitUntil(lambda: out.exists())
    text = out.read_bytes().decode("utf-8-sig")
    assert "支付宝" in text and "40.00" in text and "ALI20261120" in text
    wait_idle(qtbot, worker)
    assert day.message.text().startswith("1 ")  # one transaction exported

    with qtbot.waitActive(tab):  # back from the preview window
        tab.activateWindow()
    qtbot.keyClick(tab, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    kpi = tab.kpi_panel
    qtbot.waitUntil(lambda: kpi.report is not None)
    qtmodeltester.check(kpi.model)
    assert kpi.model.rowCount() == 3  # the office and its two tellers
    assert kpi.model.text(0, 0) == "萌水营业室"
    assert kpi.model.text(0, 5) in ("no data", "无数据")  # nobody rated anyone: no figure
    qtmodeltester.check(panel.model)


def test_the_ledger_export_button_writes_the_chosen_xlsx(
    qtbot, tab, setup: Setup, worker, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    today = dt.date.today()
    panel = tab.shift_panel
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is not None)
    paid = pay(setup, method="cash", amount_fen=12850, tendered_fen=20000, day=today)
    qtbot.keyClick(tab, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    day = tab.day_panel
    wait_idle(qtbot, worker)
    ledgers = day.ledgers
    assert ledgers.kind.currentData() == "day"
    qtbot.mouseClick(ledgers.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ledgers.file_dialog is not None and ledgers.file_dialog.isVisible())
    dialog = ledgers.file_dialog
    assert dialog.selectedFiles()[0].endswith(f"MS-交易明细-{today.isoformat()}.xlsx")
    out = tmp_path / "day.xlsx"
    dialog.selectFile(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: out.exists() and ledgers.button.isEnabled())
    assert day.message.text().startswith("The day's transactions: 1 rows exported")
    row = load_workbook(out)["交易明细"][2]
    assert (row[7].value, row[12].value) == (paid.code, 128.5)

    # the month's receivables ledger, chosen with the keyboard
    ledgers.kind.setFocus()
    qtbot.keyClick(ledgers.kind, Qt.Key.Key_Down)
    assert ledgers.kind.currentData() == "receivables"
    qtbot.mouseClick(ledgers.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ledgers.file_dialog is not dialog and ledgers.file_dialog.isVisible())
    month_file = tmp_path / "month.xlsx"
    ledgers.file_dialog.selectFile(str(month_file))
    ledgers.file_dialog.accept()
    qtbot.waitUntil(lambda: month_file.exists() and ledgers.button.isEnabled())
    book = load_workbook(month_file)
    assert book.sheetnames[0] == "应收台账"
    tie = {r[0].value: r[1].value for r in book["与日报核对"].iter_rows(min_row=2)}
    assert tie["加：预存"] == 128.5  # the prepayment of the day, in the month's figures
