"""The demo's reference data: offices and counters from the service code, the demo
staff, and the tariffs from resources/. Rows that already exist (same office code,
counter number, badge, or tariff name) are reused; the others are written with the
load, with ids after the highest present."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import fn

from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF
from gasdesk.demo.bulk import BulkTable
from gasdesk.demo.errors import DemoError
from gasdesk.domain.tariff import Tariff, tariff_on
from gasdesk.resources import load_toml
from gasdesk.services.passwords import hash_password
from gasdesk.services.tariffs import TARIFF_RESOURCES, load_tariffs, resource_spec
from gasdesk.storage.models import BaseModel, Counter, Office, Staff, TariffTier, TariffVersion

REFERENCE_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    Office: ("id", "code", "name", "address", "phone", "hours"),
    Counter: ("id", "office", "number", "name"),
    Staff: ("id", "badge", "name", "role", "office", "password_hash", "active", "failed_logins"),
    TariffVersion: (
        "id",
        "name",
        "user_type",
        "effective_from",
        "created_at",
        "household_base",
        "household_extra_m3",
        "source",
        "sample",
    ),
    TariffTier: ("id", "version", "seq", "upper_m3", "price_fen"),
}


@dataclass(frozen=True)
class OfficeRef:
    id: int
    code: str
    phone: str
    counter_ids: tuple[int, ...]
    teller_ids: tuple[int, ...]  # teller i works at counter_ids[i]
    supervisor_id: int | None  # closes the office's days


@dataclass(frozen=True)
class Reference:
    offices: tuple[OfficeRef, ...]
    tariffs: dict[str, Tariff]  # the one in force over the whole history, by user type
    staff_count: int


class _Ids:
    """Next free id per table, from what the database holds."""

    def __init__(self) -> None:
        self.next: dict[type[BaseModel], int] = {}

    def take(self, model: type[BaseModel]) -> int:
        if model not in self.next:
            self.next[model] = (model.select(fn.MAX(model.id)).scalar() or 0) + 1
        value = self.next[model]
        self.next[model] = value + 1
        return value


def plan_reference(first_day: dt.date, tables: dict[type[BaseModel], BulkTable]) -> Reference:
    """Queue the missing reference rows into `tables` (one per model of
    REFERENCE_FIELDS). `first_day` is the first day of the demo history: a tariff the
    resource dates later is made effective from that year, so every demo bill has a
    tariff in force."""
    config = load_toml("offices.toml")
    ids = _Ids()
    password_hash = ""
    offices: list[OfficeRef] = []
    staff_count = 0
    for entry in config["office"]:
        office = Office.get_or_none(Office.code == entry["code"])
        if office is not None:
            office_id, phone = office.id, office.phone
        else:
            office_id, phone = ids.take(Office), entry["phone"]
            tables[Office].rows.append(
                (office_id, entry["code"], entry["name"], entry["address"], phone, entry["hours"])
            )
        counters: list[int] = []
        for number in range(1, int(entry["counters"]) + 1):
            counter = Counter.get_or_none(
                (Counter.office == office_id) & (Counter.number == number)
            )
            if counter is not None:
                counters.append(counter.id)
                continue
            counter_id = ids.take(Counter)
            tables[Counter].rows.append((counter_id, office_id, number, f"{number}号窗口"))
            counters.append(counter_id)
        tellers: list[int] = []
        supervisor_id: int | None = None
        for badge, name, role, office_code in DEMO_STAFF:
            if office_code != entry["code"]:
                continue
            staff = Staff.get_or_none(Staff.badge == badge)
            if staff is not None:
                staff_id = staff.id
            else:
                # One salted hash serves every demo login (same password).
                password_hash = password_hash or hash_password(DEMO_PASSWORD)
                staff_id = ids.take(Staff)
                tables[Staff].rows.append(
                    (staff_id, badge, name, role, office_id, password_hash, True, 0)
                )
            staff_count += 1
            if role == "teller":
                tellers.append(staff_id)
            elif supervisor_id is None:
                supervisor_id = staff_id
        offices.append(
            OfficeRef(
                id=office_id,
                code=entry["code"],
                phone=phone,
                counter_ids=tuple(counters[: len(tellers)]),
                teller_ids=tuple(tellers),
                supervisor_id=supervisor_id,
            )
        )
    tariffs = {
        user_type: _tariff(user_type, first_day, ids, tables) for user_type in TARIFF_RESOURCES
    }
    return Reference(offices=tuple(offices), tariffs=tariffs, staff_count=staff_count)


def _tariff(
    user_type: str,
    first_day: dt.date,
    ids: _Ids,
    tables: dict[type[BaseModel], BulkTable],
) -> Tariff:
    """The tariff the demo bills `user_type` with: the database's, if it has tariff
    versions for it (then one must be in force from `first_day` on, with no change
    during the history), else the resource's, made effective by `first_day`."""
    stored = load_tariffs(user_type)
    if stored:
        later = [t for t in stored if t.effective_from > first_day]
        if later:
            raise DemoError(
                f"The {user_type} tariff changes during the demo history (from {first_day}); "
                "the demo needs one tariff in force throughout. Use an empty database."
            )
        return tariff_on(stored, first_day)
    spec = resource_spec(user_type)
    shipped = spec.tariff
    effective = min(shipped.effective_from, dt.date(first_day.year, 1, 1))
    tariff = Tariff(shipped.name, effective, shipped.tiers, shipped.household)
    rule = tariff.household
    version_id = ids.take(TariffVersion)
    tables[TariffVersion].rows.append(
        (
            version_id,
            tariff.name,
            user_type,
            effective.isoformat(),
            f"{effective} 08:00:00",
            rule.base_persons if rule else None,
            rule.extra_m3_per_person if rule else None,
            spec.source or None,
            spec.sample,
        )
    )
    for seq, tier in enumerate(tariff.tiers, start=1):
        tables[TariffTier].rows.append(
            (ids.take(TariffTier), version_id, seq, tier.upper_m3, tier.price_fen)
        )
    return tariff
