"""A full disk, read-only media and a disk that is gone, on real small file systems
(tmpfs, see disks.py): the cause is named in Chinese, never "damaged", and nothing
half-written is left under a final name.

Before: `gasdesk user add` on a full disk said the database "is damaged … (disk I/O
error)" (the read-only start-up check could not grow the -shm file); `gasdesk demo`
ended in a traceback and left an empty database; a backup that ran out of space left
its `.part-wal`/`.part-shm` (or `.part-journal`) behind and said "disk I/O error"."""

from __future__ import annotations

import errno
import io
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from gasdesk.cli_admin import run_backup, run_user
from gasdesk.demo.cli import run_demo
from gasdesk.storage import backup, disk
from gasdesk.storage.backup import BackupError
from gasdesk.storage.db import OPEN_FAILURES, open_database
from gasdesk.storage.errors import DatabaseOpenError, describe, kind
from gasdesk.storage.models import Payment, Staff, db
from gasdesk.storage.paths import read_only_uri
from tests.reliability.disks import Disks, disks, fill, free  # noqa: F401
from tests.reliability.payment_loop import pay
from tests.reliability.seed import seed
from tests.reliability.snapshot import snapshot

OWN = {"gasdesk.db-wal", "gasdesk.db-shm"}
ADD = ["add", "--badge", "MS10", "--name", "李四", "--role", "teller", "--office", "MS"]


@pytest.fixture
def chinese_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")


def _database_on(folder: Path, payments: int = 1) -> Path:
    """A seeded database in `folder` with a few payments, closed."""
    file = folder / "gasdesk.db"
    open_database(file, key_path=folder / "audit.key")
    seed()
    for _ in range(payments):
        pay("1001000001", 100)
    db.close()
    return file


def _content(file: Path) -> list[str]:
    """Every row and the schema (the restore check may fold the WAL into the file and
    leave WAL mode, which changes bytes but not what the database holds)."""
    con = sqlite3.connect(read_only_uri(file), uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} - {"filler", "lost+found"}


@pytest.mark.usefixtures("chinese_terminal")
def test_user_add_on_a_full_disk_says_the_disk_is_full(
    disks: Disks,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    file = _database_on(disks.small(3072))
    argv = ["--db", str(file), "--key", str(file.parent / "audit.key"), *ADD, "--password-stdin"]
    fill(file.parent)
    monkeypatch.setattr("sys.stdin", io.StringIO("secret123\n"))
    assert run_user(argv) == 2
    err = capsys.readouterr().err
    assert "磁盘已满" in err and str(file) in err
    assert "损坏" not in err  # the file is sound: it is the disk

    free(file.parent)
    monkeypatch.setattr("sys.stdin", io.StringIO("secret123\n"))
    assert run_user(argv) == 0
    assert Staff.select().where(Staff.badge == "MS10").count() == 1


def test_the_counter_start_on_a_full_disk_is_not_called_damage(
    disks: Disks,  # noqa: F811
) -> None:
    file = _database_on(disks.small(3072))
    fill(file.parent)
    for background in (False, True):  # the check before opening, or beside the login
        with pytest.raises(DatabaseOpenError) as info:
            open_database(file, key_path=file.parent / "audit.key", check_in_background=background)
        assert info.value.template == OPEN_FAILURES["full"]
    free(file.parent)
    open_database(file, key_path=file.parent / "audit.key", check_in_background=True)
    pay("1001000001", 100)


def test_a_payment_on_a_full_disk_is_undone_and_the_next_one_succeeds(
    disks: Disks,  # noqa: F811
) -> None:
    folder = disks.small(3072)
    open_database(folder / "gasdesk.db", key_path=folder / "audit.key")
    seed()
    pay("1001000001", 100)
    fill(folder)
    before = snapshot()
    with pytest.raises(Exception) as info:
        for _ in range(200):  # the pages already there have a little room
            pay("1001000001", 100)
            before = snapshot()
    assert kind(info.value) == "full"
    assert describe(info.value).startswith("The disk holding the database is full.")
    assert snapshot() == before
    free(folder)
    pay("1001000001", 100)


@pytest.mark.usefixtures("chinese_terminal")
@pytest.mark.parametrize("leave_kib", [0, 32, 700])  # open, migration, or the load fails
def test_demo_on_a_full_disk_says_so_and_removes_what_it_made(
    disks: Disks,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    leave_kib: int,
) -> None:
    folder = disks.small(2048)
    fill(folder, leave=leave_kib * 1024)
    target = folder / "演示 #1" / "demo.db"
    code = run_demo(["--db", str(target), "--accounts", "400"])
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert "磁盘已满" in err, err
    assert "Traceback" not in err
    assert _left(folder) == set()  # no database, no -wal, no key, no folder made for it


def test_demo_that_fails_leaves_a_database_that_was_there(
    disks: Disks,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only what the run made is removed: an existing empty database stays."""
    folder = disks.small(2048)
    open_database(folder / "demo.db", key_path=folder / "demo.db.key").close()
    names = _left(folder)
    fill(folder, leave=64 * 1024)
    assert run_demo(["--db", str(folder / "demo.db"), "--accounts", "400"]) == 1
    assert "full" in capsys.readouterr().err
    assert names <= _left(folder)


@pytest.mark.parametrize(
    "room_kib",
    [lambda size: size // 3, lambda size: size + 8],
    ids=["a third of the file", "the file but not its log"],
)
def test_a_backup_that_runs_out_of_space_leaves_nothing(
    disks: Disks,  # noqa: F811
    tmp_path: Path,
    room_kib: Callable[[int], int],
) -> None:
    """Out of space in the middle of the copy, or with the copy whole but not the
    write-ahead log SQLite keeps beside it (it left `.part-wal` and `.part-shm`)."""
    file = _database_on(tmp_path, payments=3)
    folder = disks.small(room_kib(file.stat().st_size // 1024))
    open_database(file, key_path=tmp_path / "audit.key")
    with pytest.raises(BackupError) as info:
        backup.make_backup(folder, "MS", keep=30)
    assert info.value.template == backup.BACKUP_FAILURES["full"]
    assert _left(folder) == set()  # no .part, no .part-journal, -wal or -shm
    assert Payment.select().count() == 3  # the live database is as it was


def test_gasdesk_backup_on_a_full_disk_says_so_in_chinese(
    disks: Disks,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    chinese_terminal: None,
) -> None:
    file = _database_on(tmp_path)
    folder = disks.small(max(16, file.stat().st_size // 2048))
    argv = ["--db", str(file), "--key", str(tmp_path / "audit.key"), "--folder", str(folder)]
    assert run_backup(argv) == 1
    err = capsys.readouterr().err
    assert "磁盘已满" in err and str(folder) in err
    assert _left(folder) == set()


def test_a_backup_onto_read_only_media_says_read_only(
    disks: Disks,  # noqa: F811
    tmp_path: Path,
) -> None:
    file = _database_on(tmp_path)
    (tmp_path / "medium").mkdir()
    medium = disks.read_only_view(tmp_path / "medium")
    open_database(file, key_path=tmp_path / "audit.key")
    for folder in (medium, medium / "备份"):
        with pytest.raises(BackupError) as info:
            backup.make_backup(folder, "MS", keep=30)
        assert info.value.template == backup.BACKUP_FAILURES["readonly"]
    assert _left(tmp_path / "medium") == set()


def test_a_backup_after_the_database_disk_is_gone_says_so(
    disks: Disks,  # noqa: F811
    tmp_path: Path,
) -> None:
    gone = disks.small(3072)
    file = _database_on(gone)
    open_database(file, key_path=gone / "audit.key")
    Payment.select().count()  # the counter has the file open
    disks.take_away(gone)
    folder = tmp_path / "backups"
    with pytest.raises(BackupError, match="can no longer be reached"):
        backup.make_backup(folder, "MS", keep=30)
    assert _left(folder) == set()


def test_a_restore_on_a_full_disk_changes_nothing(
    disks: Disks,  # noqa: F811
    tmp_path: Path,
) -> None:
    source = _database_on(tmp_path, payments=3)
    open_database(source, key_path=tmp_path / "audit.key")
    made = backup.make_backup(tmp_path / "backups", "MS", keep=30).path
    pay("1001000001", 100)  # recorded after the backup
    db.close()
    folder = disks.small(3072)
    target = folder / "gasdesk.db"  # the live database, on a disk of its own
    shutil.copyfile(source, target)
    before = _content(target)
    names = _left(folder)
    for leave in (0, target.stat().st_size + 64 * 1024):  # copy aside, or the restore
        fill(folder, leave=leave)
        with pytest.raises(BackupError) as info:
            backup.restore(made, target)
        assert info.value.template == backup.RESTORE_FAILURES["full"]
        assert _content(target) == before
        # no .restoring, no half copy kept aside (SQLite's own -wal and -shm may be)
        assert _left(folder) - OWN == names - OWN
        free(folder)
    info = backup.restore(made, target)  # with room it goes through
    open_database(target, key_path=tmp_path / "audit.key")
    backup.after_restore(info)
    assert Payment.select().count() == 3


def test_a_lost_disk_is_named_for_the_teller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A USB disk pulled out: SQLite only says 'disk I/O error'; the folder, asked,
    answers EIO."""
    _database_on(tmp_path)
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")

    def eio(path: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    failure = sqlite3.OperationalError("disk I/O error")
    assert kind(failure) == "io"
    monkeypatch.setattr(disk.os, "statvfs", eio)
    assert kind(failure) == "lost"
    assert "can no longer be reached" in describe(failure)
    assert kind(OSError(errno.ENOSPC, "No space left on device")) == "full"
    assert kind(OSError(errno.EROFS, "Read-only file system")) == "readonly"
