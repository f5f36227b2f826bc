"""Issue item 5, as it was seen: with the key file missing, `verify` and the counter
each made a new key, and the counter recorded payments under it; a key file that is
not hex gave a traceback; an empty one was accepted. Now the key is an alarm: every
write stops with a message that says how to restore it, verify reports it, and a new
key comes only from `gasdesk key new`, which records itself in the chain."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from peewee import Database

from gasdesk.cli_admin import run_key, run_verify
from gasdesk.cli_text import refusal_text
from gasdesk.storage import audit, audit_verify
from gasdesk.storage.audit_key import AuditKeyError
from gasdesk.storage.db import open_database
from gasdesk.storage.models import AuditEvent, Payment, db
from tests.reliability.payment_loop import pay

CHINESE = {"LANG": "zh_CN.UTF-8"}


def reopen(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> None:
    db.close()
    if backend == "pg":
        open_database(url=request.getfixturevalue("pg_url"), key_path=tmp_path / "audit.key")
    else:
        open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "is missing"),
        ("", "is empty"),
        ("not a key at all\n", "line 1 is not 64 hexadecimal digits"),
        ("ab" * 31 + "\n", "line 1 is not 64 hexadecimal digits"),
        ("zz" * 32 + "\n", "line 1 is not 64 hexadecimal digits"),
    ],
)
def test_a_missing_or_damaged_key_stops_every_write_and_no_key_is_made(
    seeded: Database,
    backend: str,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    content: str | None,
    words: str,
) -> None:
    pay("1001000001", 100)
    key = tmp_path / "audit.key"
    key.unlink()
    if content is not None:
        key.write_text(content)
    payments = Payment.select().count()
    reopen(request, backend, tmp_path)  # the counter starts: no error yet, and no new key
    assert key.exists() == (content is not None)
    with pytest.raises(AuditKeyError) as info:
        pay("1001000001", 100)
    assert words in info.value.message
    assert "gasdesk key restore FILE" in info.value.message
    chinese = refusal_text(info.value, CHINESE)
    assert "审计密钥文件" in chinese and "gasdesk key restore" in chinese
    assert Payment.select().count() == payments
    assert key.exists() == (content is not None)  # nothing made a key
    result = audit_verify.verify()
    assert not result.ok
    assert "key_unusable" in result.counts


def test_verify_reports_a_missing_key_without_making_one(
    sqlite_seeded: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pay("1001000001", 100)
    db.close()
    key = tmp_path / "audit.key"
    key.unlink()
    args = ["--db", str(tmp_path / "gasdesk.db"), "--key", str(key), "--quick"]
    assert run_verify(args) == 1
    out = capsys.readouterr().out
    assert "The audit key file" in out and "is missing" in out
    assert not key.exists()


def test_verify_of_a_key_file_that_is_not_hex_gives_no_traceback(
    sqlite_seeded: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    key = tmp_path / "audit.key"
    key.write_text("this is not hex")
    args = ["--db", str(tmp_path / "gasdesk.db"), "--key", str(key), "--quick"]
    assert run_verify(args) == 1
    assert "is not 64 hexadecimal digits" in capsys.readouterr().out


@pytest.fixture
def cli(sqlite_seeded: Database, tmp_path: Path) -> list[str]:
    pay("1001000001", 100)
    db.close()
    return ["--db", str(tmp_path / "gasdesk.db"), "--key", str(tmp_path / "audit.key")]


def test_key_new_rotates_the_key_and_records_it_sealed_with_the_old_one(
    cli: list[str], tmp_path: Path
) -> None:
    old = (tmp_path / "audit.key").read_text().split()
    assert run_key([*cli, "new"]) == 0
    keys = (tmp_path / "audit.key").read_text().split()
    assert keys[0] == old[0] and len(keys) == 2  # the old key stays to check what it sealed
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    rotated = AuditEvent.select().order_by(AuditEvent.seq.desc()).first()
    assert rotated.kind == audit.KEY_ROTATED
    pay("1001000001", 100)  # sealed with the new key
    result = audit_verify.verify()
    assert result.ok, result.problems
    ring = audit.key_ring()
    assert ring is not None and result.keys == ring.fingerprints  # old, then new
    db.close()


def test_key_restore_puts_the_backup_back(cli: list[str], tmp_path: Path) -> None:
    saved = tmp_path / "usb" / "audit.key"
    saved.parent.mkdir()
    shutil.copy(tmp_path / "audit.key", saved)
    (tmp_path / "audit.key").unlink()
    assert run_key([*cli, "restore", str(saved)]) == 0
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    pay("1001000001", 100)
    assert audit_verify.verify().ok
    db.close()


def test_key_restore_refuses_another_databases_key(
    cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "foreign.key"
    foreign.write_text("cd" * 32 + "\n")
    (tmp_path / "audit.key").unlink()
    assert run_key([*cli, "restore", str(foreign)]) == 1
    assert "does not belong to this database" in capsys.readouterr().err
    assert not (tmp_path / "audit.key").exists()


def test_key_new_refuses_to_rotate_a_lost_key(
    cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "audit.key").unlink()
    assert run_key([*cli, "new"]) == 1
    assert "gasdesk key restore FILE" in capsys.readouterr().err
    assert not (tmp_path / "audit.key").exists()


def test_a_lost_key_is_replaced_only_on_request_and_verify_says_what_it_cannot_check(
    cli: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "audit.key").unlink()
    monkeypatch.setattr("builtins.input", lambda prompt="": "no")
    assert run_key([*cli, "new", "--lost"]) == 1
    assert not (tmp_path / "audit.key").exists()
    monkeypatch.setattr("builtins.input", lambda prompt="": "LOST")
    assert run_key([*cli, "new", "--lost"]) == 0
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    pay("1001000001", 100)
    result = audit_verify.verify()
    assert result.ok, result.problems
    assert [f.code for f in result.warnings] == ["key_lost"]
    assert result.warnings[0].item == "#1-#3"  # the anchor, the shift, the first payment
    db.close()


def test_a_working_key_is_not_replaced_as_lost(
    cli: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (tmp_path / "audit.key").read_text()
    assert run_key([*cli, "new", "--lost", "--yes"]) == 1
    assert "it is not lost" in capsys.readouterr().err
    assert (tmp_path / "audit.key").read_text() == before


def test_a_new_database_gets_its_key_when_it_is_made(tmp_path: Path) -> None:
    key = tmp_path / "new.db.key"
    open_database(tmp_path / "new.db")
    try:
        assert key.exists() and len(key.read_text().split()[0]) == 64
    finally:
        db.close()
