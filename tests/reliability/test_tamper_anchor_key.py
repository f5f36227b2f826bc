"""Issue items 3 and 4, as they were seen: the audit tail truncated and the anchor file
deleted; `verify --key` naming a copy of the key elsewhere; the key file replaced, the
chain sealed again and a new anchor written. Every trigger is dropped first. Runs on
SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database, PostgresqlDatabase

from gasdesk.cli_admin import run_verify
from gasdesk.storage import audit, audit_verify, backup
from gasdesk.storage.db import open_database
from gasdesk.storage.models import AuditEvent, Payment, db
from tests.reliability.payment_loop import pay
from tests.reliability.tamper_support import drop_every_trigger, reseal

AMOUNT = 1_234


@pytest.fixture
def paid(seeded: Database) -> Database:
    """The anchor started and a shift opened (by the seed), then four payments."""
    for _ in range(4):
        pay("1001000001", AMOUNT)
    assert audit_verify.verify().ok
    return seeded


def codes(result: audit_verify.VerifyResult) -> set[str]:
    return set(result.counts)


def truncate_last_payment(database: Database) -> None:
    """Remove the newest payment with everything that points at it, and its event:
    what is left is consistent in itself."""
    last = Payment.select().order_by(Payment.id.desc()).first()
    seq = audit.head()[0]
    code = json.loads(AuditEvent.get(AuditEvent.seq == seq).payload_json)["receipt"]
    series, _, number = code.rpartition("-")
    database.execute_sql(f"DELETE FROM receipt WHERE payment_id = {last.id}")
    database.execute_sql(f"DELETE FROM payment WHERE id = {last.id}")
    database.execute_sql(
        f"UPDATE receipt_counter SET last = {int(number) - 1} WHERE series = '{series}'"
    )
    database.execute_sql(
        f"UPDATE account SET balance_fen = balance_fen - {AMOUNT} WHERE id = {last.account_id}"
    )
    AuditEvent.delete().where(AuditEvent.seq == seq).execute()


def reopen(request: pytest.FixtureRequest, tmp_path: Path, key: Path) -> None:
    """Open the same database again, naming `key` as the key file."""
    url = request.getfixturevalue("pg_url") if isinstance(db.obj, PostgresqlDatabase) else None
    db.close()
    if url:
        open_database(url=url, key_path=key)
    else:
        open_database(tmp_path / "gasdesk.db", key_path=key)


# --- item 3: the truncated tail -----------------------------------------------------


def test_a_truncated_tail_with_its_anchor_deleted_is_caught(paid: Database) -> None:
    drop_every_trigger(paid)
    truncate_last_payment(paid)
    assert audit_verify.verify(use_anchor_file=False).ok  # consistent in itself
    anchor = audit.anchor_path()
    assert anchor is not None
    anchor.unlink()
    result = audit_verify.verify()
    assert not result.ok
    assert "anchor_missing" in codes(result)


def test_the_anchor_is_found_beside_the_database_when_the_key_is_a_copy_elsewhere(
    paid: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    anchor = audit.anchor_path()
    copy = tmp_path / "elsewhere" / "copy.key"
    copy.parent.mkdir()
    shutil.copy(tmp_path / "audit.key", copy)
    drop_every_trigger(paid)
    truncate_last_payment(paid)
    reopen(request, tmp_path, copy)
    assert audit.anchor_path() == anchor
    assert not (copy.parent / "copy.head").exists()
    result = audit_verify.verify()
    assert not result.ok
    assert "chain_truncated" in codes(result)


def test_verify_key_copy_on_the_command_line_catches_the_truncation(
    sqlite_seeded: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(4):
        pay("1001000001", AMOUNT)
    copy = tmp_path / "usb" / "copy.key"
    copy.parent.mkdir()
    shutil.copy(tmp_path / "audit.key", copy)
    drop_every_trigger(sqlite_seeded)
    truncate_last_payment(sqlite_seeded)
    db.close()
    assert run_verify(["--db", str(tmp_path / "gasdesk.db"), "--key", str(copy), "--quick"]) == 1
    out = capsys.readouterr().out
    assert "truncated" in out


def test_an_anchor_deleted_under_a_running_counter_is_recorded_when_it_starts_again(
    paid: Database,
) -> None:
    anchor = audit.anchor_path()
    assert anchor is not None
    anchor.unlink()
    pay("1001000001", AMOUNT)  # the counter goes on; the anchor starts again, on record
    assert anchor.exists()
    restarted = AuditEvent.select().where(AuditEvent.kind == audit.ANCHOR_RESTARTED)
    assert [json.loads(e.payload_json)["head_seq"] for e in restarted] == [6]
    result = audit_verify.verify()
    assert result.ok  # the chain holds, but the supervisor is told
    assert [f.code for f in result.warnings] == ["anchor_restarted"]


# --- item 4: a substituted key, the chain sealed again ------------------------------


def test_a_chain_sealed_again_with_a_new_key_is_caught_by_the_fingerprints_it_records(
    paid: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    drop_every_trigger(paid)
    reseal(paid, tmp_path / "audit.key", rewrite_fingerprints=False)
    reopen(request, tmp_path, tmp_path / "audit.key")
    audit.reset_anchor()  # a new anchor, sealed with the new key
    assert audit.read_anchor() is not None
    result = audit_verify.verify()
    assert not result.ok
    assert "key_recorded_differs" in codes(result)


def test_a_chain_sealed_again_throughout_is_caught_by_another_counters_key(
    paid: Database, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """With PostgreSQL every counter keeps its own copy of the key (and its anchor):
    one counter's key replaced and the shared chain sealed again, the next counter's
    verify finds it."""
    other_counter = tmp_path / "counter2.key"
    shutil.copy(tmp_path / "audit.key", other_counter)
    drop_every_trigger(paid)
    reseal(paid, tmp_path / "audit.key", rewrite_fingerprints=True)
    reopen(request, tmp_path, tmp_path / "audit.key")
    audit.reset_anchor()
    assert audit_verify.verify().ok  # on the attacked counter nothing shows ...
    reopen(request, tmp_path, other_counter)
    result = audit_verify.verify()
    assert not result.ok  # ... on the other counter the whole chain fails its key
    assert "key_wrong" in codes(result)


def test_a_chain_sealed_again_throughout_is_caught_by_the_backups(
    sqlite_seeded: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With SQLite the backups (on other media) keep the head: a chain sealed again
    with another key no longer holds the head a backup recorded."""
    for _ in range(2):
        pay("1001000001", AMOUNT)
    folder = tmp_path / "backups"
    backup.make_backup(folder, "MS", keep=30)
    pay("1001000001", AMOUNT)
    drop_every_trigger(sqlite_seeded)
    reseal(sqlite_seeded, tmp_path / "audit.key", rewrite_fingerprints=True)
    db.close()
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    audit.reset_anchor()
    assert audit_verify.verify().ok  # the file, its key and its anchor agree with each other
    db.close()
    args = ["--db", str(tmp_path / "gasdesk.db"), "--key", str(tmp_path / "audit.key")]
    assert run_verify([*args, "--quick", "--no-backups"]) == 0
    capsys.readouterr()
    assert run_verify([*args, "--quick", "--backups", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "differs from the head" in out and "gasdesk-MS-" in out


@pytest.fixture
def restored(sqlite_seeded: Database, tmp_path: Path) -> Iterator[Path]:
    """A backup, two more payments, then the backup restored: the backups made from
    the chain the restore replaced must not raise an alarm."""
    pay("1001000001", AMOUNT)
    folder = tmp_path / "backups"
    first = backup.make_backup(folder, "MS", keep=30).path
    pay("1001000001", AMOUNT)
    backup.make_backup(folder, "MS", keep=30)
    db.close()
    info = backup.restore(first, tmp_path / "gasdesk.db")
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    backup.after_restore(info)
    pay("1001000001", AMOUNT)
    yield folder


def test_backups_of_a_chain_replaced_by_a_restore_raise_no_alarm(
    restored: Path, tmp_path: Path
) -> None:
    db.close()
    args = ["--db", str(tmp_path / "gasdesk.db"), "--key", str(tmp_path / "audit.key")]
    assert run_verify([*args, "--quick", "--backups", str(restored)]) == 0


def test_backups_of_another_database_in_the_folder_raise_no_alarm(
    sqlite_seeded: Database, tmp_path: Path
) -> None:
    from tests.reliability.seed import seed

    folder = tmp_path / "backups"
    db.close()
    other = tmp_path / "other"
    other.mkdir()
    open_database(other / "gasdesk.db", key_path=other / "audit.key")
    seed()
    pay("1001000001", AMOUNT)
    pay("1001000001", AMOUNT)
    backup.make_backup(folder, "MS", keep=30)  # a longer chain of its own
    db.close()
    open_database(tmp_path / "gasdesk.db", key_path=tmp_path / "audit.key")
    pay("1001000001", AMOUNT)
    backup.make_backup(folder, "MS", keep=30)
    db.close()
    args = ["--db", str(tmp_path / "gasdesk.db"), "--key", str(tmp_path / "audit.key")]
    assert run_verify([*args, "--quick", "--backups", str(folder)]) == 0
