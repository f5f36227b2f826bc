"""What a load of history brought besides its payments, sealed by its `history.state`
event: the business days it closed (a digest of their rows and the list of closed
days) and the prepaid balances the payments do not explain (opening balances).
Computed from the tables alike when the state is sealed (audit_history.seal_history,
or audit.append at the first write of a database sealed before the state existed) and
when verify checks it (audit_cover_days.py, audit_cover.py). Nothing here appends to
the chain, so the chain's own module can use it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gasdesk.domain.methods import BALANCE
from gasdesk.storage.models import db

DAYS_SQL = (
    "SELECT id, office_id, business_date, closed_at, closed_by_id FROM business_day ORDER BY id"
)

# `execute(sql, params)` on some connection, returning its rows
Execute = Callable[[str, tuple[Any, ...]], Iterable[Any]]


def db_execute(sql: str, params: tuple[Any, ...] = ()) -> Iterable[Any]:
    return db.obj.execute_sql(sql, params)


def text(value: Any) -> str:
    """A value as the digests write it: the same text on SQLite and PostgreSQL (dates
    YYYY-MM-DD, times YYYY-MM-DD HH:MM:SS)."""
    return "" if value is None else str(value)


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


def state_payload(source: str, key: str) -> dict[str, Any]:
    """The `history.state` payload for the open database as it is now; `key` is the
    fingerprint of the key that seals it."""
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
        "key": key,
    }
