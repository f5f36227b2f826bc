"""Importing a reading round: each reading checked as the counter checks one (to the
litre, not below the meter's previous reading, a meter in service on an open
account), the database never overwritten, the same file twice changing nothing; and
the bills a round makes are those the counter collects, to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.import_columns import READINGS
from gasdesk.domain.imports import SAME_ROW, ImportOptions, ImportReport, RoundSummary
from gasdesk.domain.readings import REFUSALS, ReadingProblem
from gasdesk.services import billing, users
from gasdesk.services import import_readings as ir
from gasdesk.services.imports import import_file
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Account, Bill, Counter, ImportBatch, Meter, Office, Reading
from tests.helpers import open_test_shift
from tests.import_support import (
    ACCOUNT_HEADER,
    READING_HEADER,
    account_rows,
    reading_rows,
    set_up,
    table_dump,
    write_csv,
    write_xlsx,
)
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

TODAY = dt.date(2026, 11, 20)
METERS = [f"39390000{i:02d}" for i in range(1, 11)]


def run(kind: str, path: Path, **options: object) -> ImportReport:
    opts = ImportOptions(**{"imported_by": "test", "today": TODAY, **options})  # type: ignore[arg-type]
    return import_file(kind, path, opts)


@pytest.fixture
def customers(backend_database, tmp_path: Path):  # type: ignore[no-untyped-def]  # noqa: F811
    """Ten customers whose meters were installed on 2026-01-05 reading 0."""
    set_up()
    report = run("accounts", write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, account_rows(10)))
    assert report.new == 10
    return backend_database


def readings(tmp_path: Path, name: str, rows: list[list[str]], encoding: str = "gbk") -> Path:
    return write_csv(tmp_path / name, READING_HEADER, rows, encoding)


def test_a_round_is_recorded_with_its_source_and_reader(customers, tmp_path: Path) -> None:
    rows = reading_rows(METERS[:3], "2026年2月5日", ["12.5", "１３.２５０", " 14 "])
    rows[2][3] = "远传"
    report = run(READINGS, readings(tmp_path, "2月抄表.csv", rows))
    assert (report.new, report.unchanged, report.refusals, report.written) == (3, 0, (), True)
    got = [
        (r.meter.number, r.read_on, r.value_l, r.source, r.read_by, r.import_batch_id)
        for r in Reading.select().order_by(Reading.meter)
    ]
    assert got == [
        (METERS[0], dt.date(2026, 2, 5), 12500, "reader", "王师傅", report.batch_id),
        (METERS[1], dt.date(2026, 2, 5), 13250, "reader", "王师傅", report.batch_id),
        (METERS[2], dt.date(2026, 2, 5), 14000, "remote", "王师傅", report.batch_id),
    ]
    assert ImportBatch.get_by_id(report.batch_id).kind == READINGS
    assert audit_verify.verify().ok


def test_each_refusal(customers, tmp_path: Path) -> None:
    run(READINGS, readings(tmp_path, "jan.csv", reading_rows(METERS[:4], "2026-02-05", ["20"] * 4)))
    Meter.update(removed_on=dt.date(2026, 3, 1)).where(Meter.number == METERS[4]).execute()
    Account.update(status="closed").where(
        Account.id == Meter.get(Meter.number == METERS[5]).account_id
    ).execute()
    rows = [
        [METERS[0], "2026-03-05", "19.999", "抄表员", ""],  # below February's 20
        ["3939009999", "2026-03-05", "30", "抄表员", ""],  # no such meter
        [METERS[4], "2026-03-05", "30", "抄表员", ""],  # removed
        [METERS[5], "2026-03-05", "30", "抄表员", ""],  # closed account
        [METERS[6], "2025-12-31", "30", "抄表员", ""],  # before the installation
        [METERS[6], "2026-12-01", "30", "抄表员", ""],  # after today
        [METERS[1], "2026-02-05", "21", "抄表员", ""],  # the database has 20 that day
        [METERS[2], "2026-03-05", "25.1234", "抄表员", ""],  # a fourth decimal
        [METERS[2], "2026-03-06", "2.5E+1", "抄表员", ""],  # scientific notation
        [METERS[3], "2026-03-05", "25", "手抄", ""],  # an unknown source
        [METERS[7], "2026-03-05", "30", "抄表员", ""],
        [METERS[7], "2026-04-05", "29", "抄表员", ""],  # below the file's own March row
        [METERS[8], "2026-03-05", "30", "抄表员", ""],
        [METERS[8], "2026-03-05", "30", "抄表员", ""],  # the same row twice
        [METERS[9], "2026-03-05", "30", "抄表员", ""],
        [METERS[9], "2026-03-05", "31", "抄表员", ""],  # the same day twice
    ]
    before = table_dump()
    report = run(READINGS, readings(tmp_path, "mar.csv", rows))
    got = [(r.line, r.column, r.template) for r in report.refusals]
    assert got == [
        (2, "本次读数", ir.BELOW_PREVIOUS),
        (3, "表号", ir.UNKNOWN_METER),
        (4, "表号", ir.METER_REMOVED),
        (5, "表号", ir.ACCOUNT_CLOSED),
        (6, "抄表日期", ir.BEFORE_INSTALLED),
        (7, "抄表日期", "A date after today ({today})."),
        (8, "本次读数", ir.CONTRADICTS),
        (9, "本次读数", REFUSALS[ReadingProblem.TOO_MANY_DECIMALS]),
        (
            10,
            "本次读数",
            "The spreadsheet turned this number into scientific notation: the "
            "digits after the fifteenth are lost. Format the column as text and type the numbers "
            "again.",
        ),
        (11, "来源", "Not one of: {choices}."),
        (13, "本次读数", ir.BELOW_PREVIOUS),
        (15, "", SAME_ROW),
        (17, "抄表日期", ir.DAY_TWICE),
    ]
    assert report.refusals[0].params == {"previous": "20.000", "previous_on": "2026-02-05"}
    assert report.refusals[6].params["stored"] == "20.000"
    assert report.refusals[10].params == {"previous": "30.000", "previous_on": "2026-03-05"}
    assert (report.new, report.unchanged, report.written) == (3, 0, False)
    assert table_dump() == before


def test_a_reading_between_two_others_and_one_in_a_billed_period(customers, tmp_path: Path) -> None:
    run(
        READINGS,
        readings(
            tmp_path,
            "a.csv",
            [[METERS[0], "2026-02-05", "20", "", ""], [METERS[0], "2026-04-05", "40", "", ""]],
        ),
    )
    report = run(READINGS, readings(tmp_path, "b.csv", [[METERS[0], "2026-03-05", "41", "", ""]]))
    assert [r.template for r in report.refusals] == [ir.ABOVE_NEXT]
    report = run(READINGS, readings(tmp_path, "c.csv", [[METERS[0], "2026-03-05", "31", "", ""]]))
    assert report.new == 1 and report.refusals == ()
    account = Meter.get(Meter.number == METERS[0]).account_id
    Bill.create(
        account=account,
        meter=Meter.get(Meter.number == METERS[0]).id,
        period_start=dt.date(2026, 1, 5),
        period_end=dt.date(2026, 4, 5),
        volume_l=40000,
        amount_fen=12000,
    )
    report = run(READINGS, readings(tmp_path, "d.csv", [[METERS[0], "2026-03-20", "35", "", ""]]))
    assert [(r.template, r.params) for r in report.refusals] == [
        (ir.BILLED, {"meter": METERS[0], "day": "2026-04-05"})
    ]


def test_the_same_round_twice_changes_nothing(customers, tmp_path: Path) -> None:
    path = readings(
        tmp_path, "r.csv", reading_rows(METERS, "2026/2/5", [str(10 + i) for i in range(10)])
    )
    first = run(READINGS, path)
    assert first.new == 10
    after = table_dump()
    again = run(READINGS, path)
    assert (again.new, again.unchanged, again.written, again.exit_code) == (0, 10, False, 0)
    assert table_dump() == after
    # the next month's round beside last month's in one file: only the new ones
    rows = reading_rows(METERS, "2026/2/5", [str(10 + i) for i in range(10)])
    rows += reading_rows(METERS, "2026/3/5", [str(20 + i) for i in range(10)])
    both = run(READINGS, readings(tmp_path, "r2.csv", rows))
    assert (both.new, both.unchanged) == (10, 10)
    assert audit_verify.verify().ok


def test_an_xlsx_round_with_date_serials_and_number_cells(customers, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [int(METERS[0]), 46058, 12.345, "抄表员", "王师傅"],  # meter and reading as numbers
        [METERS[1], dt.datetime(2026, 2, 5), 7, "远传", None],
    ]
    report = run(READINGS, write_xlsx(tmp_path / "r.xlsx", READING_HEADER, rows))
    assert (report.new, report.refusals) == (2, ())
    got = {(r.meter.number, r.read_on, r.value_l) for r in Reading.select()}
    assert got == {(METERS[0], dt.date(2026, 2, 5), 12345), (METERS[1], dt.date(2026, 2, 5), 7000)}


def _amount(litres: int, price_fen: int) -> int:
    return int((Decimal(litres) * price_fen / 1000).quantize(Decimal(1), ROUND_HALF_UP))


def test_a_hundred_customers_imported_then_paid_at_the_counter_get_the_right_bills(
    backend_database,  # noqa: F811
    tmp_path: Path,
) -> None:
    set_up()
    rows = account_rows(100, first=39000101)
    for i, row in enumerate(rows):
        if i % 10 == 9:
            row[5] = "商业用户"  # one in ten is a shop
    report = run("accounts", write_xlsx(tmp_path / "客户.xlsx", ACCOUNT_HEADER, rows))
    assert report.new == 100
    meters = [row[7] for row in rows]
    volumes_l = [12_345 + 1_001 * i for i in range(100)]
    volumes_l[0] = 450_000  # beyond the first tier's 400 m³ a year
    values = [f"{v // 1000}.{v % 1000:03d}" for v in volumes_l]
    report = run(READINGS, readings(tmp_path, "r.csv", reading_rows(meters, "2026-02-05", values)))
    assert report.new == 100

    teller_id = users.add_user("MS01", "李娜", "teller", "MS", "12345678").id
    mengshui = Office.get(Office.code == "MS").id
    counter = Counter.get((Counter.office == mengshui) & (Counter.number == 1))
    open_test_shift(teller_id, counter.id)
    for i, number in enumerate(row[0] for row in rows):
        account = Account.get(Account.number == number)
        due = billing.statement(account.id)
        if i % 10 == 9:  # commercial: 3.80 yuan a m³ (the shipped sample price)
            expected = _amount(volumes_l[i], 380)
        elif volumes_l[i] > 400_000:
            expected = _amount(400_000, 300) + _amount(volumes_l[i] - 400_000, 360)
        else:
            expected = _amount(volumes_l[i], 300)
        assert due.due_fen == expected, (number, due.due_fen, expected)
        receipt = collect_payment(
            PaymentRequest(
                account_id=account.id,
                staff_id=teller_id,
                counter_id=counter.id,
                kind="bill",
                method="cash",
                expected_due_fen=expected,
                idempotency_key=f"import-test-{number}",
                tendered_fen=expected,
            )
        )
        bill = Bill.get(Bill.account == account.id)
        assert (bill.volume_l, bill.amount_fen) == (volumes_l[i], expected)
        assert (bill.period_start, bill.period_end) == (dt.date(2026, 1, 5), dt.date(2026, 2, 5))
        assert bill.to_reading.import_batch_id == report.batch_id
        assert receipt.amount_fen == expected
        assert billing.statement(account.id).due_fen == 0
    assert _amount(400_000, 300) + _amount(50_000, 360) == 138_000
    assert audit_verify.verify().ok


def test_a_round_checked_before_it_is_confirmed_shows_what_it_bills_and_flags(
    backend_database,  # noqa: F811
    tmp_path: Path,
) -> None:
    set_up()
    rows = account_rows(10, installed="2025/1/5")
    rows[9][8] = "IC卡表"  # prepaid: its readings are not billed
    assert run("accounts", write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows)).new == 10
    meters = [r[7] for r in rows]
    history = reading_rows(meters, "2025/2/5", ["10"] * 10)
    history += reading_rows(meters, "2026/1/5", ["100"] * 10)
    history[11][3] = "估抄"  # January's reading of the second meter was estimated
    assert run(READINGS, readings(tmp_path, "h.csv", history)).new == 20
    values = ["300", "110"] + ["110"] * 8  # the first used 200 m³ where it used 10 a year ago
    round_rows = reading_rows(meters, "2026/2/5", values)
    round_rows[1][3] = "估抄"  # estimated again
    path = readings(tmp_path, "r.csv", round_rows)
    checked = run(READINGS, path, dry_run=True)
    assert checked.round == RoundSummary(
        billed=9,
        flagged=2,
        estimated=1,
        volume_l=280_000,
        flags={"high_vs_last_year": 1, "estimated_run": 1},
    )
    assert not checked.written
    assert run(READINGS, path).round is None  # the import itself does not read it again
