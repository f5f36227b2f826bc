"""Gapless receipt numbers: one counter row per series (e.g. 'MS-2026'), advanced in
the same transaction as the receipt it numbers. If that transaction is undone, so is
the increment: a number is never skipped and never handed out twice.

The increment is a single `UPDATE ... SET last = last + 1 ... RETURNING last`, which
takes the row lock on PostgreSQL before reading, so even outside the shared write
lock two transactions cannot obtain the same number.
"""

from __future__ import annotations

from gasdesk.storage.models import ReceiptCounter, db


def next_number(series: str) -> int:
    """The next number of `series` (1 for a new series); call inside the
    write_transaction() that inserts the receipt."""
    if not db.obj.in_transaction():
        raise RuntimeError("next_number() must run inside the receipt's write_transaction()")
    ReceiptCounter.insert(series=series, last=0).on_conflict_ignore().execute()
    cursor = (
        ReceiptCounter.update(last=ReceiptCounter.last + 1)
        .where(ReceiptCounter.series == series)
        .returning(ReceiptCounter.last)
        .execute()
    )
    rows = list(cursor)
    return int(rows[0].last)
