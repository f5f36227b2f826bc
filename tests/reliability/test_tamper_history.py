"""A database sealed by an older version: its blocks digest fewer columns (no `"v"`)
and it has no `history.state`. It still verifies; its first write records the
coverage of its closed days and balances, which from then on are checked too."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from peewee import Database

from gasdesk.storage import audit, audit_history, audit_verify
from gasdesk.storage.models import AuditEvent, Staff, db
from tests.pg_support import open_test_database
from tests.reliability.tamper_support import drop_every_trigger
from tests.reliability.test_tamper import open_ms01_shift


@pytest.fixture
def older(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Database]:
    """The demo set of 30 accounts sealed as the version before `history.state`."""
    from gasdesk.demo.generate import generate

    url = request.getfixturevalue("pg_url") if backend == "pg" else None
    database = open_test_database(backend, tmp_path, url)
    real_append = audit.append

    def append_as_before(kind: str, **fields: Any) -> Any:
        if kind == audit.STATE_KIND:
            return None  # that version recorded no state
        if kind == audit.HISTORY_KIND:
            fields.pop("v")
        return real_append(kind, **fields)

    with monkeypatch.context() as m:
        m.setattr(audit_history, "HISTORY_VERSION", 1)
        m.setattr(audit, "append", append_as_before)
        generate(30, seed=5, today=dt.date(2026, 11, 20))
    audit.open_chain(  # the next start of the counter, on this version
        tmp_path / "audit.key", audit.anchor_path(), audit.anchor_node(), create_key=False
    )
    yield database
    database.close()


def test_an_older_seal_verifies_and_the_first_write_records_the_coverage(
    older: Database,
) -> None:
    assert not AuditEvent.select().where(AuditEvent.kind == audit.STATE_KIND).exists()
    blocks = AuditEvent.select().where(AuditEvent.kind == audit.HISTORY_KIND)
    assert all("v" not in json.loads(b.payload_json) for b in blocks)
    result = audit_verify.verify()
    assert result.ok, result.problems
    open_ms01_shift()  # the first write after the upgrade
    state = AuditEvent.select().where(AuditEvent.kind == audit.STATE_KIND).get()
    assert json.loads(state.payload_json)["source"] == "coverage starts here"
    assert audit_verify.verify().ok
    drop_every_trigger(db.obj)
    office = Staff.get(Staff.badge == "MS01").office_id
    (day,) = db.execute_sql(
        f"SELECT MAX(business_date) FROM business_day WHERE office_id = {office}"
    ).fetchone()
    db.execute_sql(
        f"UPDATE business_day SET closed_at = NULL WHERE office_id = {office} "
        f"AND business_date = '{day}'"
    )
    result = audit_verify.verify()
    assert not result.ok
    assert [f.item for f in result.findings if f.code == "day_reopened"] == [f"MS {day}"]
