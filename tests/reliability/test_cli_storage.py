"""The administrator's commands against a database that is not there, a full disk,
read-only media and a file system that is gone: the real cause, said in the
terminal's language, and nothing created or left half-written."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from gasdesk.cli_admin import run_backup, run_restore, run_setup, run_user, run_verify

ADD = ["add", "--badge", "MS10", "--name", "李四", "--role", "teller", "--office", "MS"]


def _everything(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (run_verify, []),
        (run_verify, ["--quick"]),
        (run_user, [*ADD, "--password-stdin"]),
        (run_user, ["unlock", "MS01"]),
        (run_backup, ["--office", "MS"]),
    ],
)
def test_a_mistyped_database_is_refused_and_nothing_is_created(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: Callable[[list[str]], int],
    extra: list[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("secret123\n"))
    monkeypatch.delenv("GASDESK_AUDIT_KEY_FILE", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    typo = work / "x" / "typo.db"
    argv = ["--db", str(typo)]
    if command is run_backup:
        argv += ["--folder", str(work / "backups")]
    assert command([*argv, *extra]) == 2
    err = capsys.readouterr().err
    assert f"There is no database {typo}; nothing was created" in err
    assert _everything(work) == []  # no file, no folder, no key, no anchor


def test_the_refusal_is_in_chinese_where_the_terminal_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    typo = tmp_path / "萌水 #2?.db"
    assert run_verify(["--db", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "没有数据库" in err and str(typo) in err
    assert _everything(tmp_path) == []


def test_restore_of_a_missing_backup_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gasdesk-MS-20250101-120000.db"
    argv = ["--db", str(tmp_path / "gasdesk.db"), "--key", str(tmp_path / "k"), str(missing)]
    assert run_restore([*argv, "--yes"]) == 1
    assert f"There is no backup file {missing}" in capsys.readouterr().err
    assert _everything(tmp_path) == []


def test_setup_still_makes_a_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("secret123\n"))
    new = tmp_path / "新 #1.db"
    argv = ["--db", str(new), "--key", str(tmp_path / "audit.key"), "--office", "MS"]
    assert run_setup([*argv, "--badge", "MS09", "--name", "张伟", "--password-stdin"]) == 0
    assert new.is_file()
    assert run_verify(["--db", str(new), "--key", str(tmp_path / "audit.key")]) == 0
