"""The one lock every writer takes on PostgreSQL.

Every write transaction on PostgreSQL first takes this transaction-level advisory
lock: writers from all counters queue one behind the other, exactly as SQLite's
BEGIN IMMEDIATE makes them, so the audit chain and the receipt counters never fork.
Migrations take it too, so a counter starting a new version and one still writing
never interleave, and two counters upgrading at once apply each migration once.
"""

from __future__ import annotations

PG_WRITE_LOCK = 0x6A5D_E5C0
