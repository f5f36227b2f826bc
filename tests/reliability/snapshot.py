"""What a database holds, in a form two moments can be compared by: the row count of
every table, the receipt counters, the balances and the audit chain head."""

from __future__ import annotations

from typing import Any

from peewee import fn

from gasdesk.storage import audit
from gasdesk.storage.models import ALL_MODELS, Account, ReceiptCounter, Staff


def snapshot() -> dict[str, Any]:
    counts = {m._meta.table_name: m.select().count() for m in ALL_MODELS}
    return {
        "counts": counts,
        "counters": {c.series: c.last for c in ReceiptCounter.select()},
        "balances": Account.select(fn.COALESCE(fn.SUM(Account.balance_fen), 0)).scalar(),
        "failed_logins": {s.badge: (s.failed_logins, s.locked_until) for s in Staff.select()},
        "head": audit.head(),
    }
