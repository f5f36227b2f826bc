"""The transaction helpers on both backends: gapless numbering undone with its
transaction, retries of a real serialization failure, no retry of a fault a retry
cannot cure."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import Database, PostgresqlDatabase

from gasdesk.storage import audit, audit_verify
from gasdesk.storage.db import run_in_transaction, write_transaction
from gasdesk.storage.errors import kind
from gasdesk.storage.models import AuditEvent, ReceiptCounter
from gasdesk.storage.numbering import next_number


def test_numbers_are_gapless_and_an_undone_transaction_gives_its_number_back(
    seeded: Database,
) -> None:
    with write_transaction():
        assert next_number("MS-2026") == 1
        assert next_number("WC-2026") == 1
    with pytest.raises(ZeroDivisionError), write_transaction():
        assert next_number("MS-2026") == 2
        raise ZeroDivisionError
    with write_transaction():
        assert next_number("MS-2026") == 2
    assert ReceiptCounter.get_by_id("MS-2026").last == 2


def test_numbering_and_audit_refuse_to_run_outside_a_transaction(seeded: Database) -> None:
    with pytest.raises(RuntimeError):
        next_number("MS-2026")
    with pytest.raises(RuntimeError):
        audit.append("x", staff_id=None, office_id=None)
    with write_transaction(), pytest.raises(RuntimeError):
        run_in_transaction(lambda: None)


def _raise_serialization_failure(database: Database) -> None:
    if not isinstance(database, PostgresqlDatabase):
        pytest.skip(
            "SQLite serialises writers at BEGIN IMMEDIATE (busy retry: test_storage_faults)"
        )
    # raised by the server itself, so it travels through psycopg2 and peewee as a real one
    database.execute_sql(
        "DO $$ BEGIN RAISE EXCEPTION 'could not serialize access due to concurrent update' "
        "USING ERRCODE = 'serialization_failure'; END $$"
    )


def test_a_serialization_failure_is_retried_and_the_work_done_once(seeded: Database) -> None:
    attempts: list[int] = []
    events = AuditEvent.select().count()

    def work() -> int:
        attempts.append(1)
        audit.append("test", staff_id=None, office_id=None, attempt=len(attempts))
        if len(attempts) < 3:
            _raise_serialization_failure(seeded)
        return len(attempts)

    assert run_in_transaction(work, backoff_s=0.001) == 3
    assert AuditEvent.select().count() == events + 1
    assert audit_verify.verify().ok


def test_a_conflict_that_never_clears_gives_up_after_the_retries(seeded: Database) -> None:
    attempts: list[int] = []

    def work() -> None:
        attempts.append(1)
        _raise_serialization_failure(seeded)

    with pytest.raises(Exception) as info:
        run_in_transaction(work, retries=2, backoff_s=0.001)
    assert kind(info.value) in ("serialization", "busy")
    assert len(attempts) == 3


def test_other_failures_are_not_retried(seeded: Database) -> None:
    attempts: list[int] = []

    def work() -> None:
        attempts.append(1)
        raise ValueError("bad input")

    with pytest.raises(ValueError):
        run_in_transaction(work)
    assert attempts == [1]


@pytest.mark.postgres
def test_a_template_database_is_copied_per_test_with_its_chain(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The helpers that let a slow data set be built once per session on PostgreSQL."""
    from gasdesk.storage.db import open_database
    from gasdesk.storage.models import Account, db
    from tests.pg_support import pg_clone, pg_template
    from tests.reliability.payment_loop import pay
    from tests.reliability.seed import seed

    key = tmp_path / "audit.key"
    template = pg_template(pg_url, "seeded", key, seed)
    for _ in (1, 2):
        open_database(url=pg_clone(template, "copy"), key_path=key)
        assert Account.select().count() == 6
        first = f"MS-{dt.date.today().year}-000001"
        assert pay("1001000001", 100) == first  # each copy starts afresh
        assert audit_verify.verify(use_anchor_file=False).ok
        db.close()
