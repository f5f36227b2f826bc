"""The walk over the audit events in seq order: gaps, doubles, links, the seal of each
event with the keys of the key file (which key sealed what, key changes, fingerprints
the events record), and what the other checks need from the payloads."""

from __future__ import annotations

import hmac
import json
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from gasdesk.storage import audit
from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_key import KeyRing, fingerprint
from gasdesk.storage.import_seal import IMPORT_KIND

GENESIS = audit.GENESIS
DRAWER_KINDS = (
    "shift_opened",
    "blind_count",
    "cash_paid_in",
    "cash_paid_out",
    "cash_difference",
    "shift_closed",
)
CARD_KINDS = ("card_issued", "card_purchase", "card_written", "cards.registered")
PARSED_KINDS = frozenset(
    {
        *DRAWER_KINDS,
        *CARD_KINDS,
        "day_closed",
        "restore",
        "form_effect",
        "account_credit",
        audit.HISTORY_KIND,
        audit.STATE_KIND,
        IMPORT_KIND,
        *audit.ANCHOR_KINDS,
        *audit.KEY_KINDS,
    }
)
CHAIN_SQL = (
    "SELECT seq, at, kind, staff_id, office_id, payload_json, prev_hash, hash "
    "FROM audit_event ORDER BY seq"
)


@dataclass(frozen=True)
class Event:
    """An event whose payload a check needs."""

    seq: int
    at: str
    kind: str
    staff: int | None
    office: int | None
    payload: dict[str, Any]
    hash: str


@dataclass
class Chain:
    """What the walk over the audit events leaves for the other checks."""

    events: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    first_hash: str = GENESIS
    origin: tuple[str, str, str] | None = None  # event 1 (see RecordedHead.origin)
    hashes: dict[int, str] = field(default_factory=dict)  # of the seqs asked for
    # the events that made a payment: its id and the event's seq, in chain order (two
    # arrays of 8-byte integers: years of counter payments stay small in memory; the
    # payloads are read again chunk by chunk, audit_cover.py)
    pay_ids: array[int] = field(default_factory=lambda: array("q"))
    pay_seqs: array[int] = field(default_factory=lambda: array("q"))
    by_kind: dict[str, list[Event]] = field(default_factory=dict)
    keys_used: list[str] = field(default_factory=list)

    def of(self, *kinds: str) -> list[Event]:
        return [e for k in kinds for e in self.by_kind.get(k, [])]


def origin_of(at: Any, kind: str, payload_json: str) -> tuple[str, str, str]:
    """What tells one chain from another, kept when a chain is sealed again: the first
    event's time and kind, and the random name a new chain's first event carries."""
    payload = _parse(payload_json) or {}
    return (audit.stamp(at) or "", kind, str(payload.get("chain", "")))


def _parse(payload_json: str) -> dict[str, Any] | None:
    try:
        payload = json.loads(payload_json)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


class _Walk:
    """The walk over the events in seq order: links, seals, keys, and the payloads."""

    def __init__(self, c: Collector, ring: KeyRing | None, wanted: set[int]) -> None:
        self.c = c
        self.keys = ring.keys if ring is not None else ()
        self.fp = {k: fingerprint(k) for k in self.keys}
        self.ring = ring
        self.wanted = wanted
        self.chain = Chain()
        self.current: bytes | None = None
        self.absent = False  # the chain changed to a key the file lacks
        self.verified_any = False
        self.runs: list[list[tuple[int, str]]] = []  # runs of events no key sealed
        self.run_ends: list[tuple[int, str]] = []  # the event after each run
        self.in_run = False
        self.unchecked: list[int] = []

    def seal(self, message: str, digest: str) -> bytes | None:
        def ok(k: bytes) -> bool:
            return hmac.compare_digest(audit.mac_with(k, message), digest)

        if self.current is not None and ok(self.current):
            return self.current
        return next((k for k in self.keys if k is not self.current and ok(k)), None)

    def row(self, row: tuple[Any, ...], prev: str) -> None:
        seq, at, kind, staff, office, payload_json, _prev_hash, digest = row
        chain, c = self.chain, self.c
        sealing: bytes | None = None
        if self.keys and not self.absent:
            fields = audit.event_fields(seq, at, kind, staff, office, payload_json)
            sealing = self.seal(prev + audit.canonical(fields), digest)
            if sealing is None:
                if not self.in_run:
                    self.runs.append([])
                self.runs[-1].append((seq, kind))
                self.in_run = True
            else:
                if self.in_run:
                    self.run_ends.append((seq, kind))
                self.in_run = False
                if self.current is not None and sealing is not self.current:
                    c.add(
                        "key_switched",
                        f"#{seq}",
                        f"event {seq} ({kind}) is sealed with key {self.fp[sealing]}, not with "
                        f"{self.fp[self.current]}, and no key change was recorded",
                        seq,
                    )
                if not chain.keys_used or chain.keys_used[-1] != self.fp[sealing]:
                    chain.keys_used.append(self.fp[sealing])
                self.current = sealing
                self.verified_any = True
        elif self.keys:
            self.unchecked.append(seq)
        if seq in self.wanted:
            chain.hashes[seq] = digest
        if kind in PARSED_KINDS:
            payload = _parse(payload_json) or {}
            at_text = audit.stamp(at) or ""
            event = Event(seq, at_text, kind, staff, office, payload, digest)
            chain.by_kind.setdefault(kind, []).append(event)
            self.keys_recorded(event, sealing)
        elif kind in ("payment", "void") or '"payment"' in payload_json:
            made = _parse(payload_json)
            if (
                made is not None and isinstance(made.get("payment"), int) and "amount_fen" in made
            ):  # the event that created the payment comes first (audit_cover keeps it)
                chain.pay_ids.append(made["payment"])
                chain.pay_seqs.append(seq)

    def keys_recorded(self, e: Event, sealing: bytes | None) -> None:
        """The fingerprints an event records against the key that sealed it; a key
        event switches the walk to the key it names."""
        if sealing is None:
            return
        recorded = e.payload.get("old") if e.kind == audit.KEY_ROTATED else e.payload.get("key")
        if e.kind == audit.KEY_REPLACED:
            recorded = e.payload.get("new")
        if recorded is not None and recorded != self.fp[sealing]:
            self.c.add(
                "key_recorded_differs",
                f"#{e.seq}",
                f"event {e.seq} ({e.kind}) records key {recorded} but is sealed with "
                f"{self.fp[sealing]}",
                e.seq,
            )
        if e.kind in audit.KEY_KINDS:
            named = str(e.payload.get("new", ""))
            new = self.ring.by_fingerprint(named) if self.ring is not None else None
            if new is None:
                self.c.add(
                    "key_absent",
                    named,
                    f"event {e.seq} changes to key {named}, which the key file lacks",
                    e.seq,
                )
                self.absent = True
            self.current = new

    def finish(self) -> None:
        c = self.c
        if self.runs and not self.verified_any:
            fps = "、".join(self.fp.values())
            c.add(
                "key_wrong",
                fps,
                f"no event verifies with the key file's keys ({fps}): the key is not this "
                "database's, or the chain was sealed again with another key",
                self.runs[0][0][0],
            )
            return
        for i, run in enumerate(self.runs):
            end = self.run_ends[i] if i < len(self.run_ends) else None
            if end is not None and end[1] == audit.KEY_REPLACED:
                first, last = run[0][0], run[-1][0]
                c.add(
                    "key_lost",
                    f"#{first}-#{last}",
                    f"events {first}-{last} were sealed with a key replaced as lost at "
                    f"event {end[0]}; they cannot be checked",
                )
                continue
            for seq, kind in run:
                c.add(
                    "chain_altered",
                    f"#{seq}",
                    f"event {seq} ({kind}) was altered: its hash does not match its contents",
                    seq,
                )


def walk_chain(
    c: Collector, rows: Iterable[tuple[Any, ...]], ring: KeyRing | None, wanted: set[int]
) -> Chain:
    """Check audit rows (seq, at, kind, staff, office, payload_json, prev_hash, hash),
    given in seq order: no gap, no double, each linked to the one before and sealed
    with a key of `ring` (no key: the seals are not checked)."""
    walk = _Walk(c, ring, wanted)
    chain = walk.chain
    expected, prev = 1, GENESIS
    for row in rows:
        seq, kind, prev_hash, digest = int(row[0]), str(row[2]), str(row[6]), str(row[7])
        chain.events += 1
        if seq > expected:
            missing = f"{expected}" if seq == expected + 1 else f"{expected}-{seq - 1}"
            c.add(
                "chain_missing", f"#{missing}", f"events {missing} are missing (deleted)", expected
            )
        elif seq < expected:
            c.add("chain_order", f"#{seq}", f"event {seq} appears twice or out of order", seq)
        if prev_hash != prev:
            c.add("chain_order", f"#{seq}", f"event {seq} does not follow the event before it", seq)
        walk.row((seq, row[1], kind, row[3], row[4], row[5], prev_hash, digest), prev)
        if seq == 1:
            chain.first_hash = digest
            chain.origin = origin_of(row[1], kind, str(row[5]))
        expected, prev = seq + 1, digest
    walk.finish()
    chain.head_seq, chain.head_hash = expected - 1, prev
    return chain
