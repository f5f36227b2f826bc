"""Planned outage notices (停气通知) and which customers they affect.

`outages_for_address(address, at)` is what the account view and the customer bar
call to show a banner: the outages covering that address that are in force at `at` or
start within the next `horizon_days`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.form_records import OutageInfo
from gasdesk.domain.outages import (
    Area,
    PeakWindow,
    address_in_area,
    check_area,
    peaks_overlapping,
)
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.form_settings import peak_windows
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import now
from gasdesk.storage.models_forms import Outage

BANNER_HORIZON_DAYS = 3


class OutageRejected(UserError):
    """The notice cannot be registered as given; the message is for the teller."""


class PeakHoursConfirmationNeeded(Exception):
    """The outage overlaps one or more cooking peaks (`windows`, `window` the first);
    register again with confirm_peak=True."""

    def __init__(self, windows: tuple[PeakWindow, ...]) -> None:
        self.windows = windows
        self.window = windows[0]
        texts = ", ".join(w.text for w in windows)
        super().__init__(f"The outage overlaps the cooking peak {texts}.")


def _area(o: Any) -> Area:
    return Area(o.street, o.community, o.building_from, o.building_to)


def outage_info(o: Any) -> OutageInfo:
    return OutageInfo(
        id=int(o.id),
        area_text=_area(o).text,
        street=o.street,
        community=o.community,
        building_from=o.building_from,
        building_to=o.building_to,
        starts_at=o.starts_at,
        restore_at=o.restore_at,
        reason=o.reason,
        in_peak=o.in_peak,
        cancelled=o.cancelled_at is not None,
        office_id=int(o.office_id),
    )


def register_outage(
    *,
    office_id: int,
    staff_id: int,
    area: Area,
    starts_at: dt.datetime,
    restore_at: dt.datetime,
    reason: str = "",
    confirm_peak: bool = False,
    at: dt.datetime | None = None,
) -> OutageInfo:
    """Register a planned outage. Raises OutageRejected for a bad notice and
    PeakHoursConfirmationNeeded when any part of it falls in a peak and confirm_peak is
    False."""
    at = at or now()
    area = Area(area.street.strip(), area.community.strip(), area.building_from, area.building_to)
    problem = check_area(area)
    if problem:
        raise OutageRejected(problem)
    if restore_at <= starts_at:
        raise OutageRejected(
            QT_TRANSLATE_NOOP("Messages", "The expected restoration must come after the start.")
        )
    if restore_at <= at:
        raise OutageRejected(
            QT_TRANSLATE_NOOP("Messages", "The expected restoration has already passed.")
        )
    windows = peaks_overlapping(starts_at, restore_at, peak_windows())
    if windows and not confirm_peak:
        raise PeakHoursConfirmationNeeded(windows)
    with write_transaction():
        o: Any = Outage.create(
            office=office_id,
            street=area.street,
            community=area.community,
            building_from=area.building_from,
            building_to=area.building_to if area.building_to is not None else area.building_from,
            starts_at=starts_at,
            restore_at=restore_at,
            reason=reason.strip(),
            in_peak=bool(windows),
            created_by=staff_id,
            created_at=at,
        )
        audit.append(
            "outage_registered",
            staff_id=staff_id,
            office_id=office_id,
            outage=int(o.id),
            area=area.text,
            starts_at=starts_at,
            restore_at=restore_at,
            in_peak=bool(windows),
        )
    return outage_info(o)


def cancel_outage(outage_id: int, *, staff_id: int, at: dt.datetime | None = None) -> OutageInfo:
    at = at or now()
    with write_transaction():
        o: Any = Outage.get_or_none(id=outage_id)
        if o is None or o.cancelled_at is not None:
            raise OutageRejected(
                QT_TRANSLATE_NOOP("Messages", "This outage notice was already withdrawn.")
            )
        o.cancelled_at = at
        o.cancelled_by = staff_id
        o.save()
        audit.append("outage_cancelled", staff_id=staff_id, office_id=o.office_id, outage=outage_id)
    return outage_info(o)


def list_outages(at: dt.datetime, *, include_past: bool = False) -> list[OutageInfo]:
    """Outages not withdrawn; without include_past only those not yet restored at `at`."""
    query = (
        Outage.select().where(Outage.cancelled_at.is_null()).order_by(Outage.starts_at, Outage.id)
    )
    if not include_past:
        query = query.where(Outage.restore_at > at)
    return [outage_info(o) for o in query]


def outages_for_address(
    address: str, at: dt.datetime, horizon_days: int = BANNER_HORIZON_DAYS
) -> list[OutageInfo]:
    """Outages covering `address` in force at `at` or starting within `horizon_days`."""
    if not address.strip():
        return []
    until = at + dt.timedelta(days=horizon_days)
    query = (
        Outage.select()
        .where(
            Outage.cancelled_at.is_null() & (Outage.restore_at > at) & (Outage.starts_at <= until)
        )
        .order_by(Outage.starts_at)
    )
    return [outage_info(o) for o in query if address_in_area(address, _area(o))]
