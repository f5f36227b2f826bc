"""The arrears list by age (欠费清单) and the fapiao requests (开票申请) as .xlsx, read
back with openpyxl; and `gasdesk ledger` writing them."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gasdesk.domain.fapiao import FapiaoBuyer
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.ledgers import age_band, minus_months
from gasdesk.services.ledger_arrears import arrears_list
from gasdesk.services.ledger_export import export_arrears, export_fapiao
from gasdesk.services.payments import collect_payment
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import Bill, Payment, PaymentBill
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url
D = dt.date


def test_ages_count_calendar_months() -> None:
    assert minus_months(D(2026, 5, 31), 3) == D(2026, 2, 28)
    assert minus_months(D(2026, 1, 15), 1) == D(2025, 12, 15)
    as_of = D(2026, 3, 10)
    assert age_band(D(2026, 3, 5), as_of) == "within_1"
    assert age_band(D(2026, 2, 10), as_of) == "within_1"  # exactly a month
    assert age_band(D(2026, 2, 9), as_of) == "from_1_to_3"
    assert age_band(D(2025, 12, 10), as_of) == "from_1_to_3"  # exactly three months
    assert age_band(D(2025, 12, 9), as_of) == "over_3"


def bill(d: FeeData, account, end: dt.date, fen: int, written: dt.date | None = None) -> Bill:  # type: ignore[no-untyped-def]
    """A bill as an import of the old system's bills writes it."""
    return Bill.create(
        account=account,
        meter=account.meters.get(),
        period_start=end - dt.timedelta(days=30),
        period_end=end,
        volume_l=fen * 10,
        amount_fen=fen,
        created_at=dt.datetime.combine(written or end, dt.time(20)),
    )


def settle(d: FeeData, bill_row: Bill, fen: int, day: dt.date) -> None:
    """A payment of the old system that settled part of a bill."""
    p = Payment.create(
        account=bill_row.account, office=d.ms, counter=d.counter, staff=d.teller,
        business_date=day, kind="bill", method="cash", amount_fen=fen, tendered_fen=fen,
        idempotency_key=str(uuid.uuid4()),
    )  # fmt: skip
    PaymentBill.create(payment=p, bill=bill_row, amount_fen=fen)


def test_the_arrears_list_sorts_unpaid_bills_by_age(fee_data: FeeData, tmp_path: Path) -> None:
    d = fee_data
    as_of = TODAY  # 10 March 2026
    bill(d, d.house, D(2026, 2, 10), 100_00)  # within a month
    bill(d, d.house, D(2026, 2, 9), 50_00)  # over a month
    part = bill(d, d.house, D(2025, 12, 10), 30_00)  # three months, 10.00 of it paid
    settle(d, part, 10_00, D(2026, 1, 5))
    old = bill(d, d.house, D(2025, 12, 9), 40_00)  # over three months
    settle(d, old, 40_00, D(2026, 3, 11))  # paid after the day: still owed on it
    paid = bill(d, d.house, D(2025, 11, 9), 25_00)
    settle(d, paid, 25_00, D(2025, 11, 20))
    bill(d, d.house, D(2026, 3, 5), 70_00, written=D(2026, 3, 11))  # written afterwards
    bill(d, d.prepay, D(2026, 3, 1), 12_34)

    owed = arrears_list(d.ms.id, as_of)
    assert [a.account_number for a in owed.lines] == ["31000001", "31000003"]  # by address
    house = owed.lines[0]
    assert (house.within_1_fen, house.from_1_to_3_fen, house.over_3_fen) == (100_00, 70_00, 40_00)
    assert (house.bills, house.oldest_period_end, house.total_fen) == (4, D(2025, 12, 9), 210_00)
    assert arrears_list(d.wc.id, as_of).lines == ()

    out = tmp_path / "arrears.xlsx"
    assert export_arrears(d.ms.id, as_of, out) == 2
    ws = load_workbook(out)["欠费清单"]
    row = {h.value: c for h, c in zip(ws[1], ws[2], strict=True)}
    assert row["户号"].value == "31000001" and row["户号"].data_type == "s"
    assert row["联系电话"].value == "13800000001" and row["联系电话"].number_format == "@"
    assert row["最早账期止"].is_date and row["最早账期止"].value.date() == D(2025, 12, 9)
    assert row["1个月以内(元)"].value == 100 and row["1至3个月(元)"].value == 70
    assert row["3个月以上(元)"].value == 40 and row["欠费合计(元)"].value == 210
    assert row["欠费合计(元)"].number_format == "0.00" and row["欠费笔数"].value == 4
    totals = {h.value: c.value for h, c in zip(ws[1], ws[4], strict=True)}
    assert totals["户号"] == "合计：2户" and totals["欠费合计(元)"] == pytest.approx(222.34)


BUYER = FapiaoBuyer("淄博绿周能源有限公司", "91110108551385082Q", "13805331234")


def test_the_fapiao_requests_list_per_payment_with_withdrawals(
    fee_data: FeeData, tmp_path: Path
) -> None:
    d = fee_data
    bill_paid = collect_payment(
        PaymentRequest(
            d.house.id, d.teller.id, d.counter.id, "bill", "cash", 168_00, "k-1", 200_00,
            fapiao=BUYER,
        ),
        today=TODAY,
    )  # fmt: skip
    person = FapiaoBuyer("陈静", "", "", "chenjing@example.cn")
    prepaid = collect_payment(
        PaymentRequest(
            d.prepay.id, d.teller.id, d.counter.id, "prepay", "cash", 50_00, "k-2", 50_00,
            fapiao=person,
        ),
        today=TODAY,
    )  # fmt: skip
    void = void_payment(
        payment_id=prepaid.payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="客户改为缴费",
        idempotency_key="k-void",
        today=TODAY,
    )
    out = tmp_path / "fapiao.xlsx"
    assert export_fapiao(d.ms.id, TODAY, TODAY, out) == 2
    assert export_fapiao(d.wc.id, TODAY, TODAY, tmp_path / "wc.xlsx") == 0
    ws = load_workbook(out)["开票申请"]
    rows = [{h.value: c for h, c in zip(ws[1], r, strict=True)} for r in ws.iter_rows(min_row=2)]
    first, second, totals = rows
    assert first["收据号"].value == bill_paid.code and first["收据号"].data_type == "s"
    assert first["纳税人识别号"].value == "91110108551385082Q"
    assert first["纳税人识别号"].number_format == "@"
    assert first["金额(元)"].value == 168 and first["金额(元)"].number_format == "0.00"
    assert first["营业日期"].is_date and first["营业日期"].value.date() == TODAY
    assert first["申请时间"].is_date
    assert (first["状态"].value, first["冲正收据号"].value) == ("待开具", None)
    assert (second["购买方名称"].value, second["电子邮箱"].value) == ("陈静", "chenjing@example.cn")
    assert (second["状态"].value, second["冲正收据号"].value) == ("已撤回", void.code)
    assert totals["营业日期"].value == "待开具合计：1张" and totals["金额(元)"].value == 168


def test_the_ledger_command_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gasdesk.cli_admin import run_ledger
    from gasdesk.storage.models import db

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # an English terminal

    data = fees_support.make_fee_db(tmp_path)
    db.close()
    common = ["--db", str(data.db_path), "--key", str(tmp_path / "audit.key")]
    out = tmp_path / "out.xlsx"
    assert (
        run_ledger([*common, "arrears", "--office", "ms", "--date", "2026-03-10", "-o", str(out)])
        == 0
    )
    assert "0 rows written" in capsys.readouterr().out
    assert load_workbook(out).sheetnames == ["欠费清单", "说明"]
    assert run_ledger([*common, "receivables", "--month", "2026-03", "-o", str(out)]) == 0
    assert load_workbook(out)["说明"]["B3"].value == "全部营业室"
    assert run_ledger([*common, "fapiao", "--office", "XX", "-o", str(out)]) == 1
    assert "XX" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run_ledger([*common, "receivables", "--month", "2026-13"])
