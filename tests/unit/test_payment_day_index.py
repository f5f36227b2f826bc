"""Payments of an office on a business day are found through their own index (today's
list, the day report and the day close ask for them), also in a database made before
the index existed."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from gasdesk.storage.db import open_database
from gasdesk.storage.models import db

QUERY = "SELECT id FROM payment WHERE office_id = ? AND business_date = ? ORDER BY id DESC"


def _plan(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        rows = con.execute("EXPLAIN QUERY PLAN " + QUERY, (1, dt.date(2026, 11, 20))).fetchall()
        return " ".join(str(r[-1]) for r in rows)
    finally:
        con.close()


def test_the_day_of_an_office_is_read_through_its_index(database: Path) -> None:
    db.close()
    assert "payment_office_business_date" in _plan(database)


def test_an_older_database_gets_the_index_when_opened(database: Path) -> None:
    db.close()
    con = sqlite3.connect(database)
    con.execute("DROP INDEX payment_office_business_date")
    con.execute("DELETE FROM gasdesk_schema WHERE version = 90")
    con.commit()
    con.close()
    assert "payment_office_business_date" not in _plan(database)
    open_database(database)
    db.close()
    assert "payment_office_business_date" in _plan(database)
