"""Setting up a real office in a database that does not have it yet: the office and
its counters (from resources/offices.toml, or typed in for an office the file does not
know), the shipped tariffs where the database has none, and the office's first
supervisor, in one transaction with an audit event per office. No customer is
invented: accounts come from the company's own records.

Two ways in: `set_up_office()` (`gasdesk setup`) adds one office of offices.toml to
any database; `set_up_first_run()` (the application's set-up dialog) sets up an
empty database, for one PC on SQLite or for the whole company on a shared
PostgreSQL database, and is refused once the database has an office and staff."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from gasdesk.domain.hours import parse_hours
from gasdesk.domain.records import CounterInfo, OfficeInfo, StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.resources import load_toml
from gasdesk.services import users
from gasdesk.services.offices import counter_info, office_info
from gasdesk.services.tariffs import TARIFF_RESOURCES, resource_spec, store_spec
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Counter, Office, Staff, TariffVersion

# the office code starts every receipt number (MS-2026-000123), so no '-' in it
OFFICE_CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
PHONE = re.compile(r"[0-9][0-9-]{4,19}")
MAX_COUNTERS = 20
MAX_TEXT = 60


class SetUpInputError(UserError):
    """Input of the set-up that must be corrected; nothing was written."""


class AlreadySetUpError(UserError):
    """The database has an office and staff already (set up from another counter)."""


@dataclass(frozen=True)
class OfficeEntry:
    """An office as the set-up creates it."""

    code: str
    name: str
    address: str
    phone: str
    hours: str  # '08:30-12:00,13:30-17:00'
    counters: int


@dataclass(frozen=True)
class OfficeSetUp:
    office: OfficeInfo
    counters: int
    supervisor: StaffInfo
    tariffs_added: tuple[str, ...]  # user types whose shipped tariff was stored


@dataclass(frozen=True)
class FirstRun:
    """What the set-up dialog asks for."""

    office: OfficeEntry  # this PC's office, which gets the first supervisor
    counter: int  # this PC's counter number in it
    badge: str
    name: str
    password: str
    other_offices: tuple[OfficeEntry, ...] = ()  # set up too, staff added later


@dataclass(frozen=True)
class FirstRunDone:
    set_up: OfficeSetUp
    counter: CounterInfo  # this PC's counter
    other_offices: tuple[OfficeInfo, ...]


def is_set_up() -> bool:
    """Whether the database has an office and someone who can log in to it."""
    return bool(Office.select().exists() and Staff.select().exists())


def shipped_offices() -> list[dict[str, Any]]:
    return list(load_toml("offices.toml")["office"])


def shipped_entries() -> list[OfficeEntry]:
    """The offices of resources/offices.toml."""
    return [
        OfficeEntry(
            code=str(e["code"]),
            name=str(e["name"]),
            address=str(e["address"]),
            phone=str(e["phone"]),
            hours=str(e["hours"]),
            counters=int(e["counters"]),
        )
        for e in shipped_offices()
    ]


def _text(value: str, missing: str) -> str:
    text = " ".join(value.split())
    if not text or len(text) > MAX_TEXT:
        raise SetUpInputError(missing, n=str(MAX_TEXT))
    return text


def check_office(entry: OfficeEntry) -> OfficeEntry:
    """The office as it will be stored, or SetUpInputError saying what to correct."""
    code = entry.code.strip().upper()
    if not OFFICE_CODE.fullmatch(code):
        raise SetUpInputError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "An office code is 2 to 8 letters A-Z or digits, starting with a letter, "
                "e.g. MS; it starts every receipt number.",
            )
        )
    name = _text(
        entry.name,
        QT_TRANSLATE_NOOP("Messages", "Enter the office's name (at most {n} characters)."),
    )
    address = _text(
        entry.address,
        QT_TRANSLATE_NOOP("Messages", "Enter the office's address (at most {n} characters)."),
    )
    phone = entry.phone.strip()
    if not PHONE.fullmatch(phone):
        raise SetUpInputError(
            QT_TRANSLATE_NOOP(
                "Messages", "The office's phone is digits and '-' only, e.g. 0533-6886656."
            )
        )
    try:
        sessions = parse_hours(entry.hours)
    except ValueError as exc:
        raise SetUpInputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Business hours are written like 08:30-12:00,13:30-17:00."
            )
        ) from exc
    hours = ",".join(f"{s.start:%H:%M}-{s.end:%H:%M}" for s in sessions)
    if not 1 <= entry.counters <= MAX_COUNTERS:
        raise SetUpInputError(
            QT_TRANSLATE_NOOP("Messages", "An office has 1 to {n} counters."), n=str(MAX_COUNTERS)
        )
    return OfficeEntry(code, name, address, phone, hours, entry.counters)


def check_first_run(request: FirstRun) -> FirstRun:
    """The whole set-up checked without writing anything; the request as it will be
    stored, or SetUpInputError / StaffInputError naming what to correct."""
    office = check_office(request.office)
    if not 1 <= request.counter <= office.counters:
        raise SetUpInputError(
            QT_TRANSLATE_NOOP(
                "Messages", "This PC's counter number is between 1 and {n} (the office's counters)."
            ),
            n=str(office.counters),
        )
    badge, name = users.check_new_user(request.badge, request.name, "supervisor", request.password)
    others = tuple(check_office(o) for o in request.other_offices)
    codes = [office.code, *(o.code for o in others)]
    if len(set(codes)) != len(codes):
        raise SetUpInputError(
            QT_TRANSLATE_NOOP("Messages", "Two offices cannot have the same code {code}."),
            code=next(c for c in codes if codes.count(c) > 1),
        )
    return replace(request, office=office, badge=badge, name=name, other_offices=others)


def _create_office(entry: OfficeEntry) -> Office:
    """Inside the set-up's transaction: the office row and its counters."""
    if Office.get_or_none(Office.code == entry.code) is not None:
        raise SetUpInputError(
            QT_TRANSLATE_NOOP(
                "Messages", "Office {code} is set up already; add staff with 'gasdesk user add'."
            ),
            code=entry.code,
        )
    office = Office.create(
        code=entry.code,
        name=entry.name,
        address=entry.address,
        phone=entry.phone,
        hours=entry.hours,
    )
    for number in range(1, entry.counters + 1):
        Counter.create(office=office, number=number, name=f"{number}号窗口")
    return office


def _shipped_tariffs() -> tuple[str, ...]:
    """Inside the set-up's transaction: the shipped tariffs the database lacks."""
    added = []
    for user_type in TARIFF_RESOURCES:
        if not TariffVersion.select().where(TariffVersion.user_type == user_type).exists():
            store_spec(resource_spec(user_type))
            added.append(user_type)
    return tuple(added)


def _record(
    office: Office, entry: OfficeEntry, supervisor: str | None, tariffs: tuple[str, ...]
) -> None:
    audit.append(
        "office_set_up",
        staff_id=None,
        office_id=office.id,
        code=entry.code,
        name=entry.name,
        address=entry.address,
        phone=entry.phone,
        hours=entry.hours,
        counters=entry.counters,
        supervisor=supervisor,
        tariffs=list(tariffs),
    )


def set_up_office(office_code: str, badge: str, name: str, password: str) -> OfficeSetUp:
    """Create the office `office_code` (one of resources/offices.toml) with its
    counters and first supervisor. Refused if the office exists already."""
    code = office_code.strip().upper()
    entries = {e.code: e for e in shipped_entries()}
    entry = entries.get(code)
    if entry is None:
        raise SetUpInputError(
            QT_TRANSLATE_NOOP(
                "Messages", "There is no office '{code}' in offices.toml; the offices are {codes}."
            ),
            code=office_code.strip(),
            codes=", ".join(sorted(entries)),
        )
    with write_transaction():
        office = _create_office(entry)
        added = _shipped_tariffs()
        supervisor = users.add_user(badge, name, "supervisor", code, password)
        _record(office, entry, supervisor.badge, added)
    return OfficeSetUp(office_info(office), entry.counters, supervisor, added)


def set_up_first_run(request: FirstRun) -> FirstRunDone:
    """Set up an empty database from the set-up dialog: this PC's office with its
    first supervisor, the other offices asked for (without staff), the shipped
    tariffs; one transaction, or nothing at all. Refused with AlreadySetUpError when
    another counter set the database up in the meantime."""
    request = check_first_run(request)
    with write_transaction():
        if is_set_up():
            raise AlreadySetUpError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "This database has been set up already (from another counter); this PC "
                    "only chooses its office and counter.",
                )
            )
        office = _create_office(request.office)
        others = [(_create_office(o), o) for o in request.other_offices]
        added = _shipped_tariffs()
        supervisor = users.add_user(
            request.badge, request.name, "supervisor", request.office.code, request.password
        )
        _record(office, request.office, supervisor.badge, added)
        for row, entry in others:
            _record(row, entry, None, ())
        counter = Counter.get((Counter.office == office) & (Counter.number == request.counter))
    done = OfficeSetUp(office_info(office), request.office.counters, supervisor, added)
    return FirstRunDone(done, counter_info(counter), tuple(office_info(r) for r, _ in others))
