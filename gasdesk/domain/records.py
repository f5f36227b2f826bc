"""Plain values that services hand to the UI (never database rows or Qt objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    code: str
    name: str
    address: str
    phone: str
    hours: str


@dataclass(frozen=True)
class CounterInfo:
    id: int
    office_id: int
    number: int
    name: str


@dataclass(frozen=True)
class StaffInfo:
    id: int
    badge: str
    name: str
    role: str  # 'teller' | 'supervisor'
    office_id: int

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


@dataclass(frozen=True)
class AccountSummary:
    id: int
    number: str
    name: str
    phone: str
    address: str
    office_id: int
    user_type: str
    status: str
    balance_fen: int
    meter_number: str = ""
    meter_kind: str = ""


@dataclass(frozen=True)
class LoginSession:
    staff: StaffInfo
    office: OfficeInfo
    counter: CounterInfo
    started_at: dt.datetime
