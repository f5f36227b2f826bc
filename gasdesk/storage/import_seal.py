"""Sealing imported records in the audit chain, and checking them.

An import writes one `import.batch` event in its own transaction: the batch (file
name, its SHA-256, who imported it, when, how many rows were new and unchanged) and,
per table, the count and a SHA-256 digest of the rows the import created, read back
from the tables in id order. `gasdesk verify` recomputes the digests, so an imported
row that is edited, deleted, added to a batch or taken out of one breaks its seal.

The digests cover what no later operation at the counter changes:
- a reading: every column (readings are never edited; a correction is a new reading);
- a meter: its number, account, kind, model, installation date and initial reading
  (a meter change ends it with `removed_on` and installs another; a calibration sets
  `last_verified`: neither is sealed);
- an account: its number and opening date. The holder's name, ID number, phone,
  address, type, status and balance change through the counter's own forms and
  payments, which record themselves; what the file said is kept in the file whose
  hash the batch carries.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_history import Execute

IMPORT_KIND = "import.batch"
SEAL_VERSION = 1

SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "account": ("id", "number", "opened_on", "import_batch_id"),
    "meter": (
        "id",
        "number",
        "account_id",
        "kind",
        "model",
        "installed_on",
        "initial_l",
        "import_batch_id",
    ),
    "reading": (
        "id",
        "meter_id",
        "account_id",
        "read_on",
        "value_l",
        "source",
        "recorded_by_id",
        "created_at",
        "read_by",
        "import_batch_id",
    ),
}
BATCH_COLUMNS = (
    "id",
    "kind",
    "file_name",
    "file_sha256",
    "rows_new",
    "rows_unchanged",
    "imported_by",
    "staff_id",
    "office_id",
    "imported_at",
)


@dataclass(frozen=True)
class TableSeal:
    count: int
    digest: str

    def as_list(self) -> list[Any]:
        return [self.count, self.digest]


def digest_rows(rows: Iterable[Iterable[Any]]) -> TableSeal:
    """Count and digest of rows, each value as str() writes it (None as 'None'): the
    same text on SQLite and PostgreSQL (dates YYYY-MM-DD, times YYYY-MM-DD HH:MM:SS)."""
    h = hashlib.sha256()
    count = 0
    for row in rows:
        count += 1
        h.update(("|".join(map(str, row)) + "\n").encode())
    return TableSeal(count, h.hexdigest())


def table_seal(execute: Execute, mark: str, table: str, batch_id: int) -> TableSeal:
    columns = ", ".join(SEALED_COLUMNS[table])
    sql = f"SELECT {columns} FROM {table} WHERE import_batch_id = {mark} ORDER BY id"
    return digest_rows(execute(sql, (batch_id,)))


def batch_fields(execute: Execute, mark: str, batch_id: int) -> dict[str, str] | None:
    sql = f"SELECT {', '.join(BATCH_COLUMNS)} FROM import_batch WHERE id = {mark}"
    rows = list(execute(sql, (batch_id,)))
    if not rows:
        return None
    return {name: str(value) for name, value in zip(BATCH_COLUMNS, rows[0], strict=True)}


def seal_payload(execute: Execute, mark: str, batch_id: int) -> dict[str, Any]:
    """The `import.batch` event's payload for a batch just written."""
    fields = batch_fields(execute, mark, batch_id)
    if fields is None:
        raise RuntimeError(f"import batch {batch_id} is not there to seal")
    return {
        "v": SEAL_VERSION,
        "batch": batch_id,
        "fields": fields,
        "tables": {t: table_seal(execute, mark, t, batch_id).as_list() for t in SEALED_COLUMNS},
    }


def _has_imports(execute: Execute, mark: str) -> bool:
    """Whether the database has the import tables (a backup of an older version may
    not)."""
    if mark == "?":
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_batch'"
    else:
        sql = (
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = 'import_batch'"
        )
    return bool(list(execute(sql, ())))


def check_imports(c: Collector, chain: Any, execute: Execute, mark: str) -> None:
    """Each sealed batch against the tables as they are now, and no imported record
    or batch that the chain does not seal."""
    if not _has_imports(execute, mark):
        for e in chain.of(IMPORT_KIND):
            c.add("import_altered", f"#{e.seq}", f"event {e.seq}: the import tables are gone")
        return
    sealed: set[int] = set()
    for e in chain.of(IMPORT_KIND):
        p = e.payload
        batch = p.get("batch")
        tables = p.get("tables")
        if not isinstance(batch, int) or not isinstance(tables, dict):
            c.add("import_altered", f"#{e.seq}", f"event {e.seq} does not name an import", e.seq)
            continue
        sealed.add(batch)
        fields = batch_fields(execute, mark, batch)
        item = f"{batch} ({(fields or p.get('fields') or {}).get('file_name', '?')})"
        if fields != p.get("fields"):
            what = "deleted" if fields is None else "altered"
            c.add("import_altered", item, f"import batch {batch} was {what} (event {e.seq})", e.seq)
        for table in SEALED_COLUMNS:
            now = table_seal(execute, mark, table, batch).as_list()
            was = tables.get(table)
            if now != was:
                c.add(
                    "import_altered",
                    item,
                    f"import batch {batch} (event {e.seq}): its {table} rows differ from the "
                    f"seal ({now[0]} rows now, {was[0] if isinstance(was, list) else '?'} sealed)",
                    e.seq,
                )
    claimed: set[int] = {int(b) for (b,) in execute("SELECT id FROM import_batch", ())}
    for table in SEALED_COLUMNS:
        sql = f"SELECT DISTINCT import_batch_id FROM {table} WHERE import_batch_id IS NOT NULL"
        claimed |= {int(b) for (b,) in execute(sql, ())}
    for batch in sorted(claimed - sealed):
        c.add(
            "import_unsealed",
            str(batch),
            f"import batch {batch} has records or a batch row but no import.batch event",
        )
