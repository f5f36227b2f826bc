"""Offices and counters."""

from __future__ import annotations

from gasdesk.domain.records import CounterInfo, OfficeInfo
from gasdesk.storage.models import Counter, Office


def office_info(o: Office) -> OfficeInfo:
    return OfficeInfo(
        id=o.id, code=o.code, name=o.name, address=o.address, phone=o.phone, hours=o.hours
    )


def list_offices() -> list[OfficeInfo]:
    return [office_info(o) for o in Office.select().order_by(Office.id)]


def counter_info(c: Counter) -> CounterInfo:
    return CounterInfo(id=c.id, office_id=c.office_id, number=c.number, name=c.name)


def list_counters(office_id: int) -> list[CounterInfo]:
    return [
        counter_info(c)
        for c in Counter.select().where(Counter.office == office_id).order_by(Counter.number)
    ]


def find_counter(office_code: str, number: int) -> CounterInfo | None:
    c = (
        Counter.select()
        .join(Office)
        .where((Office.code == office_code) & (Counter.number == number))
        .first()
    )
    return counter_info(c) if c else None
