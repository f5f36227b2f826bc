"""What the cover checks (audit_cover*.py) share: the reference data they name things
by, and a column value in the form the event payloads write it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gasdesk.storage import audit
from gasdesk.storage.audit_state import Execute


def norm(value: Any) -> Any:
    """A column value as the payloads write it (dates and times as text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return audit.stamp(value)
    return value


@dataclass
class Tables:
    """Reference data the checks name things by."""

    badges: dict[int, str]
    counters: dict[int, int]  # counter id -> number
    offices: dict[int, str]  # office id -> code

    @classmethod
    def load(cls, execute: Execute) -> Tables:
        return cls(
            badges={int(i): str(b) for i, b in execute("SELECT id, badge FROM staff", ())},
            counters={int(i): int(n) for i, n in execute("SELECT id, number FROM counter", ())},
            offices={int(i): str(c) for i, c in execute("SELECT id, code FROM office", ())},
        )

    def day(self, office: Any, day: Any) -> str:
        return f"{self.offices.get(int(office), office) if office is not None else '?'} {norm(day)}"
