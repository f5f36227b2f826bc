"""The audit trail: every money- or record-changing event appends a row whose hash is
HMAC-SHA256(key, previous hash + canonical JSON of the fields). The key lives outside
the database, so editing the file cannot forge a consistent chain.

Truncation (deleting the newest events) leaves a chain that is consistent in itself,
so the chain head is also kept outside the database: after each commit that appended
events, the head (seq, hash) is written to a small *anchor* file next to the key,
itself sealed with the key. `verify()` checks that the database still holds that
head. The anchor can only lag behind the database (a crash between the commit and the
anchor write), never run ahead of it, so it raises no false alarm; day reports carry
the day's head too and can be checked with `verify(anchors=[...])`.

Convention for events that create a payment (a collection, a void): the payload
carries `payment` (the payment row's id), `amount_fen` and, when a receipt or slip is
issued, `receipt` (its code, e.g. `MS-2026-000123`). `verify()` then also checks every payment and receipt row against
its event, so an amount edited in the payment table is caught as well.

History loaded from elsewhere (the demo data set, or payments migrated from an older
system) never passed through the counter and has no event per payment. It is sealed
once, when it is loaded, by `seal_history()`: one `history.import` event per block of
HISTORY_BLOCK payment ids, carrying the block's count, total and a SHA-256 digest of
its payment and receipt rows. `verify()` recomputes each block from the tables, so an
imported payment that is edited, added or deleted breaks its block.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gasdesk.storage.models import AuditEvent, db, now

log = logging.getLogger(__name__)
GENESIS = "0" * 64
HISTORY_KIND = "history.import"
HISTORY_BLOCK = 10_000  # payment ids per sealed block of imported history
MAX_PROBLEMS = 20
_key: bytes | None = None
_anchor_path: Path | None = None
_anchor_seq: int = -1  # highest seq this process knows the anchor file holds
_latest = threading.local()  # .seq: the latest event this thread appended


def load_key(path: Path, anchor_path: Path | None = None, *, create: bool = True) -> None:
    """Read the chain key, creating it (owner-only) on first use unless `create` is
    False; the anchor file lives next to it unless named."""
    global _key, _anchor_path, _anchor_seq
    if not path.exists() and not create:
        raise FileNotFoundError(f"the audit key file {path} is missing")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    _key = bytes.fromhex(path.read_text().strip())
    _anchor_path = anchor_path or path.with_suffix(".head")
    _anchor_seq = -1


def anchor_path() -> Path | None:
    return _anchor_path


def canonical(fields: dict[str, Any]) -> str:
    return json.dumps(
        fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )


def _mac(message: str) -> str:
    if _key is None:
        raise RuntimeError("audit key not loaded")
    return hmac.digest(_key, message.encode(), hashlib.sha256).hex()


def compute_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return _mac(prev_hash + canonical(fields))


def _at_text(at: dt.datetime | str) -> str:
    return at.isoformat(sep=" ") if isinstance(at, dt.datetime) else str(at)


def event_fields(
    seq: int,
    at: dt.datetime | str,
    kind: str,
    staff_id: int | None,
    office_id: int | None,
    payload_json: str,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": _at_text(at),
        "kind": kind,
        "staff": staff_id,
        "office": office_id,
        "payload": payload_json,
    }


def append(kind: str, *, staff_id: int | None, office_id: int | None, **payload: Any) -> AuditEvent:
    """Append one event; call inside the transaction of the change it records
    (`write_transaction()` serialises writers, so the chain cannot fork)."""
    if not db.obj.in_transaction():
        raise RuntimeError("audit.append() must run inside the change's write_transaction()")
    last = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).first()
    )
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = now()
    payload_json = canonical(payload)
    digest = compute_hash(prev, event_fields(seq, at, kind, staff_id, office_id, payload_json))
    event = AuditEvent.create(
        seq=seq,
        at=at,
        kind=kind,
        staff=staff_id,
        office=office_id,
        payload_json=payload_json,
        prev_hash=prev,
        hash=digest,
    )
    # one anchor write per transaction, however many events it appended: only the
    # callback of the latest append (in this thread) writes, and it anchors the head
    # as committed (a savepoint rolled back inside the transaction took its events)
    _latest.seq = seq
    db.obj.after_commit(lambda: _anchor_committed_head() if _latest.seq == seq else None)
    return event


def head() -> tuple[int, str]:
    last = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).first()
    )
    return (last.seq, last.hash) if last else (0, GENESIS)


# --- the anchor file -------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    first: str  # hash of event 1: which chain this anchor belongs to


def _anchor_mac(a: Anchor) -> str:
    return _mac(f"anchor|{a.first}|{a.seq}|{a.hash}")


def read_anchor() -> Anchor | None:
    """The anchor file's head, None when there is none; ValueError when the file was
    altered (its seal does not match)."""
    if _anchor_path is None or not _anchor_path.exists():
        return None
    try:
        data = json.loads(_anchor_path.read_text())
        a = Anchor(int(data["seq"]), str(data["hash"]), str(data["first"]))
        mac = str(data["mac"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"the anchor file {_anchor_path.name} cannot be read ({exc})") from exc
    if not hmac.compare_digest(mac, _anchor_mac(a)):
        raise ValueError(f"the anchor file {_anchor_path.name} was altered")
    return a


def write_anchor(a: Anchor) -> None:
    """Replace the anchor file atomically (write aside, fsync, rename)."""
    if _anchor_path is None:
        return
    global _anchor_seq
    data = {"seq": a.seq, "hash": a.hash, "first": a.first, "mac": _anchor_mac(a)}
    tmp = _anchor_path.with_name(_anchor_path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps(data))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, _anchor_path)
    _anchor_seq = a.seq


def reset_anchor() -> None:
    """Point the anchor at the database's present head (a new database, or one just
    restored from a backup whose chain legitimately ends earlier)."""
    global _anchor_seq
    seq, digest = head()
    if seq == 0:
        if _anchor_path is not None and _anchor_path.exists():
            _anchor_path.unlink()
        _anchor_seq = 0
        return
    write_anchor(Anchor(seq, digest, _first_hash()))


def _first_hash() -> str:
    first = AuditEvent.select(AuditEvent.hash).where(AuditEvent.seq == 1).first()
    return first.hash if first else GENESIS


def _anchor_committed_head() -> None:
    try:
        seq, digest = head()
    except Exception as exc:  # never fail a committed change (see _advance_anchor)
        log.warning("audit anchor not updated: %s", exc)
        return
    _advance_anchor(seq, digest)


def _advance_anchor(seq: int, digest: str) -> None:
    """After a commit: move the anchor forward (never back). It must never raise:
    the change is committed, and a failure here must not be reported as a failed
    payment; a lagging anchor only weakens the truncation check."""
    try:
        _advance_anchor_unguarded(seq, digest)
    except Exception as exc:
        log.warning("audit anchor not updated: %s", exc)


def _advance_anchor_unguarded(seq: int, digest: str) -> None:
    global _anchor_seq
    if _anchor_path is None or seq <= _anchor_seq:
        return
    try:
        current = read_anchor()
    except ValueError:
        current = None  # an altered anchor is reported by verify(), not overwritten blindly
        if _anchor_path.exists():
            return
    if current is not None and current.seq >= seq:
        _anchor_seq = current.seq
        return
    write_anchor(Anchor(seq, digest, _first_hash()))


# --- imported history ------------------------------------------------------------

# the rows a block's digest covers; {p} is the driver's parameter mark
HISTORY_SQL = (
    "SELECT p.id, p.account_id, p.office_id, p.business_date, p.kind, p.method, "
    "p.amount_fen, r.series, r.number FROM payment p "
    "LEFT JOIN receipt r ON r.payment_id = p.id "
    "WHERE p.id BETWEEN {p} AND {p} ORDER BY p.id"
)


@dataclass(frozen=True)
class HistoryBlock:
    count: int
    total_fen: int
    digest: str


HistoryReader = Callable[[int, int], HistoryBlock]


def history_block(rows: Iterable[tuple[Any, ...]]) -> HistoryBlock:
    """Count, total and digest of payment rows as HISTORY_SQL returns them (the same
    text on SQLite and PostgreSQL: dates are written as YYYY-MM-DD)."""
    h = hashlib.sha256()
    count = total = 0
    for row in rows:
        count += 1
        total += int(row[6])
        h.update(("|".join("" if v is None else str(v) for v in row) + "\n").encode())
    return HistoryBlock(count, total, h.hexdigest())


# `execute(sql, params)` on some connection, returning its rows
Execute = Callable[[str, tuple[Any, ...]], Iterable[Any]]


def _history_reader(execute: Execute, mark: str) -> HistoryReader:
    """A HistoryReader over a connection; `mark` is its parameter mark (`?` for
    sqlite3, `%s` for psycopg2)."""
    sql = HISTORY_SQL.format(p=mark)
    return lambda first, last: history_block(execute(sql, (first, last)))


def _db_execute(sql: str, params: tuple[Any, ...] = ()) -> Iterable[Any]:
    return db.obj.execute_sql(sql, params)


def seal_history(source: str) -> int:
    """Seal the payments loaded without the counter (see the module notes): append a
    `history.import` event per block of payment ids not sealed yet. Only before the
    first counter payment: afterwards new payments carry their own events. Call inside
    the load's write_transaction(); returns the number of events appended."""
    if not db.obj.in_transaction():
        raise RuntimeError("audit.seal_history() must run inside a write_transaction()")
    sealed_to = 0
    for (payload_json,) in db.obj.execute_sql("SELECT payload_json FROM audit_event"):
        payload = json.loads(payload_json)
        if "payment" in payload:
            raise RuntimeError("history can only be sealed before the first counter payment")
        if isinstance(payload.get("last"), int) and "digest" in payload:
            sealed_to = max(sealed_to, payload["last"])
    (top,) = db.obj.execute_sql("SELECT COALESCE(MAX(id), 0) FROM payment").fetchone()
    read = _history_reader(_db_execute, db.obj.param)
    appended = 0
    for first in range(sealed_to + 1, int(top) + 1, HISTORY_BLOCK):
        last = min(first + HISTORY_BLOCK - 1, int(top))
        block = read(first, last)
        if block.count:
            append(
                HISTORY_KIND,
                staff_id=None,
                office_id=None,
                source=source,
                first=first,
                last=last,
                count=block.count,
                total_fen=block.total_fen,
                digest=block.digest,
            )
            appended += 1
    return appended


# --- verification ----------------------------------------------------------------


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int  # audit rows read
    head_seq: int
    head_hash: str
    first_bad_seq: int | None  # the first audit sequence number that is wrong or missing
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.events} events, head {self.head_seq} {self.head_hash[:16]}."
        where = f" at sequence number {self.first_bad_seq}" if self.first_bad_seq else ""
        return f"Audit chain BROKEN{where}: {self.problems[0]}"


Row = tuple[int, Any, str, int | None, int | None, str, str, str]


class _Collector:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.first_bad: int | None = None
        self.count = 0

    def bad(self, seq: int | None, text: str) -> None:
        self.count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        if seq is not None and (self.first_bad is None or seq < self.first_bad):
            self.first_bad = seq


def verify_rows(
    rows: Iterable[Row],
    anchors: Iterable[tuple[int, str]] = (),
    payments: Iterable[tuple[int, int]] | None = None,
    receipts: Iterable[tuple[int, str, int]] | None = None,
    anchor: Anchor | None = None,
    history: HistoryReader | None = None,
) -> VerifyResult:
    """Check audit rows (seq, at, kind, staff, office, payload_json, prev_hash, hash),
    given in seq order, against the key; then the anchors, the sealed blocks of
    imported history (recomputed by `history`) and the other payment rows."""
    c = _Collector()
    expected, prev, n = 1, GENESIS, 0
    hashes: dict[int, str] = {}
    paid: dict[int, tuple[int, Any, Any]] = {}  # payment_id -> (seq, amount_fen, receipt)
    blocks: list[tuple[int, int, int, dict[str, Any]]] = []  # (first, last, seq, payload)
    first_hash = GENESIS
    for seq, at, kind, staff, office, payload_json, prev_hash, digest in rows:
        n += 1
        if seq > expected:
            missing = f"{expected}" if seq == expected + 1 else f"{expected}-{seq - 1}"
            c.bad(expected, f"events {missing} are missing (deleted)")
        elif seq < expected:
            c.bad(seq, f"event {seq} appears twice or out of order")
        if prev_hash != prev:
            c.bad(seq, f"event {seq} does not follow the event before it")
        fields = event_fields(seq, at, kind, staff, office, payload_json)
        if not hmac.compare_digest(compute_hash(prev, fields), digest):
            c.bad(seq, f"event {seq} ({kind}) was altered: its hash does not match its contents")
        if seq == 1:
            first_hash = digest
        hashes[seq] = digest
        expected, prev = seq + 1, digest
        if payments is not None and kind == HISTORY_KIND:
            block = _history_payload(payload_json)
            if block is None:
                c.bad(seq, f"event {seq} ({kind}) does not name a block of payments")
            else:
                blocks.append((block["first"], block["last"], seq, block))
        elif payments is not None and '"payment"' in payload_json:
            try:
                payload = json.loads(payload_json)
            except ValueError:
                payload = None
            if (
                isinstance(payload, dict)
                and isinstance(payload.get("payment"), int)
                and "amount_fen" in payload
            ):  # the event that created the payment comes first: setdefault keeps it
                paid.setdefault(
                    payload["payment"], (seq, payload["amount_fen"], payload.get("receipt"))
                )
    head_seq = expected - 1

    all_anchors = [(s, h, f"the recorded head {s}") for s, h in anchors]
    if anchor is not None:
        if anchor.first != first_hash and head_seq > 0:
            c.bad(1, "the anchor file belongs to another chain (event 1 differs)")
        all_anchors.append((anchor.seq, anchor.hash, f"the anchor file's head {anchor.seq}"))
    for s, h, label in all_anchors:
        if s > head_seq:
            c.bad(head_seq + 1, f"events after {head_seq} are missing: {label} is gone (truncated)")
        elif s > 0 and hashes.get(s) != h:
            c.bad(s, f"event {s} differs from {label}")

    if payments is not None:
        blocks.sort()
        starts = [b[0] for b in blocks]
        _check_history(c, blocks, history)

        def imported(pid: int) -> bool:
            i = bisect_right(starts, pid) - 1
            return i >= 0 and pid <= blocks[i][1]

        seen: set[int] = set()
        for pid, amount in payments:
            seen.add(pid)
            if imported(pid):
                continue  # its block's digest covers it
            ev = paid.get(pid)
            if ev is None:
                c.bad(None, f"payment #{pid} has no audit event (inserted or its event deleted)")
            elif ev[1] != amount:
                c.bad(
                    None,
                    f"payment #{pid} amount {amount} differs from audit event {ev[0]} ({ev[1]})",
                )
        for pid, (seq, _, _) in paid.items():
            if pid not in seen:
                c.bad(None, f"payment #{pid} recorded by audit event {seq} is missing (deleted)")
        for pid, series, number in receipts or ():
            if imported(pid):
                continue
            ev = paid.get(pid)
            code = f"{series}-{number:06d}"
            if ev is not None and ev[2] is not None and ev[2] != code:
                c.bad(
                    None,
                    f"receipt {code} of payment #{pid} differs from audit event {ev[0]} ({ev[2]})",
                )
    return VerifyResult(
        ok=c.count == 0,
        events=n,
        head_seq=head_seq,
        head_hash=prev,
        first_bad_seq=c.first_bad,
        problems=tuple(c.problems),
    )


def _history_payload(payload_json: str) -> dict[str, Any] | None:
    try:
        payload = json.loads(payload_json)
    except ValueError:
        return None
    ints = ("first", "last", "count", "total_fen")
    if not isinstance(payload, dict) or not all(isinstance(payload.get(k), int) for k in ints):
        return None
    if not isinstance(payload.get("digest"), str) or payload["first"] > payload["last"]:
        return None
    return payload


def _check_history(
    c: _Collector, blocks: list[tuple[int, int, int, dict[str, Any]]], history: HistoryReader | None
) -> None:
    """Each sealed block against the tables as they are now; blocks must not overlap."""
    covered_to = 0
    for first, last, seq, payload in blocks:
        label = f"imported payments #{first}-#{last} (event {seq})"
        if first <= covered_to:
            c.bad(seq, f"{label} overlap an earlier block")
        covered_to = max(covered_to, last)
        if history is None:
            c.bad(seq, f"{label} cannot be checked here")
            continue
        now_ = history(first, last)
        if now_.count != payload["count"]:
            c.bad(seq, f"{label}: {now_.count} payments where {payload['count']} were sealed")
        elif now_.total_fen != payload["total_fen"]:
            c.bad(
                seq,
                f"{label}: total {now_.total_fen} differs from the sealed {payload['total_fen']}",
            )
        elif not hmac.compare_digest(now_.digest, payload["digest"]):
            c.bad(seq, f"{label}: a payment or receipt row was altered")


def verify_connection(
    execute: Execute,
    mark: str,
    anchors: Iterable[tuple[int, str]] = (),
    anchor: Anchor | None = None,
) -> VerifyResult:
    """verify_rows() over the tables of a connection (the open database, or a backup
    file opened read-only): chain, payments, receipts and the sealed history."""
    # plain cursors: a million rows through the ORM would take most of the time
    rows = execute(
        "SELECT seq, at, kind, staff_id, office_id, payload_json, prev_hash, hash "
        "FROM audit_event ORDER BY seq",
        (),
    )
    payments = execute("SELECT id, amount_fen FROM payment", ())
    receipts = execute("SELECT payment_id, series, number FROM receipt", ())
    return verify_rows(rows, anchors, payments, receipts, anchor, _history_reader(execute, mark))


def verify(
    anchors: Iterable[tuple[int, str]] = (), *, use_anchor_file: bool = True
) -> VerifyResult:
    """Recompute the whole chain of the open database and check it against the anchor
    file, any other recorded heads (`anchors`: (seq, hash) pairs, e.g. from day
    reports) and the payment and receipt rows."""
    extra: list[str] = []
    anchor: Anchor | None = None
    if use_anchor_file:
        try:
            anchor = read_anchor()
        except ValueError as exc:
            extra.append(str(exc))
    result = verify_connection(_db_execute, db.obj.param, anchors, anchor)
    if extra:
        return VerifyResult(
            ok=False,
            events=result.events,
            head_seq=result.head_seq,
            head_hash=result.head_hash,
            first_bad_seq=result.first_bad_seq,
            problems=(*extra, *result.problems),
        )
    return result
