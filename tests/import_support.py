"""Files made the way users make them, for the import tests: a CSV saved by a
spreadsheet on a Chinese Windows PC (GBK, CRLF), a UTF-8 file with a byte-order mark,
an .xlsx written with openpyxl holding what Excel holds (numbers where text belongs,
date serials, an 18-digit number as a float); and valid ID-card numbers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gasdesk.domain.idcard import check_digit

ACCOUNT_HEADER = (
    "户号",
    "户名",
    "身份证号",
    "联系电话",
    "用气地址",
    "用户类型",
    "营业室",
    "表号",
    "表型",
    "表具型号",
    "初始读数",
    "安装日期",
)
READING_HEADER = ("表号", "抄表日期", "本次读数", "来源", "抄表员")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ("建国", "秀英", "志强", "桂兰", "海燕", "玉梅", "国庆", "丽华", "春生", "淑珍")


def id_number(i: int, born: dt.date = dt.date(1970, 1, 1)) -> str:
    """A valid 18-character ID-card number (淄博 370303), different for each i."""
    day = born + dt.timedelta(days=(i * 37) % 15000)
    first = f"370303{day:%Y%m%d}{i % 1000:03d}"
    return first + check_digit(first)


def account_rows(
    n: int,
    *,
    first: int = 39_000_001,
    installed: str = "2026/1/5",
    office: str = "萌水营业室",
) -> list[list[str]]:
    """n customers with 8-digit account and 10-digit meter numbers (the demo's widths)."""
    rows = []
    for i in range(n):
        number = first + i
        rows.append(
            [
                str(number),
                SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)],
                id_number(number),
                f"138{number % 100_000_000:08d}",
                f"文昌湖区金泉小区{i // 40 + 1}号楼{i % 4 + 1}单元{i % 40 + 101}室",
                "居民用户",
                office,
                f"39{number % 100_000_000:08d}",
                "机械表",
                "G1.6 膜式燃气表",
                "0",
                installed,
            ]
        )
    return rows


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]], encoding: str) -> bytes:
    """As a spreadsheet saves CSV: CRLF line ends, the given encoding ('gbk' on a
    Chinese Windows PC; 'utf-8-sig' for 'CSV UTF-8')."""
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(header)
    out.writerows(rows)
    return buffer.getvalue().encode(encoding)


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]], encoding: str = "gbk"
) -> Path:
    path.write_bytes(csv_bytes(header, rows, encoding))
    return path


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    """Cells with the Python types given: int and float are numbers to the spreadsheet
    (as Excel keeps a typed account or ID number), datetime a date."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def reading_rows(
    meters: Sequence[str], day: str, values_m3: Sequence[str], source: str = "抄表员"
) -> list[list[str]]:
    return [[m, day, v, source, "王师傅"] for m, v in zip(meters, values_m3, strict=True)]


def table_dump() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the open database, in a fixed order: two dumps are
    equal exactly when no table changed."""
    from peewee import SqliteDatabase

    from gasdesk.storage.models import db

    database = db.obj
    if isinstance(database, SqliteDatabase):
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        sql = (
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    tables = sorted(str(name) for (name,) in database.execute_sql(sql).fetchall())
    dump: dict[str, list[tuple[Any, ...]]] = {}
    for table in tables:
        cursor = database.execute_sql(f'SELECT * FROM "{table}"')
        dump[table] = sorted((tuple(r) for r in cursor.fetchall()), key=repr)
    return dump


def set_up(password: str = "12345678") -> None:
    """A real office as `gasdesk setup` makes it (Mengshui, its supervisor MS09, the
    shipped tariffs), and Wangcun beside it."""
    from gasdesk.services.office_setup import set_up_office

    set_up_office("MS", "MS09", "张伟", password)
    set_up_office("WC", "WC09", "赵磊", password)
