"""IC-card records against the audit events that recorded them: every card
(`card_issued`), every purchase's card record (`card_purchase`) and every write
(`card_written`) has its event; each row is compared with it column by column, a row
without one was inserted, an event without its row means the row was deleted. Cards
registered in bulk with a data load (the demo) are covered by a `cards.registered`
seal instead: the digest of every card row up to the last id it names.

So a purchase cannot be turned into "written" (or back), a blocked card cannot be
unblocked and a card's purchase count cannot be moved without verify naming it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gasdesk.storage import audit
from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_history import Execute, db_execute
from gasdesk.storage.audit_state import text
from gasdesk.storage.models import db

if TYPE_CHECKING:
    from gasdesk.storage.audit_chain import Chain, Event

SEAL_KIND = "cards.registered"
CARD_COLUMNS = (
    "id",
    "number",
    "meter_id",
    "account_id",
    "source",
    "start_seq",
    "replaces_id",
    "payment_id",
    "staff_id",
    "idempotency_key",
    "issued_at",
)
CARD_SQL = f"SELECT {', '.join(CARD_COLUMNS)} FROM ic_card ORDER BY id"
PURCHASE_SQL = (
    "SELECT id, payment_id, card_id, meter_id, seq, volume_l, created_at FROM card_purchase"
)
WRITE_SQL = "SELECT id, card_id, purchase_id, how, staff_id, written_at FROM card_write"
# payload key -> column index, per table
CARD_PAYLOAD = {
    "number": 1,
    "meter_id": 2,
    "account_id": 3,
    "source": 4,
    "start_seq": 5,
    "replaces": 6,
    "fee_payment_id": 7,
    "idempotency_key": 9,
    "issued_at": 10,
}
PURCHASE_PAYLOAD = {
    "payment_id": 1,
    "card_id": 2,
    "meter_id": 3,
    "seq": 4,
    "volume_l": 5,
    "created_at": 6,
}
WRITE_PAYLOAD = {"card_id": 1, "purchase_id": 2, "how": 3, "written_at": 5}


def _rows(execute: Execute, sql: str) -> list[tuple[Any, ...]]:
    """The rows, or none where the table does not exist (a copy older than the cards)."""
    try:
        return [tuple(r) for r in execute(sql, ())]
    except Exception:  # sqlite3 / psycopg2 "no such table" alike: checked as empty
        return []


def _norm(value: Any) -> Any:
    from gasdesk.storage.audit_tables import norm

    return norm(value)


def cards_digest(rows: Iterable[tuple[Any, ...]]) -> tuple[int, str]:
    h = hashlib.sha256()
    count = 0
    for row in rows:
        count += 1
        h.update(("|".join(text(_norm(v)) for v in row) + "\n").encode())
    return count, h.hexdigest()


def seal_registered(source: str) -> int:
    """Seal the card rows loaded without the counter (registered in bulk): one
    `cards.registered` event with their digest. Call inside the load's
    write_transaction(), after the rows; returns how many it sealed."""
    if not db.obj.in_transaction():
        raise RuntimeError("seal_registered() must run inside a write_transaction()")
    rows = _rows(db_execute, CARD_SQL)
    if not rows:
        return 0
    count, digest = cards_digest(rows)
    audit.append(
        SEAL_KIND,
        staff_id=None,
        office_id=None,
        source=source,
        first_card=int(rows[0][0]),
        last_card=int(rows[-1][0]),
        count=count,
        digest=digest,
    )
    return count


class _Cards:
    def __init__(self, c: Collector, chain: Chain, execute: Execute) -> None:
        self.c, self.chain = c, chain
        self.cards = {int(r[0]): r for r in _rows(execute, CARD_SQL)}
        self.purchases = {int(r[0]): r for r in _rows(execute, PURCHASE_SQL)}
        self.writes = {int(r[0]): r for r in _rows(execute, WRITE_SQL)}
        self.execute = execute

    def card_name(self, card_id: Any) -> str:
        row = self.cards.get(int(card_id or 0))
        return f"card {row[1]}" if row else f"card #{card_id}"

    def run(self) -> None:
        sealed = self.sealed()
        self.compare(
            "card_issued",
            "card_id",
            self.cards,
            CARD_PAYLOAD,
            lambda r: f"card {r[1]}",
            sealed,
            staff_index=8,
        )
        self.compare(
            "card_purchase",
            "purchase_id",
            self.purchases,
            PURCHASE_PAYLOAD,
            lambda r: f"{self.card_name(r[2])} purchase {r[4]}",
        )
        self.compare(
            "card_written",
            "write_id",
            self.writes,
            WRITE_PAYLOAD,
            lambda r: f"{self.card_name(r[1])} write #{r[0]}",
            staff_index=4,
        )

    def sealed(self) -> set[int]:
        """Card ids a `cards.registered` seal covers, checked against its digest."""
        covered: set[int] = set()
        for e in self.chain.of(SEAL_KIND):
            p = e.payload
            first, last = int(p.get("first_card", 0)), int(p.get("last_card", -1))
            rows = [r for i, r in sorted(self.cards.items()) if first <= i <= last]
            count, digest = cards_digest(rows)
            if count != p.get("count") or digest != p.get("digest"):
                self.c.add(
                    "card_altered",
                    f"cards #{first}-#{last}",
                    f"the cards registered by event {e.seq} (#{first}-#{last}) were altered: "
                    f"{count} rows where {p.get('count')} were sealed, or a row changed",
                    e.seq,
                )
            covered |= set(range(first, last + 1))
        return covered

    def compare(
        self,
        kind: str,
        key: str,
        rows: dict[int, tuple[Any, ...]],
        columns: dict[str, int],
        name: Any,
        sealed: frozenset[int] | set[int] = frozenset(),
        staff_index: int | None = None,
    ) -> None:
        events: dict[int, Event] = {}
        for made in self.chain.of(kind):
            if isinstance(made.payload.get(key), int):
                events.setdefault(int(made.payload[key]), made)
        for rid, row in rows.items():
            if rid in sealed:
                continue
            item = name(row)
            e = events.get(rid)
            if e is None:
                self.c.add("card_inserted", item, f"{item} ({kind} #{rid}) has no audit event")
                continue
            expect = {k: (index, e.payload[k]) for k, index in columns.items() if k in e.payload}
            if staff_index is not None:
                expect["staff"] = (staff_index, e.staff)
            for label, (index, was) in expect.items():
                now = _norm(row[index])
                if now != was:
                    self.c.add(
                        "card_altered",
                        item,
                        f"{item}: {label} is {now}, audit event {e.seq} recorded {was}",
                        e.seq,
                    )
        for rid, e in events.items():
            if rid not in rows:
                self.c.add(
                    "card_deleted",
                    f"{kind} #{rid}",
                    f"the {kind} record #{rid} of audit event {e.seq} is missing (deleted)",
                    e.seq,
                )


def check_cards(c: Collector, chain: Chain, execute: Execute) -> None:
    _Cards(c, chain, execute).run()
