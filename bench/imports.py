"""Benchmark 10: importing a utility's customers and a reading round from files made
as its spreadsheets make them (CSV in GBK, CRLF), into a new office's database:
10a the customers (accounts, meters, search index, seal), 10b a reading round for
every meter, 10c the same reading file again (nothing new: the checks alone). Each
counts the progress reports the import gave on its way (the progress bar's steps).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import time
from pathlib import Path

from bench.demo_db import GOAL_ACCOUNTS, close_bound
from bench.report import Goal, Row

ACCOUNTS_GOAL = Goal(30.0, strict=False)
READINGS_GOAL = Goal(10.0, strict=False)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "建国秀英志强桂兰海燕玉梅国庆丽华春生淑珍德明凤英文彬红霞"
STREETS = ("金泉小区", "萌山村", "文昌湖小区", "商家村", "鲁山花园", "西河镇", "城西社区")
HEADER_A = (
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
HEADER_R = ("表号", "抄表日期", "本次读数", "来源", "抄表员")


def _csv(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> Path:
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(header)
    out.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("gbk"))
    return path


def customer_file(path: Path, n: int) -> tuple[Path, list[str]]:
    from gasdesk.domain.idcard import check_digit

    rows: list[list[str]] = []
    meters: list[str] = []
    born = dt.date(1940, 1, 1)
    for i in range(n):
        number = 50_000_001 + i
        first = f"370303{born + dt.timedelta(days=(i * 7919) % 25000):%Y%m%d}{i % 1000:03d}"
        name = (
            SURNAMES[i % len(SURNAMES)]
            + GIVEN[(i * 7) % len(GIVEN)]
            + GIVEN[(i * 13 + 1) % len(GIVEN)]
        )
        street = STREETS[i % len(STREETS)]
        meter = f"5{number:09d}"
        meters.append(meter)
        rows.append(
            [
                str(number),
                name,
                first + check_digit(first),
                f"13{number % 10**9:09d}",
                f"文昌湖区{street}{i // 60 % 40 + 1}号楼{i // 12 % 5 + 1}单元{i % 12 + 101}室",
                "居民用户" if i % 20 else "商业用户",
                "萌水营业室",
                meter,
                "机械表",
                "G1.6 膜式燃气表",
                "0",
                "2026/1/5",
            ]
        )
    return _csv(path, HEADER_A, rows), meters


def reading_file(path: Path, meters: list[str]) -> Path:
    rows = [
        [m, "2026/2/5", f"{10 + i % 90}.{i % 1000:03d}", "远传" if i % 3 else "抄表员", "王师傅"]
        for i, m in enumerate(meters)
    ]
    return _csv(path, HEADER_R, rows)


def _timed(kind: str, path: Path) -> tuple[float, object, int, bool]:
    from gasdesk.domain.imports import ImportOptions
    from gasdesk.services.imports import import_file

    reports: list[tuple[str, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        reports.append((stage, done))

    t0 = time.perf_counter()
    report = import_file(kind, path, ImportOptions(imported_by="bench"), progress)
    seconds = time.perf_counter() - t0
    stages = [s for s, _ in reports]
    moving = (
        all(b >= a for (s1, a), (s2, b) in itertools.pairwise(reports) if s1 == s2)
        and len(set(stages)) >= 2
    )
    return seconds, report, len(reports), moving


def run(accounts: int, work: Path) -> list[Row]:
    from gasdesk.services.office_setup import set_up_office
    from gasdesk.storage import audit_verify
    from gasdesk.storage.db import open_database

    folder = work / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "gasdesk.db"
    for old in folder.glob("gasdesk.db*"):
        old.unlink()
    customers, meters = customer_file(folder / "客户档案.csv", accounts)
    round_file = reading_file(folder / "抄表.csv", meters)
    open_database(path, must_exist=False)
    try:
        set_up_office("MS", "MS09", "张伟", "bench-password")
        a_s, a_report, a_steps, a_moving = _timed("accounts", customers)
        r_s, r_report, r_steps, r_moving = _timed("readings", round_file)
        again_s, again, _, _ = _timed("readings", round_file)
        t0 = time.perf_counter()
        verified = audit_verify.verify()
        verify_s = time.perf_counter() - t0
    finally:
        close_bound()
    full = accounts == GOAL_ACCOUNTS
    scale = "" if full else "; the goal is for 100,000"

    def note(report: object, steps: int, moving: bool) -> str:
        new = getattr(report, "new", 0)
        refused = getattr(report, "refused_rows", 0)
        return (
            f"{new:,} new, {refused} refused; {steps} progress reports"
            + ("" if moving else " (NOT moving)")
            + scale
        )

    return [
        Row(
            "imports",
            f"10a. import {accounts:,} customers (GBK CSV)",
            "s",
            a_s,
            goal=ACCOUNTS_GOAL if full else None,
            runs=1,
            note=note(a_report, a_steps, a_moving),
            extra={"progress_reports": a_steps},
        ),
        Row(
            "imports",
            f"10b. import {accounts:,} readings (GBK CSV)",
            "s",
            r_s,
            goal=READINGS_GOAL if full else None,
            runs=1,
            note=note(r_report, r_steps, r_moving),
            extra={"progress_reports": r_steps},
        ),
        Row(
            "imports",
            "10c. the same reading file again",
            "s",
            again_s,
            runs=1,
            note=f"{getattr(again, 'new', 0)} new, {getattr(again, 'unchanged', 0):,} unchanged",
        ),
        Row(
            "imports",
            "10d. verify after the imports",
            "s",
            verify_s,
            runs=1,
            note=f"ok={verified.ok}",
        ),
    ]
