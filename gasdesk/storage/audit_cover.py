"""Every money-bearing row against the audit event that recorded it: payments, voids and
refunds (each column, a void's and a refund's authorising supervisor), their receipts
and bill settlements, the receipt series (no number missing) and the prepaid balances
(equal to what the payments imply, refunds taking away). Days and drawers are in
audit_cover_days.py.

A payment's event names the payment id and carries its columns. Events written before
an event carried every column (older versions) are checked with what they carry; a
void's columns that older void events lack are checked against the payment it voids
(same account, office, method, volume and reference; negated settlements). Payments
in a sealed block of imported history are checked by their block (audit_history.py).
IC cards, their purchases and writes are in audit_cover_cards.py.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from gasdesk.storage import (
    audit_cover_accounts,
    audit_cover_cards,
    audit_cover_credits,
    audit_cover_days,
    audit_cover_drawer,
    audit_state,
    import_seal,
)
from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_history import PAYMENT_COLUMNS
from gasdesk.storage.audit_state import Execute
from gasdesk.storage.audit_tables import Tables, norm

# payload key -> payment column, for the events that create a payment
PAYLOAD_COLUMNS = {
    "payment_kind": "kind",
    "method": "method",
    "amount_fen": "amount_fen",
    "tendered_fen": "tendered_fen",
    "change_fen": "change_fen",
    "volume_l": "volume_l",
    "account_id": "account_id",
    "business_date": "business_date",
    "counter_id": "counter_id",
    "shift_id": "shift_id",
    "reference": "reference",
    "idempotency_key": "idempotency_key",
    "created_at": "created_at",
    "lines_json": "lines_json",
    "reason": "reason",
    "voids": "voids_id",
}
LABELS = {"amount_fen": "amount", "voids_id": "voids"}
# what a void copies from the payment it voids (older void events do not carry these)
VOID_COPIES = ("account_id", "office_id", "method", "reference")
COLUMNS = (*PAYMENT_COLUMNS, "series", "number", "account_number")
PAYMENTS_SQL = (
    "SELECT "
    + ", ".join(f"p.{c}" for c in PAYMENT_COLUMNS)
    + ", r.series, r.number, a.number FROM payment p "
    "LEFT JOIN receipt r ON r.payment_id = p.id LEFT JOIN account a ON a.id = p.account_id "
)


def code_of(series: Any, number: Any) -> str | None:
    return f"{series}-{int(number):06d}" if series is not None and number is not None else None


@dataclass
class Paid:
    """The uncovered payments as read, for the day checks: (office, date) -> money
    recorded with the seq of its event."""

    by_day: dict[tuple[int, str], list[tuple[int, str]]] = field(default_factory=dict)


def uncovered(covered: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    """The payment id ranges no sealed block covers."""
    ranges: list[tuple[int, int | None]] = []
    nxt = 1
    for first, last in sorted(covered):
        if first > nxt:
            ranges.append((nxt, first - 1))
        nxt = max(nxt, last + 1)
    ranges.append((nxt, None))
    return ranges


CHUNK = 5_000  # payment ids read, and compared with their events, at a time
EVENTS_SQL = "SELECT seq, kind, staff_id, office_id, payload_json FROM audit_event"


def first_events(ids: array[int], seqs: array[int]) -> tuple[array[int], array[int]]:
    """(payment id, seq of the first event that made it), sorted by id. The chain
    normally lists them in id order already; a second event for an id is ignored here
    (the first one is compared with the row)."""
    if all(ids[i] < ids[i + 1] for i in range(len(ids) - 1)):
        return ids, seqs
    order = sorted(range(len(ids)), key=lambda i: (ids[i], seqs[i]))
    out_ids: array[int] = array("q")
    out_seqs: array[int] = array("q")
    for i in order:
        if not out_ids or out_ids[-1] != ids[i]:
            out_ids.append(ids[i])
            out_seqs.append(seqs[i])
    return out_ids, out_seqs


class _Payments:
    """The payments no sealed block covers, chunk by chunk: each row against the event
    that made it, each such event against its row."""

    def __init__(
        self,
        c: Collector,
        chain: Any,
        execute: Execute,
        mark: str,
        t: Tables,
        closed_days: set[tuple[int, str]],
    ) -> None:
        self.c, self.chain, self.execute, self.mark, self.t = c, chain, execute, mark, t
        self.rows: dict[int, dict[str, Any]] = {}
        self.links: dict[int, list[tuple[int, int]]] = {}
        self.paid = Paid()
        self.closed_days = closed_days
        self.ids, self.seqs = first_events(chain.pay_ids, chain.pay_seqs)

    def run(self, ranges: list[tuple[int, int | None]]) -> None:
        ((top,),) = list(self.execute("SELECT COALESCE(MAX(id), 0) FROM payment", ()))
        top = max(int(top), self.ids[-1] if self.ids else 0)
        for first, last in ranges:
            end = top if last is None else last
            for start in range(first, end + 1, CHUNK):
                self.chunk(start, min(start + CHUNK - 1, end))

    def chunk(self, first: int, last: int) -> None:
        between = f"BETWEEN {self.mark} AND {self.mark}"
        self.rows = {
            int(row[0]): dict(zip(COLUMNS, row, strict=True))
            for row in self.execute(f"{PAYMENTS_SQL} WHERE p.id {between}", (first, last))
        }
        self.links = {}
        sql = f"SELECT payment_id, bill_id, amount_fen FROM payment_bill WHERE payment_id {between}"
        for pid, bill, amount in self.execute(sql, (first, last)):
            self.links.setdefault(int(pid), []).append((int(bill), int(amount)))
        for links in self.links.values():
            links.sort()
        lo, hi = bisect_left(self.ids, first), bisect_right(self.ids, last)
        made = dict(zip(self.ids[lo:hi], self.seqs[lo:hi], strict=True))
        events: dict[int, tuple[Any, ...]] = {}
        if made:
            wanted = set(made.values())
            rows = self.execute(f"{EVENTS_SQL} WHERE seq {between}", (min(wanted), max(wanted)))
            events = {int(r[0]): tuple(r) for r in rows if int(r[0]) in wanted}
        for pid in sorted(self.rows):
            row = self.rows[pid]
            code = code_of(row["series"], row["number"])
            item = code or f"#{pid}"
            ev = events.get(made.get(pid, 0))
            if ev is None:
                self.c.add(
                    "payment_inserted",
                    item,
                    f"payment #{pid} has no audit event (inserted or its event deleted)",
                )
                continue
            seq, kind, staff, office, payload_json = ev
            key = (int(row["office_id"]), str(norm(row["business_date"])))
            if key in self.closed_days:
                self.paid.by_day.setdefault(key, []).append((seq, item))
            self.compare(pid, row, item, seq, kind, staff, office, json.loads(payload_json))
        for pid, seq in made.items():
            if pid not in self.rows:
                ev = events.get(seq)
                receipt = json.loads(ev[4]).get("receipt") if ev else None
                self.c.add(
                    "payment_deleted",
                    str(receipt or f"#{pid}"),
                    f"payment #{pid} recorded by audit event {seq} is missing (deleted)",
                    seq,
                )

    def original(self, pid: int) -> dict[str, Any] | None:
        """A payment a void points at (read when it is not in this chunk)."""
        if pid not in self.rows:
            found = list(self.execute(f"{PAYMENTS_SQL} WHERE p.id = {self.mark}", (pid,)))
            if not found:
                return None
            self.rows[pid] = dict(zip(COLUMNS, found[0], strict=True))
            sql = f"SELECT bill_id, amount_fen FROM payment_bill WHERE payment_id = {self.mark}"
            self.links[pid] = sorted((int(b), int(a)) for b, a in self.execute(sql, (pid,)))
        return self.rows[pid]

    def differs(self, pid: int, item: str, seq: int, column: str, now: Any, was: Any) -> None:
        label = LABELS.get(column, column)
        self.c.add(
            "payment_altered",
            item,
            f"payment #{pid} {label} {now} differs from audit event {seq} ({was}); receipt {item}",
            seq,
        )

    def compare(
        self,
        pid: int,
        row: dict[str, Any],
        item: str,
        seq: int,
        kind: str,
        staff: int | None,
        office: int | None,
        payload: dict[str, Any],
    ) -> None:
        expect: dict[str, Any] = {"staff_id": staff, "office_id": office}
        for key, column in PAYLOAD_COLUMNS.items():
            if key in payload:
                expect[column] = payload[key]
        if kind == "payment":
            expect["voids_id"] = None
            if "account_id" not in payload and "account" in payload:
                expect["account_number"] = payload["account"]
        elif kind in ("void", "refund"):
            expect["kind"] = kind
            if kind == "refund":
                expect["voids_id"] = None
            if payload.get("authorised_by") is not None:
                badge = self.t.badges.get(int(row["authorised_by_id"] or 0))
                if badge != payload["authorised_by"]:
                    self.differs(pid, item, seq, "authorised_by", badge, payload["authorised_by"])
        for column, was in expect.items():
            now = norm(row[column])
            if now != was:
                self.differs(pid, item, seq, column, now, was)
        code = code_of(row["series"], row["number"])
        if "receipt" in payload and code != payload["receipt"]:
            self.c.add(
                "receipt_altered",
                str(payload["receipt"]),
                f"receipt {code or '(none)'} of payment #{pid} differs from audit event {seq} "
                f"({payload['receipt']})",
                seq,
            )
        links = self.links.get(pid, [])
        if kind == "void" and row["voids_id"] is not None:
            self.void_copies(pid, row, item, seq, payload, links)
        elif "settled" in payload:
            settled = sorted((int(b), int(a)) for b, a in payload["settled"])
            if links != settled:
                self.settlement(pid, item, seq, links, settled)
        elif "bills" in payload:  # events of older versions name the bills only
            bills = sorted(int(b) for b in payload["bills"])
            if sorted(b for b, _ in links) != bills:
                self.settlement(pid, item, seq, links, bills)

    def void_copies(
        self,
        pid: int,
        row: dict[str, Any],
        item: str,
        seq: int,
        payload: dict[str, Any],
        links: list[tuple[int, int]],
    ) -> None:
        original = self.original(int(row["voids_id"]))
        if original is None:
            self.differs(pid, item, seq, "voids_id", row["voids_id"], "(a payment)")
            return
        for column in VOID_COPIES:
            if norm(row[column]) != norm(original[column]):
                self.differs(pid, item, seq, column, norm(row[column]), norm(original[column]))
        if row["volume_l"] != -int(original["volume_l"] or 0):
            self.differs(pid, item, seq, "volume_l", row["volume_l"], -int(original["volume_l"]))
        if row["amount_fen"] != -int(original["amount_fen"]):
            self.differs(pid, item, seq, "amount_fen", row["amount_fen"], -original["amount_fen"])
        first = code_of(original["series"], original["number"])
        if payload.get("original_receipt") not in (None, first):
            self.c.add(
                "receipt_altered",
                str(payload["original_receipt"]),
                f"receipt {first} voided by payment #{pid} differs from audit event {seq} "
                f"({payload['original_receipt']})",
                seq,
            )
        negated = sorted((b, -a) for b, a in self.links.get(int(row["voids_id"]), []))
        if links != negated:
            self.settlement(pid, item, seq, links, negated)

    def settlement(self, pid: int, item: str, seq: int, now: Any, was: Any) -> None:
        self.c.add(
            "settlement_altered",
            item,
            f"bill settlements of payment #{pid} ({item}) are {now}, audit event {seq} "
            f"recorded {was}",
            seq,
        )


def check_receipt_series(c: Collector, execute: Execute, mark: str) -> None:
    """Every series numbered from 1 without a gap, up to its counter."""
    counters = {str(s): int(n) for s, n in execute("SELECT series, last FROM receipt_counter", ())}
    stats = {
        str(s): (int(n), int(lo), int(hi))
        for s, n, lo, hi in execute(
            "SELECT series, COUNT(*), MIN(number), MAX(number) FROM receipt GROUP BY series", ()
        )
    }
    for series in sorted(set(counters) | set(stats)):
        n, lo, hi = stats.get(series, (0, 0, 0))
        top = max(hi, counters.get(series, 0))
        if n == top and (n == 0 or lo == 1):
            continue
        present = {
            int(x)
            for (x,) in execute(f"SELECT number FROM receipt WHERE series = {mark}", (series,))
        }
        missing = [x for x in range(1, top + 1) if x not in present]
        for x in missing[:20]:
            c.add(
                "receipt_gap",
                f"{series}-{x:06d}",
                f"receipt {series}-{x:06d} is missing from its series (deleted); the series "
                f"runs to {top}",
            )
        if len(missing) > 20:
            c.add(
                "receipt_gap",
                f"{series} (+{len(missing) - 20})",
                f"{len(missing) - 20} more receipts of {series} are missing",
            )


def check_balances(c: Collector, execute: Execute, baselines: dict[int, int]) -> None:
    implied = audit_state.implied_balances(execute)
    stored = audit_state.stored_balances(execute)
    wrong = sorted(
        a
        for a in set(implied) | set(stored) | set(baselines)
        if stored.get(a, 0) != implied.get(a, 0) + baselines.get(a, 0)
    )
    if not wrong:
        return
    numbers = {
        int(i): str(n)
        for i, n in execute("SELECT id, number FROM account", ())
        if int(i) in set(wrong[:200])
    }
    for a in wrong:
        number = numbers.get(a, f"#{a}")
        want = implied.get(a, 0) + baselines.get(a, 0)
        c.add(
            "balance_wrong",
            number,
            f"account {number}: prepaid balance {stored.get(a, 0)} fen, but its payments "
            f"imply {want} fen",
        )


def check_all(
    c: Collector, chain: Any, execute: Execute, mark: str, covered: list[tuple[int, int]]
) -> None:
    """Every covered row of the database against the chain walked before."""
    t = Tables.load(execute)
    closed_days = {
        (int(e.office or 0), str(e.payload.get("business_date"))) for e in chain.of("day_closed")
    }
    payments = _Payments(c, chain, execute, mark, t, closed_days)
    payments.run(uncovered(covered))
    check_receipt_series(c, execute, mark)
    state = audit_cover_days.check_state(c, chain, execute, t)
    check_balances(c, execute, state.baselines)
    closed = audit_cover_days.check_days(c, chain, execute, mark, t, payments.paid.by_day, state)
    audit_cover_drawer.check_drawer(c, chain, execute, t, closed)
    audit_cover_cards.check_cards(c, chain, execute)
    audit_cover_accounts.check_accounts(c, chain, execute, mark)
    audit_cover_credits.check_credits(c, chain, execute, t)
    import_seal.check_imports(c, chain, execute, mark)
