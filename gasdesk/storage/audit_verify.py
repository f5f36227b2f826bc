"""Checking the audit trail: the chain against the key file, its head against the
anchor file and any head recorded elsewhere (a Z slip, a backup), the sealed imported
history, and every money- and day-bearing row against the event that recorded it
(audit_cover.py).

What a deployment can tell without a printed report:
- an edit, insertion, deletion or reordering of any covered row or event: always
  (the key is needed to forge an event);
- a cut-off end of the chain: from the anchor file beside the database (and, for a
  chain that once had one, its absence), from the heads of the backups in the backup
  folder, and with PostgreSQL from the anchor file of every other counter;
- a chain sealed again with a substituted key: from the key fingerprints the chain
  records (day closures, anchors, key changes), from the backups' heads and from the
  other counters' anchors; an attacker who also rewrites those is caught only by a
  head and fingerprint kept off the machine (the Z slip, a backup on other media).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gasdesk.storage import audit, audit_cover
from gasdesk.storage.audit_chain import CHAIN_SQL, Chain, walk_chain
from gasdesk.storage.audit_findings import (
    MAX_DETAILS,
    Collector,
    Finding,
    SummaryLine,
    summary_lines,
)
from gasdesk.storage.audit_history import HistoryReader, history_reader
from gasdesk.storage.audit_key import KeyRing
from gasdesk.storage.audit_state import Execute, db_execute
from gasdesk.storage.models import db


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int  # audit rows read
    head_seq: int
    head_hash: str
    first_bad_seq: int | None  # the first audit sequence number that is wrong or missing
    problems: tuple[str, ...] = field(default_factory=tuple)  # detail lines (English)
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    counts: dict[str, int] = field(default_factory=dict)  # findings per kind
    keys: tuple[str, ...] = field(default_factory=tuple)  # fingerprints that sealed the chain

    @property
    def summary(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.events} events, head {self.head_seq} {self.head_hash[:16]}."
        where = f" at sequence number {self.first_bad_seq}" if self.first_bad_seq else ""
        return f"Audit chain BROKEN{where}: {self.problems[0]}"

    def lines(self) -> list[SummaryLine]:
        """A line per kind of finding for the supervisor (templates to translate)."""
        return summary_lines(self.findings, self.counts)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.warning)


@dataclass(frozen=True)
class RecordedHead:
    """A chain head kept elsewhere: a Z slip (`--anchor`), the anchor file, a backup."""

    seq: int
    hash: str
    label: str  # for the log: "the anchor file's head 12"
    item: str  # for the supervisor: "Z slip 12", "backup gasdesk-MS-….db"
    hash_at: Callable[[int], str | None] | None = None  # the backup's own chain
    # a backup's first event (time, kind, the chain's name if it has one): a backup of
    # another database in the same folder is passed over. Not its hash: a chain sealed
    # again changes every hash.
    origin: tuple[str, str, str] | None = None


def check_heads(
    c: Collector,
    chain: Chain,
    heads: Iterable[RecordedHead],
    live_hash_at: Callable[[int], str | None],
) -> None:
    """Each head recorded elsewhere must be in the chain as recorded. A backup's head
    from a chain a restore replaced (it agrees with the chain up to the restored head)
    is passed over."""
    restored = [int(e.payload.get("head_seq", 0)) for e in chain.of("restore")]
    for h in heads:
        if h.seq <= 0 or (h.origin is not None and h.origin != chain.origin):
            continue
        now = chain.hashes.get(h.seq) if h.seq <= chain.head_seq else None
        if now == h.hash:
            continue
        if h.hash_at is not None and any(
            0 < r < h.seq and h.hash_at(r) == live_hash_at(r) for r in restored
        ):
            continue  # a backup of the chain a later restore took out of use
        if h.seq > chain.head_seq:
            c.add(
                "chain_truncated",
                f"#{h.seq} ({h.item})",
                f"events after {chain.head_seq} are missing: {h.label} is gone (truncated)",
                chain.head_seq + 1,
            )
        else:
            c.add(
                "chain_other_head",
                f"#{h.seq} ({h.item})",
                f"event {h.seq} differs from {h.label}",
                h.seq,
            )


def check_anchor_file(
    c: Collector,
    chain: Chain,
    anchor: audit.Anchor | None,
    node: str | None,
    name: str,
    database: str = "",
) -> list[RecordedHead]:
    """The anchor file against the chain; its head goes with the other recorded heads.
    Without a file, a chain that records an anchor for this place is an alarm."""
    for e in chain.of(audit.ANCHOR_RESTARTED):
        c.add(
            "anchor_restarted",
            f"#{e.seq}",
            f"event {e.seq}: the anchor of {e.payload.get('host') or 'this file'} had gone "
            f"missing (the chain had reached {e.payload.get('head_seq')}) and was started again",
        )
    if anchor is None:
        started = [e for e in chain.of(*audit.ANCHOR_KINDS) if e.payload.get("node") == node]
        if node is None or not started:
            return []
        files = {e.payload.get("file") for e in started}
        if node == audit.FILE_NODE and database not in files and None not in files:
            # a copy under another name (a backup, a file handed to an auditor)
            c.add(
                "anchor_absent_copy",
                name,
                f"{database} has no anchor file beside it; the chain's anchor belongs to "
                f"{'、'.join(sorted(str(f) for f in files))}: the end of this copy's chain is "
                "checked against recorded heads only",
            )
            return []
        c.add(
            "anchor_missing",
            name,
            f"the anchor file {name} is missing, though event {started[-1].seq} started it: "
            "the end of the chain cannot be checked (deleted with a truncation?)",
            chain.head_seq + 1,
        )
        return []
    if anchor.first != chain.first_hash and chain.head_seq > 0:
        c.add(
            "anchor_other_chain",
            name,
            "the anchor file belongs to another chain (event 1 differs)",
            1,
        )
    return [RecordedHead(anchor.seq, anchor.hash, f"the anchor file's head {anchor.seq}", name)]


def check_history(
    c: Collector, chain: Chain, history: HistoryReader | None
) -> list[tuple[int, int]]:
    """Each sealed block against the tables as they are now; blocks must not overlap.
    Returns the payment id ranges the blocks cover."""
    blocks = []
    for e in chain.of(audit.HISTORY_KIND):
        p = e.payload
        ints = ("first", "last", "count", "total_fen")
        if not all(isinstance(p.get(k), int) for k in ints) or not isinstance(p.get("digest"), str):
            c.add("history_altered", f"#{e.seq}", f"event {e.seq} does not name a block", e.seq)
            continue
        blocks.append((p["first"], p["last"], e.seq, p))
    blocks.sort()
    covered_to = 0
    for first, last, seq, payload in blocks:
        label = f"imported payments #{first}-#{last} (event {seq})"
        item = f"#{first}-#{last}"
        if first <= covered_to:
            c.add("history_altered", item, f"{label} overlap an earlier block", seq)
        covered_to = max(covered_to, last)
        if history is None:
            c.add("history_altered", item, f"{label} cannot be checked here", seq)
            continue
        now_ = history(first, last, int(payload.get("v", 1)))
        if now_.count != payload["count"]:
            c.add(
                "history_altered",
                item,
                f"{label}: {now_.count} payments where {payload['count']} were sealed",
                seq,
            )
        elif now_.total_fen != payload["total_fen"]:
            c.add(
                "history_altered",
                item,
                f"{label}: total {now_.total_fen} differs from the sealed {payload['total_fen']}",
                seq,
            )
        elif not hmac.compare_digest(now_.digest, payload["digest"]):
            c.add("history_altered", item, f"{label}: a payment or receipt row was altered", seq)
    return [(b[0], b[1]) for b in blocks]


def verify_connection(
    execute: Execute,
    mark: str,
    anchors: Iterable[tuple[int, str]] = (),
    anchor: audit.Anchor | None = None,
    *,
    ring: KeyRing | None = None,
    anchor_node: str | None = None,
    anchor_name: str = "",
    heads: Iterable[RecordedHead] = (),
    collector: Collector | None = None,
) -> VerifyResult:
    """The whole check over the tables of a connection (the open database, or a backup
    file opened read-only). `ring` defaults to the key file in use."""
    c = collector or Collector()
    ring = ring if ring is not None else audit.key_ring()
    recorded = [RecordedHead(s, h, f"the recorded head {s}", f"Z {s}") for s, h in anchors]
    recorded += list(heads)
    wanted = {h.seq for h in recorded} | ({anchor.seq} if anchor is not None else set())
    # plain cursors: a million rows through the ORM would take most of the time
    chain = walk_chain(c, execute(CHAIN_SQL, ()), ring, wanted)
    recorded += check_anchor_file(
        c, chain, anchor, anchor_node, anchor_name or "anchor file", audit.database_name()
    )

    def live_hash_at(seq: int) -> str | None:
        rows = list(execute(f"SELECT hash FROM audit_event WHERE seq = {mark}", (seq,)))
        return str(rows[0][0]) if rows else None

    check_heads(c, chain, recorded, live_hash_at)
    covered = check_history(c, chain, history_reader(execute, mark))
    audit_cover.check_all(c, chain, execute, mark, covered)
    details = tuple(f.detail for f in c.findings if not f.warning)[:MAX_DETAILS]
    return VerifyResult(
        ok=not c.failed,
        events=chain.events,
        head_seq=chain.head_seq,
        head_hash=chain.head_hash,
        first_bad_seq=c.first_bad,
        problems=details,
        findings=tuple(c.findings),
        counts=dict(c.counts),
        keys=tuple(chain.keys_used),
    )


def verify(
    anchors: Iterable[tuple[int, str]] = (),
    *,
    use_anchor_file: bool = True,
    heads: Iterable[RecordedHead] = (),
) -> VerifyResult:
    """Check the open database: the chain against the key file, the anchor beside the
    database (or its absence where the chain says one was started), any other
    recorded heads (`anchors`: (seq, hash) pairs, e.g. from Z slips; `heads`, e.g.
    from backups) and every covered row."""
    c = Collector()
    problem = audit.key_problem()
    if problem is not None:
        c.add("key_unusable", str(audit_key_path(problem)), problem.message)
    anchor: audit.Anchor | None = None
    path = audit.anchor_path()
    name = path.name if path is not None else ""
    node: str | None = None
    if use_anchor_file:
        node = audit.anchor_node()
        try:
            anchor = audit.read_anchor()
        except ValueError as exc:
            c.add("anchor_altered", name, str(exc))
            node = None  # there is a file, just not a sound one
    return verify_connection(
        db_execute,
        db.obj.param,
        anchors,
        anchor,
        anchor_node=node,
        anchor_name=name,
        heads=heads,
        collector=c,
    )


def audit_key_path(problem: Exception) -> str:
    params = getattr(problem, "params", {})
    return str(params.get("path", ""))
