"""Closed days and drawers against the audit events that recorded them.

A day close (`day_closed`) commits to the day's figures and is itself the chain head
the Z slip prints. verify checks that its `day_closure` row and `business_day` row are
still there as recorded (a reopened day is named), that the day's payments still add
up to those figures, and that no money of the day was recorded after the closure
event. Closed days loaded with imported history are covered by the `history.state`
seal instead (audit_state.py).

Drawers: every shift, count (with its lines and the terminals' totals), cash paid in
or out, difference and shift closure has its event; each row is compared with it, a
row without one was inserted, an event without its row means the row was deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gasdesk.storage import audit
from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_state import Execute, seal_days
from gasdesk.storage.audit_tables import Tables, norm
from gasdesk.storage.receipt_numbers import format_code

if TYPE_CHECKING:
    from gasdesk.storage.audit_chain import Chain, Event


Day = tuple[int, str]  # (office id, business date)


@dataclass
class State:
    """What the imported history's `history.state` seals cover."""

    baselines: dict[int, int] = field(default_factory=dict)
    days_last: int | None = None  # business_day ids up to this one are sealed
    closed: set[Day] = field(default_factory=set)
    pending: bool = False  # imported history whose state is not recorded yet


def check_state(c: Collector, chain: Chain, execute: Execute, t: Tables) -> State:
    states = chain.of(audit.STATE_KIND)
    if not states:
        return State(pending=bool(chain.of(audit.HISTORY_KIND)))
    state = State()
    for e in states:
        p = e.payload
        last = int(p.get("days_last", 0))
        sealed = {
            (int(o), str(d)) for o, days in dict(p.get("closed_days", {})).items() for d in days
        }
        state.closed |= sealed
        state.days_last = max(state.days_last or 0, last)
        state.baselines = {int(a): int(b) for a, b in p.get("balances", [])}
        now = seal_days(execute, up_to=last)
        if now.digest == p.get("days_digest") and now.count == p.get("days_count"):
            continue
        still = {(int(o), str(d)) for o, days in now.closed.items() for d in days}
        reopened = sorted(sealed - still)
        for office, day in reopened:
            c.add(
                "day_reopened",
                t.day(office, day),
                f"the imported closed day {t.day(office, day)} sealed by event {e.seq} is open "
                "again (or its row was deleted)",
                e.seq,
            )
        if not reopened:
            c.add(
                "history_altered",
                f"#{e.seq}",
                f"the business days sealed by event {e.seq} were altered "
                f"({now.count} rows where {p.get('days_count')} were sealed)",
                e.seq,
            )
    return state


def _rows(execute: Execute, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in execute(sql, ())]


def _differs(
    c: Collector, code: str, item: str, what: str, seq: int, pairs: dict[str, tuple[Any, Any]]
) -> None:
    for name, (now, was) in pairs.items():
        if norm(now) != norm(was):
            c.add(
                code,
                item,
                f"{what} {name} {norm(now)} differs from audit event {seq} ({was})",
                seq,
            )


def day_totals(execute: Execute, mark: str, day: Day) -> tuple[int, int, str, str]:
    """The day's payments (not counting voids), net total, first and last receipt, as
    the day close computes them."""
    where = f"WHERE p.office_id = {mark} AND p.business_date = {mark}"
    ((count, total),) = execute(
        "SELECT SUM(CASE WHEN p.voids_id IS NULL THEN 1 ELSE 0 END), "
        f"COALESCE(SUM(p.amount_fen), 0) FROM payment p {where}",
        day,
    )
    ranges = sorted(
        (str(s), int(lo), int(hi))
        for s, lo, hi in execute(
            "SELECT r.series, MIN(r.number), MAX(r.number) FROM receipt r "
            f"JOIN payment p ON p.id = r.payment_id {where} GROUP BY r.series",
            day,
        )
    )
    first = format_code(ranges[0][0], ranges[0][1]) if ranges else ""
    last = format_code(ranges[-1][0], ranges[-1][2]) if ranges else ""
    return int(count or 0), int(total or 0), first, last


def check_days(
    c: Collector,
    chain: Chain,
    execute: Execute,
    mark: str,
    t: Tables,
    paid: dict[Day, list[tuple[int, str]]],
    state: State,
) -> dict[Day, int]:
    """The closed days; returns the seq of each day's closure event."""
    closures = {
        (int(r[1]), str(norm(r[2]))): r
        for r in _rows(
            execute,
            "SELECT id, office_id, business_date, closed_by_id, closed_at, payments, total_fen, "
            "first_receipt, last_receipt, audit_seq, audit_hash FROM day_closure",
        )
    }
    days = {
        (int(r[1]), str(norm(r[2]))): r
        for r in _rows(
            execute,
            "SELECT id, office_id, business_date, closed_at, closed_by_id FROM business_day",
        )
    }
    closed_seq: dict[Day, int] = {}
    for e in chain.of("day_closed"):
        key: Day = (int(e.office or 0), str(e.payload.get("business_date")))
        closed_seq[key] = e.seq
        _check_closed_day(c, e, key, t.day(*key), closures.get(key), days.get(key))
        count, total, first, last = day_totals(execute, mark, key)
        p = e.payload
        _differs(
            c,
            "day_totals_differ",
            t.day(*key),
            f"the payments of {t.day(*key)} now give",
            e.seq,
            {
                "payments": (count, p.get("payments")),
                "total_fen": (total, p.get("total_fen")),
                "first_receipt": (first, p.get("first_receipt")),
                "last_receipt": (last, p.get("last_receipt")),
            },
        )
        for seq, item in paid.get(key, []):
            if seq > e.seq:
                c.add(
                    "day_paid_after_close",
                    f"{t.day(*key)} {item}",
                    f"payment {item} of the closed day {t.day(*key)} was recorded by event {seq}, "
                    f"after the day's closure (event {e.seq})",
                    seq,
                )
    for key in closures:
        if key not in closed_seq:
            c.add(
                "day_closure_altered",
                t.day(*key),
                f"the closure row of {t.day(*key)} has no audit event (inserted)",
            )
    for key, row in days.items():
        if row[3] is None or key in closed_seq or state.pending:
            continue
        if state.days_last is not None and int(row[0]) <= state.days_last and key in state.closed:
            continue
        c.add(
            "day_unrecorded_close",
            t.day(*key),
            f"business day {t.day(*key)} is marked closed, but no day close recorded it",
        )
    return closed_seq


def _check_closed_day(c: Collector, e: Event, key: Day, day: str, row: Any, bday: Any) -> None:
    p = e.payload
    if row is None:
        c.add(
            "day_reopened",
            day,
            f"the closure of {day} recorded by event {e.seq} is missing (deleted)",
            e.seq,
        )
    else:
        pairs = {
            "closed_by": (row[3], e.staff),
            "payments": (row[5], p.get("payments")),
            "total_fen": (row[6], p.get("total_fen")),
            "first_receipt": (row[7], p.get("first_receipt")),
            "last_receipt": (row[8], p.get("last_receipt")),
            "audit_seq": (row[9], e.seq),
            "audit_hash": (row[10], e.hash),
        }
        if "closed_at" in p:
            pairs["closed_at"] = (row[4], p["closed_at"])
        _differs(c, "day_closure_altered", day, f"the closure of {day}", e.seq, pairs)
    if bday is None or bday[3] is None:
        c.add(
            "day_reopened",
            day,
            f"business day {day}, closed by event {e.seq}, is open again",
            e.seq,
        )
    else:
        pairs = {"closed_by": (bday[4], e.staff)}
        if "closed_at" in p:
            pairs["closed_at"] = (bday[3], p["closed_at"])
        _differs(c, "day_closure_altered", day, f"business day {day}", e.seq, pairs)
