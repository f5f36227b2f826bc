"""The summary of a reading round before it is confirmed (the check of a readings
file): readings to bill, readings flagged as the counter's reading history flags
them (domain.readings.annotate: far above the same month last year, estimated again),
estimates, and the gas billed.

Each meter's readings of the last 13 months are read in bulk and annotated with the
round's new readings, as the account view would show them afterwards."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from gasdesk.domain.imports import RoundSummary
from gasdesk.domain.readings import ReadingPoint, Source, annotate
from gasdesk.services.import_common import as_date, rows_in
from gasdesk.services.import_readings import ReadingPlan

HISTORY_DAYS = 400  # the same month a year before, and the reading before it


def round_summary(plan: ReadingPlan) -> RoundSummary:
    if not plan.new:
        return RoundSummary(0, 0, 0, 0)
    since = min(n.row.read_on for n in plan.new) - dt.timedelta(days=HISTORY_DAYS)
    points: dict[int, list[ReadingPoint]] = defaultdict(list)
    mark = "{marks}"
    for rid, meter_id, day, value, source in rows_in(
        "SELECT id, meter_id, read_on, value_l, source FROM reading "
        f"WHERE meter_id IN ({mark}) AND read_on >= '{since.isoformat()}'",
        sorted(plan.meters),
    ):
        read_on = as_date(day)
        assert read_on is not None
        points[int(meter_id)].append(_point(plan, int(rid), int(meter_id), read_on, value, source))
    new_ids: set[int] = set()
    for i, n in enumerate(plan.new, start=1):
        new_ids.add(-i)  # not stored yet: ids below every stored one's
        points[n.meter_id].append(
            _point(plan, -i, n.meter_id, n.row.read_on, n.row.value_l, n.row.source)
        )
    flags: Counter[str] = Counter()
    flagged = billed = volume = 0
    for meter_id, meter_points in points.items():
        mechanical = plan.meters[meter_id].kind != "ic_card"
        for row in annotate(meter_points):
            if row.point.id not in new_ids:
                continue
            if row.flags:
                flagged += 1
                flags.update(str(f) for f in row.flags)
            if mechanical:
                billed += 1
                volume += max(0, row.volume_l or 0)
    estimated = sum(1 for n in plan.new if n.row.source == Source.ESTIMATED.value)
    return RoundSummary(billed, flagged, estimated, volume, dict(flags))


def _point(
    plan: ReadingPlan, rid: int, meter_id: int, day: dt.date, value: int, source: str
) -> ReadingPoint:
    meter = plan.meters[meter_id]
    return ReadingPoint(
        id=rid,
        read_on=day,
        value_l=int(value),
        source=str(source),
        meter_id=meter_id,
        meter_number=meter.number,
        meter_initial_l=meter.initial_l,
        meter_installed_on=meter.installed_on,
    )
