"""`gasdesk import` as an administrator runs it, in a process of its own: the report
in Chinese on a Chinese terminal (line, column, value, reason, then the counts), the
exit codes 0 / 1 / 2, --dry-run, --skip-invalid, --report, the same file twice; Qt
never loaded; `gasdesk verify` passes afterwards."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gasdesk.storage.db import open_database
from gasdesk.storage.models import db
from tests.import_support import (
    ACCOUNT_HEADER,
    READING_HEADER,
    account_rows,
    reading_rows,
    set_up,
    write_csv,
)

ROOT = Path(__file__).resolve().parents[2]
RUN = (
    "import sys; from gasdesk.app import main; code = main(sys.argv[1:]); "
    "print('QT LOADED' if any(m.startswith('PySide6') for m in sys.modules) else '', "
    "file=sys.stderr); raise SystemExit(code)"
)

pytestmark = pytest.mark.slow


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "营业室.db"
    open_database(path, must_exist=False)
    set_up()
    db.close()
    return path


def gasdesk(*args: str | Path, lang: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "PYTHONPATH": str(ROOT)}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    env.pop("GASDESK_DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "-c", RUN, *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if args[0] == "import":
        assert "QT LOADED" not in proc.stderr
    return proc


def test_a_clean_file_then_the_same_file_again(office: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "客户档案.csv", ACCOUNT_HEADER, account_rows(5), "gbk")
    first = gasdesk("import", "accounts", path, "--db", office)
    assert first.returncode == 0, first.stderr
    assert "客户档案.csv（CSV，GB18030" in first.stdout
    assert "共 5 行：新增 5，未变 0，被拒 0。" in first.stdout
    assert "已导入，批次 1" in first.stdout
    again = gasdesk("import", "accounts", path, "--db", office)
    assert again.returncode == 0
    assert "新增 0，未变 5" in again.stdout and "没有新内容" in again.stdout
    english = gasdesk("import", "accounts", path, "--db", office, lang="C.UTF-8")
    assert "5 rows: 0 new, 5 unchanged, 0 refused." in english.stdout
    checked = gasdesk("verify", "--db", office, "--no-backups")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_refused_rows_are_reported_and_nothing_is_written(office: Path, tmp_path: Path) -> None:
    rows = account_rows(4)
    rows[2][2] = "3.70303E+17"
    rows[3][11] = "2026/13/1"
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADER, rows, "utf-8-sig")
    dry = gasdesk("import", "accounts", path, "--db", office, "--dry-run")
    assert dry.returncode == 1
    report = tmp_path / "被拒.csv"
    proc = gasdesk("import", "accounts", path, "--db", office, "--report", report)
    assert proc.returncode == 1
    out = proc.stdout
    assert "第 4 行，身份证号 列，值“3.70303E+17”：表格软件把这个数字变成了科学计数法" in out
    assert "第 5 行，安装日期 列，值“2026/13/1”：没有这一天。" in out
    assert "共 4 行：新增 2，未变 0，被拒 2。" in out
    assert "未写入任何内容" in out
    with report.open(encoding="utf-8-sig", newline="") as fh:
        listed = list(csv.reader(fh))
    assert listed[0] == ["行号", "列", "值", "原因"]
    assert [row[:3] for row in listed[1:]] == [
        ["4", "身份证号", "3.70303E+17"],
        ["5", "安装日期", "2026/13/1"],
    ]
    # nothing was written by either run: the good rows come in only when asked for
    skip = gasdesk("import", "accounts", path, "--db", office, "--skip-invalid")
    assert skip.returncode == 1
    assert "新增 2" in skip.stdout and "已导入" in skip.stdout
    readings = write_csv(
        tmp_path / "r.csv",
        READING_HEADER,
        reading_rows([r[7] for r in rows[:2]], "2026-02-05", ["5", "6"]),
        "gbk",
    )
    checked = gasdesk("import", "readings", readings, "--db", office, "--dry-run")
    assert checked.returncode == 0
    assert "本轮：出账读数 2 个（11 m³），有标记 0 个，估抄 0 个。" in checked.stdout
    assert gasdesk("import", "readings", readings, "--db", office).returncode == 0


def test_what_cannot_be_read_at_all_exits_2(office: Path, tmp_path: Path) -> None:
    missing = gasdesk("import", "accounts", tmp_path / "none.csv", "--db", office)
    assert missing.returncode == 2 and "不存在" in missing.stderr
    headerless = write_csv(tmp_path / "h.csv", ("甲", "乙"), [["1", "2"]], "gbk")
    proc = gasdesk("import", "readings", headerless, "--db", office)
    assert proc.returncode == 2 and "表头缺少以下列：表号、抄表日期、本次读数" in proc.stderr
    nowhere = tmp_path / "no" / "such.db"
    proc = gasdesk("import", "accounts", headerless, "--db", nowhere)
    assert proc.returncode == 2 and not nowhere.parent.exists()
