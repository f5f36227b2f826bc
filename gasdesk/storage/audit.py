"""The audit trail: every money- or record-changing event appends a row whose hash is
HMAC-SHA256(key, previous hash + canonical JSON of the fields). The key lives outside
the database (storage/audit_key.py), so editing the file cannot forge a consistent
chain.

The key is an alarm, never a default. A missing, empty or malformed key file stops
every write (write_transaction() calls `require_key()`) with a message that tells a
supervisor how to restore it; a key is made only for a database whose chain is still
empty, or by `gasdesk key new`, which records itself in the chain (`key_rotated`,
sealed with the old key, or `key_replaced` when the old key is lost). Before each
append the newest event is checked with the key (one HMAC): a key that did not seal
it stops the write as well. Which key of the key file seals the next event is decided
by the chain: the key that sealed the newest event, or the new key a key event names.

Truncation (deleting the newest events) leaves a chain that is consistent in itself,
so the chain head is also kept outside the database: after each commit that appended
events, the head (seq, hash) is written to a small *anchor* file, itself sealed with
the key. The anchor belongs to the database, not to the key: it lives beside an SQLite
file (`<file>.head`) and, for PostgreSQL, in this counter's data folder (one per
database). The first event a process appends while the anchor file is missing is an
`anchor_started` event (or `anchor_restarted` when the chain shows this anchor existed
before), so that `verify()` knows an anchor must be there and says so when it is gone.

Everything else (what the events cover, checking it) is in audit_verify.py,
audit_cover.py, audit_history.py and audit_state.py, which import this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gasdesk.storage import audit_key, audit_state
from gasdesk.storage.audit_key import AuditKeyError, KeyRing
from gasdesk.storage.audit_state import db_execute
from gasdesk.storage.models import AuditEvent, db, now

log = logging.getLogger(__name__)
GENESIS = "0" * 64
HISTORY_KIND = "history.import"
STATE_KIND = "history.state"
HISTORY_BLOCK = 10_000  # payment ids per sealed block of imported history
KEY_ROTATED = "key_rotated"
KEY_REPLACED = "key_replaced"
KEY_KINDS = (KEY_ROTATED, KEY_REPLACED)
ANCHOR_STARTED = "anchor_started"
ANCHOR_RESTARTED = "anchor_restarted"
ANCHOR_KINDS = (ANCHOR_STARTED, ANCHOR_RESTARTED)
FILE_NODE = "file"  # the anchor of an SQLite file: beside the file, wherever it is

_ring: KeyRing | None = None
_key_problem: AuditKeyError | None = None
_active: bytes | None = None  # the key that seals the next event (decided by the chain)
_anchor_path: Path | None = None
_node: str = FILE_NODE
_anchor_seq: int = -1  # highest seq this process knows the anchor file holds
_anchor_event: int = 0  # seq of the anchor_(re)started event this process appended, until written
_state_checked = False
_latest = threading.local()  # .seq: the latest event this thread appended


# --- the key ----------------------------------------------------------------------


def open_chain(
    key_path: Path, anchor_file: Path | None, node: str = FILE_NODE, *, create_key: bool
) -> None:
    """Read the key file and note where the anchor lives, for the open database. A
    key problem does not raise here: it is kept and stops every write
    (`require_key()`), and verify() reports it. A key file is made only when it is
    missing and the chain is still empty (a new database) and `create_key` is set."""
    global _ring, _key_problem, _active, _anchor_path, _node, _anchor_seq, _anchor_event
    global _state_checked
    _ring, _key_problem, _active = None, None, None
    _anchor_path, _node, _anchor_seq, _anchor_event = anchor_file, node, -1, 0
    _state_checked = False
    try:
        _ring = audit_key.read_ring(key_path)
    except AuditKeyError as exc:
        missing = isinstance(exc.cause, FileNotFoundError)
        if missing and create_key and head()[0] == 0:
            _ring = audit_key.create_ring(key_path)
        else:
            _key_problem = exc
            log.error("audit key unusable: %s", exc.message)


def load_key(path: Path, anchor_path: Path | None = None, *, create: bool = True) -> None:
    """Read the chain key (creating it on first use when `create`, for a chain that is
    still empty); raise AuditKeyError when it cannot be used. The anchor file is the
    one named, else none."""
    open_chain(path, anchor_path, FILE_NODE, create_key=create)
    if _key_problem is not None:
        raise _key_problem


def use_ring(ring: KeyRing) -> None:
    """Work with these keys from now on (after `gasdesk key new` or `key restore`)."""
    global _ring, _key_problem, _active
    _ring, _key_problem, _active = ring, None, None


def key_ring() -> KeyRing | None:
    return _ring


def key_problem() -> AuditKeyError | None:
    return _key_problem


def require_key() -> None:
    """Refuse a write while the key file cannot be used (see the module notes)."""
    if _key_problem is not None:
        raise _key_problem
    if _ring is None:
        raise RuntimeError("audit key not loaded")


def refuse_writes_without_key() -> None:
    """For write_transaction(): refuse every write while the key file is unusable."""
    if _key_problem is not None:
        raise _key_problem


def active_fingerprint() -> str:
    """The fingerprint of the key that seals (or would seal) the next event."""
    require_key()
    assert _ring is not None
    key = _active if _active is not None else _sealing_key(_head_row())
    return audit_key.fingerprint(key)


def anchor_path() -> Path | None:
    return _anchor_path


def anchor_node() -> str:
    return _node


def database_name() -> str:
    """The name of the SQLite file the anchor belongs to ('' for PostgreSQL)."""
    if _node != FILE_NODE or _anchor_path is None:
        return ""
    return _anchor_path.name.removesuffix(".head")


def node_for(anchor_file: Path) -> str:
    """The anchor node of a PostgreSQL counter: this machine and its anchor file."""
    text = f"{socket.gethostname()}|{anchor_file.resolve()}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- hashing ------------------------------------------------------------------------


def canonical(fields: dict[str, Any]) -> str:
    return json.dumps(
        fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )


def mac_with(key: bytes, message: str) -> str:
    return hmac.digest(key, message.encode(), hashlib.sha256).hex()


def _mac(message: str) -> str:
    require_key()
    key = _active if _active is not None else _sealing_key(_head_row())
    return mac_with(key, message)


def compute_hash(prev_hash: str, fields: dict[str, Any], key: bytes | None = None) -> str:
    if key is not None:
        return mac_with(key, prev_hash + canonical(fields))
    return _mac(prev_hash + canonical(fields))


def stamp(value: dt.datetime | dt.date | str | None) -> str | None:
    """A date or time as the audit payloads and the checks write it."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


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


HEAD_SQL = (
    "SELECT seq, at, kind, staff_id, office_id, payload_json, prev_hash, hash "
    "FROM audit_event ORDER BY seq DESC LIMIT 1"
)


def _head_row() -> tuple[Any, ...] | None:
    row = db.obj.execute_sql(HEAD_SQL).fetchone()
    return tuple(row) if row else None


def _sealing_key(row: tuple[Any, ...] | None) -> bytes:
    """The key that seals the event after `row` (the newest event): the key that
    sealed `row`, or the new key `row` names when it is a key event. AuditKeyError
    when no key of the file sealed it, or the key it names is not in the file."""
    global _active
    assert _ring is not None
    if row is None:
        _active = _ring.newest
        return _active
    seq, at, kind, staff, office, payload_json, prev, digest = row
    message = prev + canonical(event_fields(seq, at, kind, staff, office, payload_json))
    ordered = ([_active] if _active is not None else []) + [k for k in _ring.keys if k != _active]
    key = next((k for k in ordered if hmac.compare_digest(mac_with(k, message), digest)), None)
    if key is None:
        raise AuditKeyError(
            audit_key.NOT_THIS_CHAIN,
            path=str(_ring.path),
            fingerprint=audit_key.fingerprint(_ring.newest),
        )
    if kind in KEY_KINDS:
        named = str(json.loads(payload_json).get("new", ""))
        new = _ring.by_fingerprint(named)
        if new is None:
            raise AuditKeyError(audit_key.CHANGED_ELSEWHERE, fingerprint=named)
        key = new
    _active = key
    return key


def ring_fits_chain(ring: KeyRing) -> bool:
    """Whether a key of `ring` sealed the newest event (any ring fits an empty chain)."""
    row = _head_row()
    if row is None:
        return True
    seq, at, kind, staff, office, payload_json, prev, digest = row
    message = prev + canonical(event_fields(seq, at, kind, staff, office, payload_json))
    return any(hmac.compare_digest(mac_with(k, message), digest) for k in ring.keys)


# --- appending --------------------------------------------------------------------


def append(kind: str, *, staff_id: int | None, office_id: int | None, **payload: Any) -> AuditEvent:
    """Append one event; call inside the transaction of the change it records
    (`write_transaction()` serialises writers, so the chain cannot fork)."""
    if not db.obj.in_transaction():
        raise RuntimeError("audit.append() must run inside the change's write_transaction()")
    require_key()
    _record_anchor_start()
    _record_state_once()
    return _append(kind, staff_id, office_id, payload)


def _append(
    kind: str,
    staff_id: int | None,
    office_id: int | None,
    payload: dict[str, Any],
    key: bytes | None = None,
) -> AuditEvent:
    last = _head_row()
    if key is None:
        key = _sealing_key(last)
    seq = (int(last[0]) + 1) if last else 1
    prev = str(last[7]) if last else GENESIS
    at = now()
    payload_json = canonical(payload)
    digest = compute_hash(prev, event_fields(seq, at, kind, staff_id, office_id, payload_json), key)
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
    if kind in KEY_KINDS:
        _sealing_key((seq, at, kind, staff_id, office_id, payload_json, prev, digest))
    # one anchor write per transaction, however many events it appended: only the
    # callback of the latest append (in this thread) writes, and it anchors the head
    # as committed (a savepoint rolled back inside the transaction took its events)
    _latest.seq = seq
    db.obj.after_commit(lambda: _anchor_committed_head() if _latest.seq == seq else None)
    return event


def append_key_event(kind: str, *, sealed_with: bytes | None = None, **payload: Any) -> AuditEvent:
    """Record a key rotation or replacement (`gasdesk key new`), inside a
    write_transaction(). A rotation is sealed with the key in use (the old key); a
    replacement names `sealed_with`, the new key, since the old one is lost and the
    newest event cannot be checked."""
    if kind not in KEY_KINDS:
        raise ValueError(kind)
    if not db.obj.in_transaction():
        raise RuntimeError("audit.append_key_event() must run inside a write_transaction()")
    require_key()
    if sealed_with is None:
        _record_anchor_start()
    return _append(kind, None, None, payload, sealed_with)


def head() -> tuple[int, str]:
    last = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).first()
    )
    return (last.seq, last.hash) if last else (0, GENESIS)


def _record_state_once() -> None:
    """A database whose history was imported before the audit trail covered closed
    days and balances gets that coverage recorded once (audit_state.py)."""
    global _state_checked
    if _state_checked:
        return
    if _state_needed():
        payload = audit_state.state_payload("coverage starts here", active_fingerprint())
        _append(STATE_KIND, None, None, payload)
    _state_checked = True


def _state_needed() -> bool:
    """Whether this database's imported history still lacks its `history.state`."""
    first = {str(k) for (k,) in db_execute("SELECT kind FROM audit_event WHERE seq <= 2")}
    if HISTORY_KIND not in first:
        return False
    mark = db.obj.param
    found = db_execute(f"SELECT 1 FROM audit_event WHERE kind = {mark} LIMIT 1", (STATE_KIND,))
    return not list(found)


# --- the anchor file -------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    first: str  # hash of event 1: which chain this anchor belongs to


def _anchor_message(a: Anchor) -> str:
    return f"anchor|{a.first}|{a.seq}|{a.hash}"


def read_anchor() -> Anchor | None:
    """The anchor file's head, None when there is none; ValueError when the file was
    altered (its seal matches no key of the key file)."""
    if _anchor_path is None or not _anchor_path.exists():
        return None
    try:
        data = json.loads(_anchor_path.read_text())
        a = Anchor(int(data["seq"]), str(data["hash"]), str(data["first"]))
        mac = str(data["mac"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"the anchor file {_anchor_path.name} cannot be read ({exc})") from exc
    keys = _ring.keys if _ring is not None else ()
    if not any(hmac.compare_digest(mac, mac_with(k, _anchor_message(a))) for k in keys):
        raise ValueError(f"the anchor file {_anchor_path.name} was altered")
    return a


def write_anchor(a: Anchor) -> None:
    """Replace the anchor file atomically (write aside, fsync, rename)."""
    if _anchor_path is None:
        return
    global _anchor_seq
    data = {"seq": a.seq, "hash": a.hash, "first": a.first, "mac": _mac(_anchor_message(a))}
    _anchor_path.parent.mkdir(parents=True, exist_ok=True)
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
    global _anchor_seq, _anchor_event
    seq, digest = head()
    _anchor_event = 0
    if seq == 0:
        if _anchor_path is not None and _anchor_path.exists():
            _anchor_path.unlink()
        _anchor_seq = 0
        return
    write_anchor(Anchor(seq, digest, _first_hash()))


def _first_hash() -> str:
    first = AuditEvent.select(AuditEvent.hash).where(AuditEvent.seq == 1).first()
    return first.hash if first else GENESIS


def anchor_events(node: str) -> list[tuple[int, str]]:
    """(seq, kind) of the chain's anchor_started / anchor_restarted events of `node`."""
    mark = db.obj.param
    rows = db.obj.execute_sql(
        f"SELECT seq, kind, payload_json FROM audit_event WHERE kind IN ({mark}, {mark}) "
        "ORDER BY seq",
        ANCHOR_KINDS,
    )
    return [(int(s), str(k)) for s, k, p in rows if json.loads(p).get("node") == node]


def _record_anchor_start() -> None:
    """While the anchor file is missing, record (once) that this database's anchor
    starts here: `anchor_started`, or `anchor_restarted` when the chain shows that the
    anchor existed before and has gone. The file is written after the commit."""
    global _anchor_event
    if _anchor_path is None or _anchor_path.exists():
        return
    earlier = anchor_events(_node)
    if _anchor_event and earlier and earlier[-1][0] == _anchor_event:
        return  # recorded in this transaction (or its anchor write is still to come)
    payload: dict[str, Any] = {
        "node": _node,
        "key": audit_key.fingerprint(_sealing_key(_head_row())),
    }
    if _node != FILE_NODE:
        payload["host"] = socket.gethostname()
    else:
        payload["file"] = database_name()
    if head()[0] == 0:  # the first event of a new chain names it (backups are told apart)
        payload["chain"] = secrets.token_hex(8)
    if earlier:
        seq, digest = head()
        payload.update(head_seq=seq, head_hash=digest, previous=earlier[-1][0])
        log.warning("the audit anchor %s was missing; it starts again", _anchor_path)
    event = _append(ANCHOR_RESTARTED if earlier else ANCHOR_STARTED, None, None, payload)
    _anchor_event = event.seq


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
    global _anchor_seq, _anchor_event
    if _anchor_path is None or seq <= _anchor_seq:
        return
    if not _anchor_path.exists():
        if not _anchor_event:
            # it was there and has been removed while this process ran: not made again
            # silently; the next append records anchor_restarted first
            log.warning("the audit anchor %s disappeared", _anchor_path)
            return
        write_anchor(Anchor(seq, digest, _first_hash()))
        _anchor_event = 0
        return
    try:
        current = read_anchor()
    except ValueError:
        return  # an altered anchor is reported by verify(), not overwritten blindly
    if current is not None and current.seq >= seq:
        _anchor_seq = current.seq
        return
    write_anchor(Anchor(seq, digest, _first_hash()))
