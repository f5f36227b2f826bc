"""Imported customers and readings are sealed in the audit chain: `verify` passes
after an import and names the import batch when an imported row is edited, deleted,
slipped into a batch or the batch itself is altered (an attacker holding the file,
every trigger dropped), on SQLite and PostgreSQL. What the counter's own forms change
on an account later (the holder's name) is not sealed and raises nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from peewee import Database

from gasdesk.domain.imports import ImportOptions
from gasdesk.services.imports import import_file
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Reading, db
from tests.import_support import (
    ACCOUNT_HEADER,
    READING_HEADER,
    account_rows,
    reading_rows,
    set_up,
    write_csv,
)
from tests.pg_support import backend, backend_database, pg_url  # noqa: F401
from tests.reliability.tamper_support import drop_every_trigger

OPTIONS = ImportOptions(imported_by="test", today=dt.date(2026, 11, 20))


@pytest.fixture
def imported(backend_database: Database, tmp_path: Path) -> dict[str, int]:  # noqa: F811
    set_up()
    accounts = import_file(
        "accounts", write_csv(tmp_path / "客户.csv", ACCOUNT_HEADER, account_rows(5)), OPTIONS
    )
    meters = [r[7] for r in account_rows(5)]
    readings = import_file(
        "readings",
        write_csv(
            tmp_path / "抄表.csv", READING_HEADER, reading_rows(meters, "2026-2-5", ["9"] * 5)
        ),
        OPTIONS,
    )
    assert accounts.batch_id and readings.batch_id
    assert audit_verify.verify().ok
    drop_every_trigger(backend_database)
    return {"accounts": accounts.batch_id, "readings": readings.batch_id}


def altered(batch: int) -> list[str]:
    result = audit_verify.verify()
    assert not result.ok
    return [
        f.item
        for f in result.findings
        if f.code == "import_altered" and f.item.startswith(f"{batch} ")
    ]


def test_an_edited_reading_names_its_batch(imported: dict[str, int]) -> None:
    db.execute_sql(
        "UPDATE reading SET value_l = value_l - 1000 WHERE id = (SELECT MIN(id) FROM reading)"
    )
    assert altered(imported["readings"]) == [f"{imported['readings']} (抄表.csv)"]


def test_a_deleted_reading(imported: dict[str, int]) -> None:
    db.execute_sql("DELETE FROM reading WHERE id = (SELECT MAX(id) FROM reading)")
    assert altered(imported["readings"])


def test_a_reading_slipped_into_a_batch(imported: dict[str, int]) -> None:
    first = Reading.select().order_by(Reading.id).first()
    Reading.insert(
        meter=first.meter_id,
        account=first.account_id,
        read_on=dt.date(2026, 3, 5),
        value_l=20000,
        source="reader",
        import_batch=imported["readings"],
    ).execute()
    assert altered(imported["readings"])


def test_an_imported_meter_and_account_number(imported: dict[str, int]) -> None:
    db.execute_sql("UPDATE meter SET initial_l = 5000 WHERE id = (SELECT MIN(id) FROM meter)")
    assert altered(imported["accounts"])


def test_an_account_number_changed(imported: dict[str, int]) -> None:
    db.execute_sql("UPDATE account SET number = '39000099' WHERE number = '39000003'")
    assert altered(imported["accounts"])


def test_the_batch_row_itself(imported: dict[str, int]) -> None:
    db.execute_sql("UPDATE import_batch SET imported_by = 'someone else'")
    assert altered(imported["accounts"]) and altered(imported["readings"])


def test_records_claiming_an_import_the_chain_does_not_record(imported: dict[str, int]) -> None:
    db.execute_sql("UPDATE reading SET import_batch_id = NULL")
    db.execute_sql(f"DELETE FROM import_batch WHERE id = {imported['readings']}")
    db.execute_sql(
        "INSERT INTO import_batch (id, kind, file_name, file_sha256, rows_new, rows_unchanged, "
        "imported_by, imported_at) VALUES (99, 'readings', 'x.csv', 'x', 1, 0, 'x', "
        "'2026-11-20 10:00:00')"
    )
    result = audit_verify.verify()
    codes = {f.code for f in result.findings}
    assert {"import_altered", "import_unsealed"} <= codes
    assert [f.item for f in result.findings if f.code == "import_unsealed"] == ["99"]


def test_what_the_counter_changes_later_raises_nothing(imported: dict[str, int]) -> None:
    db.execute_sql(
        "UPDATE account SET name = '孙悟空', phone = '13900000000', balance_fen = 0 "
        "WHERE number = '39000001'"
    )
    db.execute_sql("UPDATE meter SET last_verified = '2026-06-01', removed_on = '2026-07-01'")
    assert audit_verify.verify().ok
