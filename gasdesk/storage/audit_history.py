"""History loaded from elsewhere (the demo data set, or payments migrated from an older
system) never passed through the counter and has no event per payment. It is sealed
once, when it is loaded, by `seal_history()`:

- one `history.import` event per block of HISTORY_BLOCK payment ids, carrying the
  block's count, total and a SHA-256 digest of its rows. Blocks sealed now (`"v": 2`)
  digest every column of the payment, its receipt and its bill settlements; blocks
  sealed by earlier versions (no `v`) digest what those covered (account, office,
  business date, kind, method, amount, receipt) and are checked that way;
- one `history.state` event with what else the load brought: the business days it
  closed (a digest of the rows and the list of closed days) and the prepaid balances
  the payments do not explain (opening balances; none for the demo).

A database sealed before the state was recorded gets its `history.state` once, at its
first write afterwards ("coverage starts here", audit.append).

`verify()` recomputes each block and the state from the tables, so an imported payment,
receipt, settlement or closed day that is edited, added or deleted breaks its seal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gasdesk.storage import audit
from gasdesk.storage.audit_state import Execute, db_execute, state_payload
from gasdesk.storage.models import db

HISTORY_VERSION = 2
# the rows a version-1 block's digest covers; {p} is the driver's parameter mark
HISTORY_SQL = (
    "SELECT p.id, p.account_id, p.office_id, p.business_date, p.kind, p.method, "
    "p.amount_fen, r.series, r.number FROM payment p "
    "LEFT JOIN receipt r ON r.payment_id = p.id "
    "WHERE p.id BETWEEN {p} AND {p} ORDER BY p.id"
)
PAYMENT_COLUMNS = (
    "id",
    "account_id",
    "office_id",
    "counter_id",
    "staff_id",
    "shift_id",
    "business_date",
    "kind",
    "method",
    "amount_fen",
    "tendered_fen",
    "change_fen",
    "volume_l",
    "reference",
    "idempotency_key",
    "voids_id",
    "reason",
    "authorised_by_id",
    "created_at",
    "lines_json",
)
HISTORY_SQL_V2 = (
    "SELECT "
    + ", ".join(f"p.{c}" for c in PAYMENT_COLUMNS)
    + ", r.series, r.number FROM payment p LEFT JOIN receipt r ON r.payment_id = p.id "
    "WHERE p.id BETWEEN {p} AND {p} ORDER BY p.id"
)
SETTLEMENT_SQL = (
    "SELECT payment_id, bill_id, amount_fen FROM payment_bill "
    "WHERE payment_id BETWEEN {p} AND {p} ORDER BY payment_id"  # each payment's sorted here
)
AMOUNT_V1 = 6
AMOUNT_V2 = PAYMENT_COLUMNS.index("amount_fen")


@dataclass(frozen=True)
class HistoryBlock:
    count: int
    total_fen: int
    digest: str


HistoryReader = Callable[[int, int, int], HistoryBlock]  # (first, last, version)


def history_block(rows: Iterable[tuple[Any, ...]]) -> HistoryBlock:
    """Count, total and digest of payment rows as HISTORY_SQL returns them (version 1:
    None as the empty text)."""
    h = hashlib.sha256()
    count = total = 0
    for row in rows:
        count += 1
        total += int(row[AMOUNT_V1])
        h.update(("|".join("" if v is None else str(v) for v in row) + "\n").encode())
    return HistoryBlock(count, total, h.hexdigest())


def history_block_v2(
    rows: Iterable[tuple[Any, ...]], settlements: Iterable[tuple[Any, ...]]
) -> HistoryBlock:
    """Count, total and digest of payment rows as HISTORY_SQL_V2 returns them, each
    with its bill settlements. Every value as str() writes it, None included: the same
    text on SQLite and PostgreSQL (dates YYYY-MM-DD, times YYYY-MM-DD HH:MM:SS), and
    map(str) keeps the recomputation of a million payments to seconds."""
    links: dict[int, list[str]] = {}
    for payment, bill, amount in settlements:
        links.setdefault(int(payment), []).append(f"{bill}:{amount}")
    h = hashlib.sha256()
    count = total = 0
    for row in rows:
        count += 1
        total += int(row[AMOUNT_V2])
        parts = links.pop(int(row[0]), None)
        settled = ",".join(sorted(parts) if len(parts) > 1 else parts) if parts else ""
        line = "|".join(map(str, row)) + ";" + settled + "\n"
        h.update(line.encode())
    if links:  # settlements of a payment id that is not there
        h.update(b"orphan settlements\n")
    return HistoryBlock(count, total, h.hexdigest())


def history_reader(execute: Execute, mark: str) -> HistoryReader:
    """A HistoryReader over a connection; `mark` is its parameter mark (`?` for
    sqlite3, `%s` for psycopg2)."""
    v1 = HISTORY_SQL.format(p=mark)
    v2 = HISTORY_SQL_V2.format(p=mark)
    links = SETTLEMENT_SQL.format(p=mark)

    def read(first: int, last: int, version: int) -> HistoryBlock:
        if version < 2:
            return history_block(execute(v1, (first, last)))
        return history_block_v2(execute(v2, (first, last)), list(execute(links, (first, last))))

    return read


def seal_history(source: str) -> int:
    """Seal what was loaded without the counter (see the module notes): a
    `history.import` event per block of payment ids not sealed yet, then the
    `history.state`. Only before the first counter payment: afterwards new payments
    carry their own events. Call inside the load's write_transaction(); returns the
    number of blocks sealed."""
    if not db.obj.in_transaction():
        raise RuntimeError("audit_history.seal_history() must run inside a write_transaction()")
    sealed_to = 0
    for (payload_json,) in db_execute("SELECT payload_json FROM audit_event"):
        payload = json.loads(payload_json)
        if "payment" in payload:
            raise RuntimeError("history can only be sealed before the first counter payment")
        if isinstance(payload.get("last"), int) and "digest" in payload:
            sealed_to = max(sealed_to, payload["last"])
    audit._state_checked = True  # the state follows the blocks, not between them
    (top,) = db.obj.execute_sql("SELECT COALESCE(MAX(id), 0) FROM payment").fetchone()
    read = history_reader(db_execute, db.obj.param)
    appended = 0
    for first in range(sealed_to + 1, int(top) + 1, audit.HISTORY_BLOCK):
        last = min(first + audit.HISTORY_BLOCK - 1, int(top))
        block = read(first, last, HISTORY_VERSION)
        if block.count:
            audit.append(
                audit.HISTORY_KIND,
                staff_id=None,
                office_id=None,
                source=source,
                first=first,
                last=last,
                count=block.count,
                total_fen=block.total_fen,
                digest=block.digest,
                v=HISTORY_VERSION,
            )
            appended += 1
    state = state_payload(source, audit.active_fingerprint())
    audit.append(audit.STATE_KIND, staff_id=None, office_id=None, **state)
    return appended
