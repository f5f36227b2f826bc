"""Connection housekeeping for the thread that runs database work."""

from __future__ import annotations

from gasdesk.storage.models import db


def close_thread_connection() -> None:
    """Close this thread's database connection (peewee keeps one per thread)."""
    if db.obj is not None and not db.is_closed():
        db.close()
