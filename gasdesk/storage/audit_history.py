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

from gasdesk.domain.methods import BALANCE
from gasdesk.storage import audit
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
DAYS_SQL = (
    "SELECT id, office_id, business_date, closed_at, closed_by_id FROM business_day ORDER BY id"
)

# `execute(sql, params)` on some connection, returning its rows
Execute = Callable[[str, tuple[Any, ...]], Iterable[Any]]


@dataclass(frozen=True)
class HistoryBlock:
    count: int
    total_fen: int
    digest: str


HistoryReader = Callable[[int, int, int], HistoryBlock]  # (first, last, version)


def text(value: Any) -> str:
    """A value as the digests write it: the same text on SQLite and PostgreSQL (dates
    YYYY-MM-DD, times YYYY-MM-DD HH:MM:SS)."""
    return "" if value is None else str(value)


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


def db_execute(sql: str, params: tuple[Any, ...] = ()) -> Iterable[Any]:
    return db.obj.execute_sql(sql, params)


# --- what else the load brought: closed days and opening balances ------------------


@dataclass(frozen=True)
class DaysSeal:
    last: int  # the highest business_day id sealed
    count: int
    digest: str
    closed: dict[str, list[str]]  # office id (as text) -> closed business dates


def seal_days(execute: Execute, up_to: int | None = None) -> DaysSeal:
    h = hashlib.sha256()
    count = last = 0
    closed: dict[str, list[str]] = {}
    for row in execute(DAYS_SQL, ()):
        if up_to is not None and int(row[0]) > up_to:
            break
        count += 1
        last = int(row[0])
        h.update(("|".join(text(v) for v in row) + "\n").encode())
        if row[3] is not None:
            closed.setdefault(str(row[1]), []).append(text(row[2]))
    return DaysSeal(last, count, h.hexdigest(), closed)


CREDITS_VERSION = 120  # the migration that made the credits table


def has_credits(execute: Execute) -> bool:
    """Whether the database has the credits table (one written before it had not)."""
    rows = list(
        execute(f"SELECT COUNT(*) FROM gasdesk_schema WHERE version = {CREDITS_VERSION}", ())
    )
    return bool(rows and int(rows[0][0]))


def implied_balances(execute: Execute) -> dict[int, int]:
    """Per account, the prepaid balance its payments imply: prepayments and their
    voids add, bills paid from the balance take away, their voids give back, refunds
    (a negative amount, paid back in cash) take away; credits (表具校验) add."""
    # summed here rather than by GROUP BY, which SQLite runs through the account index:
    # ten times slower than one scan of the table on two years of payments
    sql = (
        "SELECT account_id, kind, method, amount_fen, voids_id FROM payment "
        f"WHERE kind IN ('prepay', 'void', 'refund') OR method = '{BALANCE}'"
    )
    rows = [tuple(r) for r in execute(sql, ())]
    voided = sorted({int(r[4]) for r in rows if r[1] == "void" and r[4] is not None})
    kinds: dict[int, str] = {}
    for i in range(0, len(voided), 500):
        part = voided[i : i + 500]
        marks = ", ".join(str(int(v)) for v in part)
        kinds.update(
            (int(p), str(k))
            for p, k in execute(f"SELECT id, kind FROM payment WHERE id IN ({marks})", ())
        )
    implied: dict[int, int] = {}
    for account, kind, method, amount, voids in rows:
        if kind in ("prepay", "refund") or (
            kind == "void" and kinds.get(int(voids or 0)) == "prepay"
        ):
            delta = int(amount)
        elif method == BALANCE:
            delta = -int(amount)
        else:
            continue
        implied[int(account)] = implied.get(int(account), 0) + delta
    if has_credits(execute):
        for account, amount in execute("SELECT account_id, amount_fen FROM account_credit", ()):
            implied[int(account)] = implied.get(int(account), 0) + int(amount)
    return {a: v for a, v in implied.items() if v}


def stored_balances(execute: Execute) -> dict[int, int]:
    return {
        int(a): int(v)
        for a, v in execute("SELECT id, balance_fen FROM account WHERE balance_fen <> 0", ())
    }


def state_payload(source: str) -> dict[str, Any]:
    """The `history.state` payload for the open database as it is now."""
    days = seal_days(db_execute)
    implied = implied_balances(db_execute)
    stored = stored_balances(db_execute)
    baselines = sorted(
        (a, stored.get(a, 0) - implied.get(a, 0))
        for a in set(stored) | set(implied)
        if stored.get(a, 0) != implied.get(a, 0)
    )
    return {
        "source": source,
        "days_last": days.last,
        "days_count": days.count,
        "days_digest": days.digest,
        "closed_days": days.closed,
        "balances": [list(b) for b in baselines],
        "key": audit.active_fingerprint(),
    }


def state_needed() -> bool:
    """Whether this database's imported history still lacks its `history.state`."""
    first = {str(k) for (k,) in db_execute("SELECT kind FROM audit_event WHERE seq <= 2")}
    if audit.HISTORY_KIND not in first:
        return False
    mark = db.obj.param
    found = db_execute(
        f"SELECT 1 FROM audit_event WHERE kind = {mark} LIMIT 1", (audit.STATE_KIND,)
    )
    return not list(found)


def seal_history(source: str) -> int:
    """Seal what was loaded without the counter (see the module notes): a
    `history.import` event per block of payment ids not sealed yet, then the
    `history.state`. Only before the first counter payment: afterwards new payments
    carry their own events. Call inside the load's write_transaction(); returns the
    number of blocks sealed."""
    if not db.obj.in_transaction():
        raise RuntimeError("audit.seal_history() must run inside a write_transaction()")
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
    audit.append(audit.STATE_KIND, staff_id=None, office_id=None, **state_payload(source))
    return appended
