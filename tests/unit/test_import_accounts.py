"""Importing customers from files made the way users make them: every value checked by
the counter's own rules, what spreadsheets do to data refused with its reason, all
or nothing, idempotent, each batch with its source; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gasdesk.domain.import_cells import SCIENTIFIC
from gasdesk.domain.import_columns import ACCOUNTS, HeaderError
from gasdesk.domain.import_readers import FIELD_TEXTS
from gasdesk.domain.import_rows import Refusal
from gasdesk.domain.imports import SAME_ROW, ImportOptions, ImportReport
from gasdesk.exchange.sheets import SheetError
from gasdesk.services import import_accounts as ia
from gasdesk.services.accounts import find_accounts
from gasdesk.services.imports import WRONG_KIND, import_file
from gasdesk.storage import audit, audit_verify
from gasdesk.storage.models import Account, ImportBatch, Meter, Office
from tests.import_support import (
    ACCOUNT_HEADER,
    account_rows,
    id_number,
    set_up,
    table_dump,
    write_csv,
    write_xlsx,
)
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401

TODAY = dt.date(2026, 11, 20)
OPTIONS = ImportOptions(imported_by="test", today=TODAY)


@pytest.fixture
def office(backend_database):  # type: ignore[no-untyped-def]  # noqa: F811
    set_up()
    return backend_database


def run(path: Path, **options: object) -> ImportReport:
    opts = ImportOptions(**{"imported_by": "test", "today": TODAY, **options})  # type: ignore[arg-type]
    return import_file(ACCOUNTS, path, opts)


def reasons(report: ImportReport) -> list[tuple[int, str, str, str]]:
    return [(r.line, r.column, r.value, r.template) for r in report.refusals]


def test_a_gbk_csv_from_a_spreadsheet_imports_with_its_source(office, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "客户档案.csv", ACCOUNT_HEADER, account_rows(5), "gbk")
    report = run(path, imported_by="MS09 张伟")
    assert (report.encoding, report.new, report.unchanged, report.refusals) == ("gb18030", 5, 0, ())
    assert report.written
    batch = ImportBatch.get_by_id(report.batch_id)
    assert batch.file_name == "客户档案.csv"
    assert batch.file_sha256 == report.sha256 and len(batch.file_sha256) == 64
    assert (batch.imported_by, batch.rows_new, batch.kind) == ("MS09 张伟", 5, ACCOUNTS)
    account = Account.get(Account.number == "39000002")
    assert (account.name, account.id_card, account.phone) == (
        "李建国",
        id_number(39000002),
        "13839000002",
    )
    assert account.office.code == "MS" and account.import_batch_id == batch.id
    meter = Meter.get(Meter.account == account.id)
    assert (meter.number, meter.kind, meter.installed_on, meter.initial_l) == (
        "3939000002",
        "mechanical",
        dt.date(2026, 1, 5),
        0,
    )
    assert meter.import_batch_id == batch.id
    # found at the counter by name, address fragment and mobile digits
    assert [a.number for a in find_accounts("李建国")] == ["39000002"]
    assert "39000002" in [a.number for a in find_accounts("金泉小区 2单元")]
    assert [a.number for a in find_accounts("39000002")] == ["39000002"]
    assert audit_verify.verify().ok


def test_utf8_with_bom_and_the_english_aliases(office, tmp_path: Path) -> None:
    header = (
        "account_number",
        "name",
        "id_card",
        "phone",
        "address",
        "meter_number",
        "installed_on",
    )
    rows = [[r[0], r[1], r[2], r[3], r[4], r[7], r[11]] for r in account_rows(2)]
    path = write_csv(tmp_path / "accounts.csv", header, rows, "utf-8-sig")
    report = run(path, office_id=Office.get(Office.code == "WC").id)
    assert (report.encoding, report.new, report.refusals) == ("utf-8-sig", 2, ())


def test_an_xlsx_with_serial_dates_numbers_and_an_id_in_scientific_notation(
    office, tmp_path: Path
) -> None:
    rows: list[list[object]] = [list(r) for r in account_rows(3)]
    rows[0][0] = 39000001  # typed as a number: all eight digits still there
    rows[0][11] = 46027  # 2026-01-05 as an Excel date serial
    rows[1][11] = dt.datetime(2026, 1, 6)  # a real date cell
    rows[1][10] = 12.345  # an initial reading as a number
    rows[2][2] = float(id_number(39000003))  # what Excel keeps of an 18-digit number
    path = write_xlsx(tmp_path / "客户.xlsx", ACCOUNT_HEADER, rows)
    before = table_dump()
    report = run(path)
    shown = format(rows[2][2], ".15G")  # as Excel shows the cell: 3.7030319700422E+17
    assert shown.startswith("3.7030319700") and shown.endswith("E+17")
    assert reasons(report) == [(4, "身份证号", shown, SCIENTIFIC)]
    assert not report.written and table_dump() == before
    rows[2][2] = id_number(39000003)  # typed again as text
    more = [list(r) for r in account_rows(9, first=39000011)]
    more[0][0] = 9000011  # "09000011" kept as a number: its leading zero is gone
    report = run(write_xlsx(tmp_path / "客户3.xlsx", ACCOUNT_HEADER, rows + more))
    assert [(r.line, r.column, r.value, r.template) for r in report.refusals] == [
        (5, "户号", "9000011", ia.LEADING_ZEROS)
    ]
    report = run(write_xlsx(tmp_path / "客户2.xlsx", ACCOUNT_HEADER, rows))
    assert (report.format, report.new, report.refusals) == ("xlsx", 3, ())
    first = Meter.get(Meter.number == "3939000001")
    second = Meter.get(Meter.number == "3939000002")
    assert (first.installed_on, second.installed_on) == (dt.date(2026, 1, 5), dt.date(2026, 1, 6))
    assert second.initial_l == 12345


def test_spreadsheet_damage_and_typing_that_is_only_cosmetic(office, tmp_path: Path) -> None:
    rows = account_rows(20)  # the width of the numbers is what 90 % of them have
    rows[0][0] = "３９０００００１"  # full-width digits
    rows[0][1] = "  王建国　"  # stray blanks, an ideographic space
    rows[1][11] = "2026年1月5日"
    rows[2][11] = "2026-1-5"
    rows[3][3] = "0533-6886656"
    rows[4][0] = "9000005"  # a leading digit gone: seven digits where all have eight
    rows[5][7] = "393900006"  # a meter number one digit short
    rows[6][11] = "1/5/2026"  # which part is the day?
    rows[7][11] = "2026/2/30"
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk")
    report = run(path)
    got = reasons(report)
    assert [g[:3] for g in got] == [
        (6, "户号", "9000005"),
        (7, "表号", "393900006"),
        (8, "安装日期", "1/5/2026"),
        (9, "安装日期", "2026/2/30"),
    ]
    assert got[0][3] == ia.LEADING_ZEROS and report.refusals[0].params == {"digits": 7, "width": 8}
    assert report.new == 16 and not report.written  # all or nothing
    rows = rows[:4] + rows[8:]
    report = run(write_csv(tmp_path / "b.csv", ACCOUNT_HEADER, rows, "gbk"))
    assert report.written and report.new == 16
    first = Account.get(Account.number == "39000001")
    assert first.name == "王建国"
    assert [m.installed_on for m in Meter.select().order_by(Meter.number)][:3] == [
        dt.date(2026, 1, 5)
    ] * 3
    assert Account.get(Account.number == "39000004").phone == "0533-6886656"


def test_every_value_by_the_counters_own_rules(office, tmp_path: Path) -> None:
    rows = account_rows(7)
    bad_check = id_number(1)[:17] + ("0" if id_number(1)[17] != "0" else "1")
    rows[0][2] = bad_check
    rows[1][3] = "1380533"
    rows[2][1] = "王"
    rows[3][4] = "金泉"
    rows[4][5] = "工业用户"
    rows[5][6] = "博山营业室"
    rows[6][10] = "12.3456"
    report = run(write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk"))
    by_line = {r.line: r for r in report.refusals}
    assert by_line[2].template == FIELD_TEXTS["idcard_check_digit"]
    assert by_line[3].template == FIELD_TEXTS["phone"]
    assert (by_line[4].column, by_line[4].params) == ("户名", {"min": 2})
    assert (by_line[5].column, by_line[5].params) == ("用气地址", {"min": 6})
    assert by_line[6].column == "用户类型"
    assert by_line[7].template == ia.NO_OFFICE and by_line[7].params["offices"] == "MS、WC"
    assert by_line[8].column == "初始读数"
    assert report.refused_rows == 7 and report.new == 0


def test_rows_twice_in_the_file(office, tmp_path: Path) -> None:
    rows = account_rows(3)
    rows.append(list(rows[0]))  # the same row again
    other = list(rows[1])
    other[1] = "赵敏"
    other[7] = "3939000099"
    rows.append(other)  # the same account number with another holder
    meter_again = account_rows(1, first=39000050)[0]
    meter_again[7] = rows[2][7]
    rows.append(meter_again)
    report = run(write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk"))
    assert [(r.line, r.template, r.params) for r in report.refusals] == [
        (5, SAME_ROW, {"line": 2}),
        (6, ia.ACCOUNT_TWICE, {"number": "39000002", "line": 3}),
        (7, ia.METER_TWICE, {"meter": "3939000003", "line": 4}),
    ]


def test_all_or_nothing_leaves_every_table_as_it_was(office, tmp_path: Path) -> None:
    rows = account_rows(50)
    rows[37][3] = "12345"
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk")
    before = table_dump()
    head = audit.head()
    report = run(path)
    assert report.refused_rows == 1 and report.new == 49 and not report.written
    assert table_dump() == before and audit.head() == head
    dry = run(write_csv(tmp_path / "b.csv", ACCOUNT_HEADER, account_rows(5), "gbk"), dry_run=True)
    assert dry.new == 5 and not dry.written and table_dump() == before
    skipped = run(path, skip_invalid=True)
    assert skipped.written and skipped.new == 49 and skipped.exit_code == 1
    assert Account.select().count() == 49


def test_the_same_file_twice_gives_the_same_database(office, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, account_rows(30), "gbk")
    first = run(path)
    assert (first.new, first.unchanged, first.exit_code) == (30, 0, 0)
    after_first = table_dump()
    again = run(path)
    assert (again.new, again.unchanged, again.written, again.exit_code) == (0, 30, False, 0)
    assert table_dump() == after_first
    # a file that overlaps: only what is new is written, the rest is unchanged
    more = run(write_csv(tmp_path / "b.csv", ACCOUNT_HEADER, account_rows(35), "gbk"))
    assert (more.new, more.unchanged) == (5, 30)
    last = account_rows(35)[34]  # filed beside the accounts the index held already
    assert last[0] in [a.number for a in find_accounts(last[1])]
    assert last[0] in [a.number for a in find_accounts(last[4][-10:])]
    assert audit_verify.verify().ok


def test_a_row_that_contradicts_the_database_is_refused_not_written(office, tmp_path: Path) -> None:
    run(write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, account_rows(3), "gbk"))
    rows = account_rows(3)
    rows[0][1] = "孙悟空"  # same account number, another name
    rows[1][7] = "3939000077"  # another meter for an account in the database
    rows[2][11] = "2026/1/6"  # another installation date for its meter
    before = table_dump()
    report = run(write_csv(tmp_path / "b.csv", ACCOUNT_HEADER, rows, "gbk"))
    assert [(r.line, r.column, r.template) for r in report.refusals] == [
        (2, "户名", ia.DIFFERS),
        (3, "表号", ia.OTHER_METER),
        (4, "安装日期", ia.METER_DIFFERS),
    ]
    assert report.refusals[0].params == {"stored": "王建国", "number": "39000001"}
    assert report.refusals[1].params == {"number": "39000002", "meter": "3939000002"}
    stranger = account_rows(1, first=39000040)[0]
    stranger[7] = "3939000001"  # a meter of another account
    report = run(write_csv(tmp_path / "c.csv", ACCOUNT_HEADER, [stranger], "gbk"))
    assert [(r.column, r.template, r.params) for r in report.refusals] == [
        ("表号", ia.METER_ELSEWHERE, {"meter": "3939000001", "account": "39000001"})
    ]
    assert table_dump() == before
    assert Account.get(Account.number == "39000001").name == "王建国"


def test_the_office_comes_from_the_row_or_the_importer(office, tmp_path: Path) -> None:
    rows = account_rows(3)
    rows[0][6] = "WC"
    rows[1][6] = "王村"
    rows[2][6] = ""
    report = run(write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk"))
    assert [(r.line, r.template) for r in report.refusals] == [(4, ia.OFFICE_NEEDED)]
    mengshui = Office.get(Office.code == "MS").id
    report = run(write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk"), office_id=mengshui)
    assert report.new == 3
    codes = [a.office.code for a in Account.select().order_by(Account.number)]
    assert codes == ["WC", "WC", "MS"]


def test_a_database_of_one_office_needs_no_office_column(  # type: ignore[no-untyped-def]
    backend_database,  # noqa: F811
    tmp_path: Path,
) -> None:
    from gasdesk.services.office_setup import set_up_office

    set_up_office("WC", "WC09", "赵磊", "12345678")
    rows = account_rows(2)
    for row in rows:
        row[6] = ""
    report = run(write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "gbk"))
    assert report.new == 2 and report.refusals == ()
    assert {a.office.code for a in Account.select()} == {"WC"}


def test_files_that_cannot_be_read(office, tmp_path: Path) -> None:
    with pytest.raises(SheetError):
        run(tmp_path / "none.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(SheetError):
        run(tmp_path / "empty.csv")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    with pytest.raises(SheetError):
        run(tmp_path / "old.xls")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(SheetError):
        run(tmp_path / "broken.xlsx")
    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02" * 50)
    with pytest.raises(SheetError):
        run(tmp_path / "binary.csv")
    with pytest.raises(HeaderError) as missing:
        run(write_csv(tmp_path / "h.csv", ("户号", "户名"), [["39000001", "王建国"]], "gbk"))
    assert missing.value.params["missing"] == "用气地址、表号、安装日期"
    readings = write_csv(tmp_path / "r.csv", ("表号", "抄表日期", "本次读数"), [["1", "2", "3"]])
    with pytest.raises(HeaderError) as other:
        run(readings)
    assert other.value.template == WRONG_KIND[ACCOUNTS]
    assert ImportBatch.select().count() == 0


def test_refusals_are_sorted_by_line_and_name_the_files_column(office, tmp_path: Path) -> None:
    header = list(ACCOUNT_HEADER)
    header[2] = "身份证号码"  # a synonym, named as the file names it
    rows = account_rows(2)
    rows[1][2] = "123"
    rows[0][3] = "1"
    report = run(write_csv(tmp_path / "a.csv", header, rows, "gbk"))
    assert report.refusals == (
        Refusal(2, "phone", "联系电话", "1", FIELD_TEXTS["phone"]),
        Refusal(3, "id_card", "身份证号码", "123", FIELD_TEXTS["idcard_length"]),
    )
