"""The day's ledger as .xlsx, read back with openpyxl: the transactions of the CSV
export with their types (amounts as numbers in yuan, '0.00'; dates as dates; account
and receipt numbers as text), the totals row, the shifts, the drawer counts and the
differences."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.services import day_export, drawer, reconcile, shift_close, shifts
from gasdesk.services.ledger_export import export_day
from gasdesk.storage.models import Account, Payment
from tests.dayend_support import DAY, Setup, pay, seed, void
from tests.helpers import TEST_FLOAT, count_out


@pytest.fixture
def setup(empty_database: Path) -> Setup:
    return seed()


def cells(ws, row: int) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [c for c in ws[row]]


def by_header(ws, row: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {h.value: c for h, c in zip(ws[1], ws[row], strict=True)}


def test_the_day_ledger_holds_the_transactions_with_their_types(
    setup: Setup, tmp_path: Path
) -> None:
    # an account name a spreadsheet would take for a formula stays text
    Account.update(name="=SUM(A1)").where(Account.id == setup.account_ids[1]).execute()
    shift = shifts.open_shift(setup.teller_id, setup.counter_ids[0], TEST_FLOAT, business_date=DAY)
    cash = pay(setup, method="cash", amount_fen=128_50, tendered_fen=200_00)
    pay(setup, method="wechat", amount_fen=66_00, reference="WX20261120001", account_index=1)
    wrong = pay(setup, method="cash", amount_fen=30_00, tendered_fen=50_00)
    void(setup, wrong.payment_id, reason="收错户号")
    shifts.pay_out(shift.id, setup.teller_id, 100_00, "存银行")
    expected = drawer.expected_totals(shift.id)
    # the drawer is ¥0.10 short; the terminal's WeChat total is right
    reconcile.record_blind_count(
        shift.id, setup.teller_id, count_out(expected["cash"] - 10), {"wechat": 66_00}
    )
    shift_close.record_difference(
        shift.id, setup.teller_id, "cash", "找零失误", "MS09", DEMO_PASSWORD
    )
    shift_close.close_shift(shift.id, setup.teller_id)

    out = tmp_path / "MS-day.xlsx"
    assert export_day(setup.office_id, DAY, out) == 4
    book = load_workbook(out)
    assert book.sheetnames == ["交易明细", "汇总", "班次", "清点", "长短款", "说明"]
    ws = book["交易明细"]
    csv_text, _ = day_export.day_csv(setup.office_id, DAY)
    csv_rows = list(csv.reader(io.StringIO(csv_text)))
    assert [c.value for c in ws[1]][:19] == csv_rows[0]  # the CSV's columns, then more
    assert ws.max_row == 1 + 4 + 1  # header, four transactions, totals
    first = by_header(ws, 2)
    assert first["营业日期"].is_date and first["营业日期"].value.date() == DAY
    assert first["营业日期"].number_format == "yyyy-mm-dd"
    assert (
        first["时间"].is_date
        and first["时间"].value == Payment.get_by_id(cash.payment_id).created_at
    )
    assert first["金额(元)"].data_type == "n" and first["金额(元)"].value == 128.5
    assert first["金额(元)"].number_format == "0.00"
    assert (first["实收(元)"].value, first["找零(元)"].value) == (200, 71.5)
    for name in ("户号", "收据号", "收费员工号"):
        assert first[name].data_type == "s" and first[name].number_format == "@"
    assert first["户号"].value == "10000001" and first["收据号"].value == cash.code
    assert (first["柜台"].value, first["班次"].value) == (1, shift.id)
    second = by_header(ws, 3)
    assert second["户名"].value == "=SUM(A1)" and second["户名"].data_type == "s"
    assert second["实收(元)"].value is None  # WeChat: nothing tendered at the counter
    voided = by_header(ws, 5)
    assert (voided["业务类型"].value, voided["金额(元)"].value) == ("冲正", -30)
    assert voided["冲正原收据"].value == wrong.code and voided["冲正原因"].value == "收错户号"
    # the CSV holds the same figures, row for row
    for r, row in enumerate(csv_rows[1:], start=2):
        assert f"{by_header(ws, r)['金额(元)'].value:.2f}" == row[12]
    totals = by_header(ws, 6)
    assert totals["营业日期"].value == "合计：3笔收款，1笔冲正"
    assert totals["金额(元)"].value == pytest.approx(128.50 + 66 + 30 - 30)
    assert totals["金额(元)"].font.bold and totals["金额(元)"].number_format == "0.00"
    assert (totals["实收(元)"].value, totals["找零(元)"].value) == (250, 91.5)

    summary = {r[0].value: [c.value for c in r] for r in book["汇总"].iter_rows(min_row=2)}
    assert summary["现金"] == ["现金", 2, 158.5, 30, 128.5]
    assert summary["合计"] == ["合计", 3, 224.5, 30, 194.5]

    ws = book["班次"]
    row = by_header(ws, 2)
    assert (row["收费员工号"].value, row["备用金(元)"].value, row["解出(元)"].value) == (
        "MS01",
        261.1,
        100,
    )
    assert row["开班时间"].is_date and row["结班时间"].is_date
    assert row["长短款(元)"].value == pytest.approx(-0.1)
    assert row["应有现金(元)"].value == pytest.approx(expected["cash"] / 100)

    counts = [[c.value for c in r] for r in book["清点"].iter_rows(min_row=2)]
    assert [r[4] for r in counts] == ["开班备用金", "结班盲点"]
    assert counts[1][6] == pytest.approx((expected["cash"] - 10) / 100)
    assert counts[1][7] == 66  # the WeChat total read off the terminal

    ws = book["长短款"]
    difference = by_header(ws, 2)
    assert (difference["支付方式"].value, difference["长短款(元)"].value) == ("现金", -0.1)
    assert (difference["原因"].value, difference["审批主管"].value) == ("找零失误", "MS09")
    info = {r[0].value: r[1].value for r in book["说明"].iter_rows(min_row=2)}
    assert info["营业日期"] == DAY.isoformat() and info["日结状态"].startswith("未日结")


def test_an_export_never_writes_over_the_database(setup: Setup, empty_database: Path) -> None:
    from gasdesk.exchange.xlsx import ExportError

    before = empty_database.read_bytes()
    with pytest.raises(ExportError):
        export_day(setup.office_id, DAY, empty_database)
    assert empty_database.read_bytes() == before


def test_a_day_without_transactions_still_opens(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert export_day(setup.office_id, dt.date(2026, 1, 2), out) == 0
    ws = load_workbook(out)["交易明细"]
    assert ws.max_row == 2 and ws.cell(row=2, column=13).value == 0
