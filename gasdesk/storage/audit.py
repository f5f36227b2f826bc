"""The audit trail: every money- or record-changing event appends a row whose hash is
HMAC-SHA256(key, previous hash + canonical JSON of the fields). The key lives outside
the database, so editing the file cannot forge a consistent chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from gasdesk.storage.models import AuditEvent, now

GENESIS = "0" * 64
_key: bytes | None = None


def load_key(path: Path) -> None:
    """Read the chain key, creating it (owner-only) on first use."""
    global _key
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    _key = bytes.fromhex(path.read_text().strip())


def canonical(fields: dict[str, Any]) -> str:
    return json.dumps(
        fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )


def compute_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    if _key is None:
        raise RuntimeError("audit key not loaded")
    return hmac.new(_key, (prev_hash + canonical(fields)).encode(), hashlib.sha256).hexdigest()


def event_fields(
    seq: int,
    at: dt.datetime,
    kind: str,
    staff_id: int | None,
    office_id: int | None,
    payload_json: str,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "at": at.isoformat(sep=" "),
        "kind": kind,
        "staff": staff_id,
        "office": office_id,
        "payload": payload_json,
    }


def append(kind: str, *, staff_id: int | None, office_id: int | None, **payload: Any) -> AuditEvent:
    """Append one event; call inside the transaction of the change it records."""
    last = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).first()
    )
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = now()
    payload_json = canonical(payload)
    digest = compute_hash(prev, event_fields(seq, at, kind, staff_id, office_id, payload_json))
    return AuditEvent.create(
        seq=seq,
        at=at,
        kind=kind,
        staff=staff_id,
        office=office_id,
        payload_json=payload_json,
        prev_hash=prev,
        hash=digest,
    )


def head() -> tuple[int, str]:
    last = (
        AuditEvent.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).first()
    )
    return (last.seq, last.hash) if last else (0, GENESIS)
