"""What the tamper tests share: an attacker's tools (every trigger dropped, the chain
sealed again with another key) and a closed day with every kind of money in it."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, PostgresqlDatabase

from gasdesk.domain.dayend import DayClosureInfo
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.services import shifts
from gasdesk.services.day_close import close_day
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit, audit_verify
from gasdesk.storage.models import AuditEvent
from tests.fees_support import PASSWORD, TODAY, FeeData
from tests.helpers import close_test_shift

WECHAT_REF = "4200000000202603100000000001"


def drop_every_trigger(database: Database) -> None:
    """As an attacker with the file (or the database owner's login) would: no
    append-only trigger is left on any table."""
    if isinstance(database, PostgresqlDatabase):
        rows = database.execute_sql(
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal"
        ).fetchall()
        for name, table in rows:
            database.execute_sql(f'DROP TRIGGER "{name}" ON "{table}"')
        return
    names = database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    for (name,) in names.fetchall():
        database.execute_sql(f'DROP TRIGGER "{name}"')


@dataclass
class ClosedDay:
    data: FeeData
    bill: ReceiptInfo  # cash, 168.00 for 200.00: a settled bill, change given
    wechat: ReceiptInfo  # a prepayment by WeChat Pay, with its reference
    cash: ReceiptInfo  # a cash prepayment
    closure: DayClosureInfo


def request(data: FeeData, key: str, **fields: object) -> PaymentRequest:
    values: dict[str, object] = {
        "account_id": data.prepay.id,
        "staff_id": data.teller.id,
        "counter_id": data.counter.id,
        "kind": "prepay",
        "method": "cash",
        "idempotency_key": key,
    }
    values.update(fields)
    return PaymentRequest(**values)  # type: ignore[arg-type]


def close_a_day(data: FeeData) -> ClosedDay:
    """Through the real services: a bill paid in cash, two prepayments (WeChat Pay and
    cash), cash paid in, the blind count, the shift and the day closed."""
    assert data.shift_id is not None
    bill = collect_payment(
        request(
            data,
            "k-bill",
            account_id=data.house.id,
            kind="bill",
            expected_due_fen=16_800,
            tendered_fen=20_000,
        ),
        today=TODAY,
    )
    wechat = collect_payment(
        request(data, "k-wechat", method="wechat", expected_due_fen=5_000, reference=WECHAT_REF),
        today=TODAY,
    )
    cash = collect_payment(
        request(data, "k-cash", expected_due_fen=3_000, tendered_fen=3_000), today=TODAY
    )
    shifts.pay_in(data.shift_id, data.teller.id, 10_000, "备用金补充")
    close_test_shift(data.shift_id, data.teller.id)
    closure = close_day(data.ms.id, TODAY, data.supervisor.badge, PASSWORD)
    result = audit_verify.verify()
    assert result.ok, result.problems
    return ClosedDay(data, bill, wechat, cash, closure)


def reseal(database: Database, key_file: Path, *, rewrite_fingerprints: bool) -> str:
    """Seal the whole chain again with a new key written over `key_file`, as someone who
    replaced the key file would; with `rewrite_fingerprints` also the fingerprints the
    events record and the closures' hashes. Open the database again and reset its
    anchor afterwards (a new anchor, sealed with the new key). Returns the new key's
    fingerprint."""
    new = secrets.token_bytes(32)
    fp = hashlib.sha256(new).hexdigest()[:16]
    prev = "0" * 64
    for e in AuditEvent.select().order_by(AuditEvent.seq):
        payload = json.loads(e.payload_json)
        if rewrite_fingerprints and "key" in payload:
            payload["key"] = fp
        payload_json = audit.canonical(payload) if rewrite_fingerprints else e.payload_json
        fields = audit.event_fields(e.seq, e.at, e.kind, e.staff_id, e.office_id, payload_json)
        message = (prev + audit.canonical(fields)).encode()
        digest = hmac.new(new, message, hashlib.sha256).hexdigest()
        AuditEvent.update(payload_json=payload_json, prev_hash=prev, hash=digest).where(
            AuditEvent.seq == e.seq
        ).execute()
        if rewrite_fingerprints and e.kind == "day_closed":
            database.execute_sql(
                f"UPDATE day_closure SET audit_hash = '{digest}' WHERE audit_seq = {e.seq}"
            )
        prev = digest
    key_file.write_text(new.hex())
    return fp
