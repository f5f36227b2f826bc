"""Migration 50: the end-of-day tables, append-only, applied even after a higher number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee
import pytest

from gasdesk.storage.db import open_database
from gasdesk.storage.migrations import migrate
from gasdesk.storage.models import SchemaVersion, Shift, db
from gasdesk.storage.models_dayend import DAYEND_MODELS, CashCount, CashMovement
from tests.dayend_support import seed


def test_counts_and_movements_cannot_be_edited_or_deleted(empty_database: Path) -> None:
    setup = seed()
    shift = Shift.create(
        office=setup.office_id,
        counter=setup.counter_ids[0],
        staff=setup.teller_id,
        business_date=dt.date(2026, 11, 20),
    )
    count = CashCount.create(shift=shift, purpose="close", staff=setup.teller_id, total_fen=100)
    move = CashMovement.create(
        shift=shift, direction="out", amount_fen=100, reason="银行存款", staff=setup.teller_id
    )
    for query in (
        CashCount.update(total_fen=0).where(CashCount.id == count.id),
        CashCount.delete().where(CashCount.id == count.id),
        CashMovement.update(amount_fen=1).where(CashMovement.id == move.id),
        CashMovement.delete().where(CashMovement.id == move.id),
    ):
        with pytest.raises(peewee.IntegrityError, match="append-only"):
            query.execute()
    assert CashCount.get_by_id(count.id).total_fen == 100
    assert CashMovement.get_by_id(move.id).amount_fen == 100


def test_migration_50_is_applied_when_a_higher_number_is_already_recorded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    database = open_database(path, key_path=tmp_path / "k")
    tables = [t._meta.table_name for t in DAYEND_MODELS]
    for t in reversed(tables):
        database.execute_sql(f"DROP TABLE {t}")
    SchemaVersion.delete().where(SchemaVersion.version == 50).execute()
    assert max(v.version for v in SchemaVersion.select()) > 50
    db.close()
    database = open_database(path, key_path=tmp_path / "k")
    assert set(tables) <= set(database.get_tables())
    assert SchemaVersion.get_or_none(SchemaVersion.version == 50) is not None
    assert migrate(database) == []  # nothing left to apply
    db.close()
