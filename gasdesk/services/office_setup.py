"""Setting up a real office in a database that does not have it yet: the office and
its counters from resources/offices.toml, the shipped tariffs where the database has
none, and the office's first supervisor, in one transaction with an audit event.
No customer is invented: accounts come from the company's own records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gasdesk.domain.records import OfficeInfo, StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.resources import load_toml
from gasdesk.services import users
from gasdesk.services.offices import office_info
from gasdesk.services.tariffs import TARIFF_RESOURCES, resource_spec, store_spec
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Office, Staff, TariffVersion


@dataclass(frozen=True)
class OfficeSetUp:
    office: OfficeInfo
    counters: int
    supervisor: StaffInfo
    tariffs_added: tuple[str, ...]  # user types whose shipped tariff was stored


def is_set_up() -> bool:
    """Whether the database has an office and someone who can log in to it."""
    return bool(Office.select().exists() and Staff.select().exists())


def shipped_offices() -> list[dict[str, Any]]:
    return list(load_toml("offices.toml")["office"])


def set_up_office(office_code: str, badge: str, name: str, password: str) -> OfficeSetUp:
    """Create the office `office_code` (one of resources/offices.toml) with its
    counters and first supervisor. Refused if the office exists already."""
    code = office_code.strip().upper()
    entries = {str(e["code"]): e for e in shipped_offices()}
    entry = entries.get(code)
    if entry is None:
        raise UserError(
            QT_TRANSLATE_NOOP(
                "Messages", "There is no office '{code}' in offices.toml; the offices are {codes}."
            ),
            code=office_code.strip(),
            codes=", ".join(sorted(entries)),
        )
    with write_transaction():
        if Office.get_or_none(Office.code == code) is not None:
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Office {code} is set up already; add staff with 'gasdesk user add'.",
                ),
                code=code,
            )
        office = Office.create(
            code=code,
            name=entry["name"],
            address=entry["address"],
            phone=entry["phone"],
            hours=entry["hours"],
        )
        counters = int(entry["counters"])
        for number in range(1, counters + 1):
            Counter.create(office=office, number=number, name=f"{number}号窗口")
        added = []
        for user_type in TARIFF_RESOURCES:
            if not TariffVersion.select().where(TariffVersion.user_type == user_type).exists():
                store_spec(resource_spec(user_type))
                added.append(user_type)
        supervisor = users.add_user(badge, name, "supervisor", code, password)
        audit.append(
            "office_set_up",
            staff_id=None,
            office_id=office.id,
            code=code,
            counters=counters,
            supervisor=supervisor.badge,
            tariffs=added,
        )
    return OfficeSetUp(office_info(office), counters, supervisor, tuple(added))
