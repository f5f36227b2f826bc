"""Tampering with the database as someone holding the file (or the database login)
would: drop the append-only triggers, then edit an amount, delete a row, swap two
rows, truncate the tail. `audit_verify.verify()` catches each and names the first bad
sequence number. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import Database, PostgresqlDatabase

from gasdesk.storage import audit, audit_history, audit_verify
from gasdesk.storage.db import write_transaction
from gasdesk.storage.errors import describe, kind
from gasdesk.storage.migrations import APPEND_ONLY_TABLES
from gasdesk.storage.models import AuditEvent, Counter, Payment, Staff
from tests.helpers import open_test_shift
from tests.pg_support import open_test_database
from tests.reliability.payment_loop import pay

AMOUNT = 1_234


@pytest.fixture
def history(seeded: Database) -> Database:
    """Twelve events: the anchor started and the teller's shift opened (by the seed),
    then other events (odd numbers) alternating with payments (even numbers)."""
    assert audit.head()[0] == 2
    for i in range(5):
        with write_transaction():
            audit.append("note", staff_id=None, office_id=None, n=i)
        pay("1001000001", AMOUNT)
    assert audit_verify.verify().ok
    assert audit.head()[0] == 12
    return seeded


def drop_triggers(database: Database) -> None:
    for table in APPEND_ONLY_TABLES:
        if isinstance(database, PostgresqlDatabase):
            database.execute_sql(f"DROP TRIGGER {table}_append_only ON {table}")
            database.execute_sql(f"DROP TRIGGER {table}_no_truncate ON {table}")
        else:
            database.execute_sql(f"DROP TRIGGER {table}_no_update")
            database.execute_sql(f"DROP TRIGGER {table}_no_delete")


def hash_of(seq: int) -> str:
    return str(AuditEvent.get(AuditEvent.seq == seq).hash)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE payment SET amount_fen = 1",
        "DELETE FROM payment",
        "UPDATE receipt SET number = number + 1",
        "DELETE FROM receipt",
        "UPDATE audit_event SET payload_json = '{}'",
        "DELETE FROM audit_event",
    ],
)
def test_triggers_refuse_update_and_delete(history: Database, sql: str) -> None:
    with pytest.raises(Exception) as info, write_transaction():
        history.execute_sql(sql)
    assert kind(info.value) == "append_only"
    assert "cannot be changed or deleted" in describe(info.value)
    assert audit_verify.verify().ok


def test_edited_amount_in_an_audit_event_is_caught(history: Database) -> None:
    drop_triggers(history)
    ev = AuditEvent.get(AuditEvent.seq == 4)
    payload = json.loads(ev.payload_json)
    assert payload["amount_fen"] == AMOUNT
    payload["amount_fen"] = 34
    AuditEvent.update(payload_json=audit.canonical(payload)).where(AuditEvent.seq == 4).execute()
    result = audit_verify.verify()
    assert not result.ok
    assert result.first_bad_seq == 4
    assert "event 4 (payment) was altered" in result.summary


def test_edited_amount_in_a_payment_row_is_caught(history: Database) -> None:
    drop_triggers(history)
    victim = Payment.select().order_by(Payment.id).first()
    Payment.update(amount_fen=34).where(Payment.id == victim.id).execute()
    result = audit_verify.verify()
    assert not result.ok
    assert any(f"payment #{victim.id} amount 34 differs" in p for p in result.problems)


def test_deleted_audit_row_is_caught(history: Database) -> None:
    drop_triggers(history)
    AuditEvent.delete().where(AuditEvent.seq == 5).execute()
    result = audit_verify.verify()
    assert not result.ok
    assert result.first_bad_seq == 5
    assert "events 5 are missing" in result.problems[0]


def test_deleted_payment_row_is_caught(history: Database) -> None:
    drop_triggers(history)
    victim = Payment.select().order_by(Payment.id.desc()).first()
    history.execute_sql(f"DELETE FROM receipt WHERE payment_id = {victim.id}")
    history.execute_sql(f"DELETE FROM payment WHERE id = {victim.id}")
    result = audit_verify.verify()
    assert not result.ok
    assert any(f"payment #{victim.id} recorded by audit event" in p for p in result.problems)


def test_swapped_rows_are_caught(history: Database) -> None:
    drop_triggers(history)
    AuditEvent.update(seq=-1).where(AuditEvent.seq == 3).execute()
    AuditEvent.update(seq=3).where(AuditEvent.seq == 7).execute()
    AuditEvent.update(seq=7).where(AuditEvent.seq == -1).execute()
    result = audit_verify.verify()
    assert not result.ok
    assert result.first_bad_seq == 3


def test_truncated_tail_is_caught_by_the_anchor_file(history: Database) -> None:
    """The attacker removes the last payment with its receipt, sets the receipt counter
    back and removes every event from seq 11 on: chain and rows are consistent with
    each other again ..."""
    drop_triggers(history)
    truncate_last_payment(history)
    assert audit_verify.verify(use_anchor_file=False).ok
    # ... but the head kept outside the database is gone
    result = audit_verify.verify()
    assert not result.ok
    assert result.first_bad_seq == 11
    assert "truncated" in result.summary


def truncate_last_payment(database: Database) -> None:
    """Cut the chain back to seq 10 and remove what the events cut off recorded."""
    last = Payment.select().order_by(Payment.id.desc()).first()
    code = json.loads(AuditEvent.get(AuditEvent.seq == 12).payload_json)["receipt"]
    series, _, number = code.rpartition("-")
    database.execute_sql(f"DELETE FROM receipt WHERE payment_id = {last.id}")
    database.execute_sql(f"DELETE FROM payment WHERE id = {last.id}")
    database.execute_sql(
        f"UPDATE receipt_counter SET last = {int(number) - 1} WHERE series = '{series}'"
    )
    database.execute_sql(
        f"UPDATE account SET balance_fen = balance_fen - {AMOUNT} WHERE id = {last.account_id}"
    )
    AuditEvent.delete().where(AuditEvent.seq > 10).execute()


def test_truncated_tail_is_caught_by_a_recorded_head(history: Database) -> None:
    """A day report's printed head works as an anchor too."""
    recorded = (9, hash_of(9))
    drop_triggers(history)
    AuditEvent.delete().where(AuditEvent.seq > 6).execute()
    result = audit_verify.verify([recorded], use_anchor_file=False)
    assert not result.ok
    assert result.first_bad_seq == 7


def test_altered_anchor_file_is_reported(history: Database) -> None:
    path = audit.anchor_path()
    assert path is not None
    data = json.loads(path.read_text())
    data["seq"] = 3
    path.write_text(json.dumps(data))
    result = audit_verify.verify()
    assert not result.ok
    assert "anchor file" in result.problems[0]


def test_anchor_follows_each_commit_and_a_rolled_back_event_does_not_move_it(
    history: Database,
) -> None:
    assert audit.read_anchor() == audit.Anchor(12, hash_of(12), hash_of(1))
    with pytest.raises(ZeroDivisionError), write_transaction():
        audit.append("test", staff_id=None, office_id=None)
        raise ZeroDivisionError
    assert audit.read_anchor().seq == 12  # type: ignore[union-attr]
    assert audit.head()[0] == 12
    with write_transaction():
        audit.append("test", staff_id=None, office_id=None)
    assert audit.read_anchor().seq == 13  # type: ignore[union-attr]


def test_many_events_in_one_transaction_write_the_anchor_once(
    history: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[int] = []
    real = audit.write_anchor
    monkeypatch.setattr(audit, "write_anchor", lambda a: (writes.append(a.seq), real(a)))
    with write_transaction():
        for n in range(50):
            audit.append("bulk", staff_id=None, office_id=None, n=n)
    assert writes == [62]
    assert audit_verify.verify().ok


def test_an_event_undone_with_its_savepoint_is_not_anchored(history: Database) -> None:
    with write_transaction():
        audit.append("kept", staff_id=None, office_id=None)
        with pytest.raises(ZeroDivisionError), write_transaction():
            audit.append("undone", staff_id=None, office_id=None)
            raise ZeroDivisionError
    assert audit.head()[0] == 13
    assert audit.read_anchor().seq == 13  # type: ignore[union-attr]
    assert audit_verify.verify().ok


# --- history loaded without the counter (the demo data set, a migration) ------------

BLOCK = 100  # small blocks, so that a change is pinned to one block of several


@pytest.fixture
def sealed(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """A demo data set of 30 accounts, its history sealed in blocks of 100 payments."""
    from gasdesk.demo.generate import generate

    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    database = open_test_database(backend, tmp_path, url)
    monkeypatch.setattr(audit, "HISTORY_BLOCK", BLOCK)
    generate(30, seed=5, today=dt.date(2026, 11, 20))
    yield database
    database.close()


def block_of(payment_id: int) -> tuple[int, int]:
    first = (payment_id - 1) // BLOCK * BLOCK + 1
    return first, first + BLOCK - 1


def test_demo_history_is_sealed_block_by_block_and_verifies(sealed: Database) -> None:
    payments, total = sealed.execute_sql("SELECT COUNT(*), SUM(amount_fen) FROM payment").fetchone()
    top = Payment.select().order_by(Payment.id.desc()).first().id
    kinds = [e.kind for e in AuditEvent.select().order_by(AuditEvent.seq)]
    assert kinds[0] == "anchor_started"
    assert kinds[-2:] == [audit.STATE_KIND, "cards.registered"]  # the IC cards come last
    assert set(kinds[1:-2]) == {audit.HISTORY_KIND}
    events = [
        json.loads(e.payload_json)
        for e in AuditEvent.select().where(AuditEvent.kind == audit.HISTORY_KIND)
    ]
    assert payments > 3 * BLOCK
    assert [(e["first"], e["last"]) for e in events] == [
        (first, min(first + BLOCK - 1, top)) for first in range(1, top + 1, BLOCK)
    ]
    assert sum(e["count"] for e in events) == payments
    assert sum(e["total_fen"] for e in events) == total
    result = audit_verify.verify()
    assert result.ok, result.problems
    assert result.events == len(kinds)


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE payment SET amount_fen = amount_fen + 1 WHERE id = {id}", "total"),
        ("UPDATE payment SET account_id = account_id + 1 WHERE id = {id}", "altered"),
        ("UPDATE receipt SET number = number + 100000 WHERE payment_id = {id}", "altered"),
        ("DELETE FROM receipt WHERE payment_id = {id}", "altered"),
        (
            "DELETE FROM payment_bill WHERE payment_id = {id}; "
            "DELETE FROM receipt WHERE payment_id = {id}; DELETE FROM payment WHERE id = {id}",
            "payments where",
        ),
    ],
)
def test_a_changed_imported_payment_breaks_its_block(
    sealed: Database, sql: str, problem: str
) -> None:
    drop_triggers(sealed)
    victim = 2 * BLOCK + 17
    for statement in sql.format(id=victim).split("; "):
        sealed.execute_sql(statement)
    result = audit_verify.verify()
    assert not result.ok
    first, last = block_of(victim)
    assert result.first_bad_seq == 4  # the third block's event (the anchor started first)
    assert f"imported payments #{first}-#{last} (event 4)" in result.problems[0]
    assert problem in result.problems[0]
    blocks = [p for p in result.problems if "imported payments" in p]
    assert len(blocks) == 1  # the other blocks still hold


def test_an_altered_seal_breaks_the_chain(sealed: Database) -> None:
    drop_triggers(sealed)
    ev = AuditEvent.get(AuditEvent.seq == 2)
    payload = json.loads(ev.payload_json)
    payload["total_fen"] += 100
    AuditEvent.update(payload_json=audit.canonical(payload)).where(AuditEvent.seq == 2).execute()
    result = audit_verify.verify()
    assert not result.ok and result.first_bad_seq == 2
    assert "event 2 (history.import) was altered" in result.problems[0]


def open_ms01_shift() -> None:
    """MS01's shift at Mengshui counter 1, today: a counter payment needs one."""
    teller = Staff.get(Staff.badge == "MS01")
    open_test_shift(
        teller.id, Counter.get((Counter.office == teller.office) & (Counter.number == 1)).id
    )


def test_counter_payments_after_the_seal_carry_their_own_events(sealed: Database) -> None:
    account = Payment.select().order_by(Payment.id).first().account
    open_ms01_shift()
    with write_transaction():
        audit.append("note", staff_id=None, office_id=None, n=1)
    pay(account.number, AMOUNT, badge="MS01")
    assert audit_verify.verify().ok
    newest = Payment.select().order_by(Payment.id.desc()).first()
    drop_triggers(sealed)
    Payment.update(amount_fen=34).where(Payment.id == newest.id).execute()
    result = audit_verify.verify()
    assert not result.ok
    assert any(f"payment #{newest.id} amount 34 differs" in p for p in result.problems)


def test_history_is_sealed_only_before_the_first_counter_payment(sealed: Database) -> None:
    account = Payment.select().order_by(Payment.id).first().account
    open_ms01_shift()
    pay(account.number, AMOUNT, badge="MS01")
    before = audit.head()
    with pytest.raises(RuntimeError, match="before the first counter payment"), write_transaction():
        audit_history.seal_history("a second load")
    assert audit.head() == before
