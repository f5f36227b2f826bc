"""Drawers against the audit events that recorded them: every shift, count (with its
lines and the terminals' totals), cash paid in or out, difference and shift closure has
its event; each row is compared with it, a row without one was inserted, an event
without its row means the row was deleted; a drawer record of a closed day made after
its closure is named too."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from gasdesk.storage.audit_cover_days import Day, _differs, _rows
from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_state import Execute
from gasdesk.storage.audit_tables import Tables, norm

if TYPE_CHECKING:
    from gasdesk.storage.audit_chain import Chain, Event


def _pieces(rows: list[tuple[Any, ...]]) -> dict[int, dict[str, int]]:
    lines: dict[int, dict[str, int]] = {}
    for count, value, pieces in rows:
        if int(pieces):
            lines.setdefault(int(count), {})[str(value)] = int(pieces)
    return lines


def check_drawer(
    c: Collector, chain: Chain, execute: Execute, t: Tables, closed_seq: dict[Day, int]
) -> None:
    _Drawer(c, chain, execute, t, closed_seq).run()


class _Drawer:
    def __init__(
        self, c: Collector, chain: Chain, execute: Execute, t: Tables, closed_seq: dict[Day, int]
    ) -> None:
        self.c, self.chain, self.t, self.closed_seq = c, chain, t, closed_seq
        self.shifts = {
            int(r[0]): r
            for r in _rows(
                execute,
                "SELECT id, office_id, counter_id, staff_id, business_date, opened_at, "
                "opening_float_fen, closed_at FROM shift",
            )
        }
        self.counts = {
            int(r[0]): r
            for r in _rows(
                execute,
                "SELECT id, shift_id, purpose, staff_id, total_fen, expected_json, supersedes_id "
                "FROM cash_count",
            )
        }
        self.lines = _pieces(
            _rows(execute, "SELECT count_id, denomination_fen, pieces FROM cash_count_line")
        )
        self.declared: dict[int, dict[str, int]] = {}
        for count, method, fen in _rows(
            execute, "SELECT count_id, method, declared_fen FROM settlement_declaration"
        ):
            self.declared.setdefault(int(count), {})[str(method)] = int(fen)
        self.moves = {
            int(r[0]): r
            for r in _rows(
                execute,
                "SELECT id, shift_id, direction, amount_fen, reason, staff_id FROM cash_movement",
            )
        }
        self.diffs = {
            (int(r[2]), str(r[3])): r
            for r in _rows(
                execute,
                "SELECT id, shift_id, count_id, method, expected_fen, counted_fen, "
                "difference_fen, reason, recorded_by_id, approved_by_id FROM shift_difference",
            )
        }
        self.closures = {
            int(r[1]): r
            for r in _rows(
                execute,
                "SELECT id, shift_id, count_id, expected_cash_fen, counted_cash_fen, "
                "closed_by_id, closed_at FROM shift_closure",
            )
        }

    def run(self) -> None:
        self.shifts_opened()
        self.blind_counts()
        self.movements()
        self.differences()
        self.shifts_closed()

    def altered(self, item: str, what: str, seq: int, pairs: dict[str, tuple[Any, Any]]) -> None:
        _differs(self.c, "drawer_altered", item, what, seq, pairs)

    def after_close(self, e: Event, shift_id: Any, what: str) -> None:
        shift = self.shifts.get(int(shift_id or 0))
        if shift is None:
            return
        key: Day = (int(shift[1]), str(norm(shift[4])))
        closed = self.closed_seq.get(key)
        if closed is not None and e.seq > closed:
            self.c.add(
                "day_paid_after_close",
                f"{self.t.day(*key)} {what}",
                f"{what} of the closed day {self.t.day(*key)} was recorded by event {e.seq}, "
                f"after the day's closure (event {closed})",
                e.seq,
            )

    def _events(self, kind: str, key: str) -> dict[Any, Event]:
        return {e.payload.get(key): e for e in self.chain.of(kind)}

    def shifts_opened(self) -> None:
        opened = self._events("shift_opened", "shift_id")
        floats: dict[int, list[int]] = {}
        for cid, row in self.counts.items():
            if row[2] == "float":
                floats.setdefault(int(row[1]), []).append(cid)
        matched: set[int] = set()
        for sid, row in self.shifts.items():
            e = opened.get(sid)
            item = f"shift #{sid}"
            if e is None:
                self.c.add("drawer_inserted", item, f"{item} has no audit event (inserted)")
                continue
            p = e.payload
            pairs = {
                "office": (row[1], e.office),
                "staff": (row[3], e.staff),
                "business_date": (row[4], p.get("business_date")),
                "opening_float_fen": (row[6], p.get("float_fen")),
                "counter": (self.t.counters.get(int(row[2])), p.get("counter")),
            }
            for key, index in (("counter_id", 2), ("opened_at", 5)):
                if key in p:
                    pairs[key] = (row[index], p[key])
            self.altered(item, item, e.seq, pairs)
            self.after_close(e, sid, item)
            ids = [int(p["count_id"])] if "count_id" in p else floats.get(sid, [])[:1]
            for cid in ids:
                matched.add(cid)
                count = self.counts.get(cid)
                if count is None:
                    self.c.add(
                        "drawer_deleted",
                        f"count #{cid}",
                        f"the float count #{cid} of {item} is missing",
                        e.seq,
                    )
                    continue
                self.altered(
                    f"count #{cid}",
                    f"the float count #{cid}",
                    e.seq,
                    {
                        "shift": (count[1], sid),
                        "purpose": (count[2], "float"),
                        "staff": (count[3], e.staff),
                        "total_fen": (count[4], p.get("float_fen")),
                        "pieces": (self.lines.get(cid, {}), p.get("pieces")),
                    },
                )
        for sid, e in opened.items():
            if sid not in self.shifts:
                self.c.add(
                    "drawer_deleted",
                    f"shift #{sid}",
                    f"shift #{sid} opened by event {e.seq} is missing",
                    e.seq,
                )
        for cid, row in self.counts.items():
            if row[2] == "float" and cid not in matched:
                self.c.add(
                    "drawer_inserted",
                    f"count #{cid}",
                    f"float count #{cid} has no audit event (inserted)",
                )

    def blind_counts(self) -> None:
        events = self._events("blind_count", "count_id")
        for cid, row in self.counts.items():
            if row[2] == "float":
                continue
            e = events.get(cid)
            item = f"count #{cid}"
            if e is None:
                self.c.add("drawer_inserted", item, f"{item} has no audit event (inserted)")
                continue
            p = e.payload
            try:
                expected = json.loads(row[5] or "{}")
            except ValueError:
                expected = row[5]
            self.altered(
                item,
                f"the count #{cid}",
                e.seq,
                {
                    "shift": (row[1], p.get("shift_id")),
                    "purpose": (row[2], "close"),
                    "staff": (row[3], e.staff),
                    "total_fen": (row[4], p.get("counted_fen")),
                    "supersedes": (row[6], p.get("recount_of")),
                    "expected": (expected, p.get("expected")),
                    "pieces": (self.lines.get(cid, {}), p.get("pieces")),
                    "declared": (self.declared.get(cid, {}), p.get("declared")),
                },
            )
            self.after_close(e, p.get("shift_id"), item)
        for cid, e in events.items():
            if cid not in self.counts:
                self.c.add(
                    "drawer_deleted",
                    f"count #{cid}",
                    f"count #{cid} recorded by event {e.seq} is missing",
                    e.seq,
                )

    def movements(self) -> None:
        events = {
            e.payload.get("movement_id"): e for e in self.chain.of("cash_paid_in", "cash_paid_out")
        }
        for mid, row in self.moves.items():
            e = events.get(mid)
            item = f"movement #{mid}"
            if e is None:
                self.c.add("drawer_inserted", item, f"cash {item} has no audit event (inserted)")
                continue
            p = e.payload
            self.altered(
                item,
                f"cash {item}",
                e.seq,
                {
                    "shift": (row[1], p.get("shift_id")),
                    "direction": (row[2], "in" if e.kind == "cash_paid_in" else "out"),
                    "amount_fen": (row[3], p.get("amount_fen")),
                    "reason": (row[4], p.get("reason")),
                    "staff": (row[5], e.staff),
                },
            )
            self.after_close(e, p.get("shift_id"), f"cash {item}")
        for recorded, e in events.items():
            if recorded not in self.moves:
                self.c.add(
                    "drawer_deleted",
                    f"movement #{recorded}",
                    f"cash movement #{recorded} of event {e.seq} is missing",
                    e.seq,
                )

    def differences(self) -> None:
        events = {
            (e.payload.get("count_id"), e.payload.get("method")): e
            for e in self.chain.of("cash_difference")
        }
        for key, row in self.diffs.items():
            e = events.get(key)
            item = f"difference #{row[0]}"
            if e is None:
                self.c.add("drawer_inserted", item, f"{item} has no audit event (inserted)")
                continue
            p = e.payload
            self.altered(
                item,
                item,
                e.seq,
                {
                    "shift": (row[1], p.get("shift_id")),
                    "expected_fen": (row[4], p.get("expected_fen")),
                    "counted_fen": (row[5], p.get("counted_fen")),
                    "difference_fen": (row[6], p.get("difference_fen")),
                    "reason": (row[7], p.get("reason")),
                    "recorded_by": (row[8], e.staff),
                    "approved_by": (self.t.badges.get(int(row[9])), p.get("approved_by")),
                },
            )
            self.after_close(e, p.get("shift_id"), item)
        for pair, e in events.items():
            if pair not in self.diffs:
                self.c.add(
                    "drawer_deleted",
                    f"difference {pair[0]}/{pair[1]}",
                    f"the difference of event {e.seq} is missing",
                    e.seq,
                )

    def shifts_closed(self) -> None:
        events = self._events("shift_closed", "shift_id")
        for sid, e in events.items():
            item = f"shift #{sid}"
            row = self.closures.get(int(sid or 0))
            shift = self.shifts.get(int(sid or 0))
            p = e.payload
            if row is None:
                self.c.add(
                    "drawer_deleted",
                    f"shift closure #{sid}",
                    f"the closure of {item} (event {e.seq}) is missing",
                    e.seq,
                )
            else:
                pairs = {
                    "count": (row[2], p.get("count_id")),
                    "expected_cash_fen": (row[3], p.get("expected_cash_fen")),
                    "counted_cash_fen": (row[4], p.get("counted_cash_fen")),
                    "closed_by": (row[5], e.staff),
                }
                if "closed_at" in p:
                    pairs["closed_at"] = (row[6], p["closed_at"])
                self.altered(f"shift closure #{sid}", f"the closure of {item}", e.seq, pairs)
            if shift is not None and shift[7] is None:
                self.c.add(
                    "drawer_altered", item, f"{item}, closed by event {e.seq}, is open again", e.seq
                )
            elif shift is not None and row is not None and norm(shift[7]) != norm(row[6]):
                self.c.add(
                    "drawer_altered",
                    item,
                    f"{item} closed_at {norm(shift[7])} differs from its closure ({norm(row[6])})",
                    e.seq,
                )
            self.after_close(e, sid, f"the closure of {item}")
        for sid, shift in self.shifts.items():
            if shift[7] is not None and sid not in events:
                self.c.add(
                    "drawer_altered",
                    f"shift #{sid}",
                    f"shift #{sid} is marked closed, but no shift close recorded it",
                )
        for sid in self.closures:
            if sid not in events:
                self.c.add(
                    "drawer_inserted",
                    f"shift closure #{sid}",
                    f"the closure row of shift #{sid} has no audit event (inserted)",
                )
