"""Importing meter readings (a reading round of the meter readers, or a remote-reading
platform's file).

Each reading must belong to a meter in service on an open account, be dated on or
after the meter's installation and not in a period already billed, and fit between
the meter's readings before and after it (the database's and the file's): a reading
below the previous one is refused, as at the counter. A reading the database already
has (same meter, day and value) is unchanged; another value for that meter and day
is refused, never written over. Imported readings are billed at the counter like any
other (services.billing prices every reading no bill covers yet).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from gasdesk.domain.import_cells import Problem
from gasdesk.domain.import_columns import Mapping
from gasdesk.domain.import_rows import ReadingChecker, ReadingLine, Refusal, RowCheck
from gasdesk.domain.imports import CHECK, SAME_ROW, WRITE, ImportOptions, Progress
from gasdesk.domain.readings import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.exchange.sheets import Sheet
from gasdesk.services.import_common import as_date, every, insert_many, rows_in, stepper
from gasdesk.storage.models import now

UNKNOWN_METER = QT_TRANSLATE_NOOP("Messages", "No meter has this number.")
METER_REMOVED = QT_TRANSLATE_NOOP(
    "Messages", "Meter {meter} was removed on {day}: it takes no more readings."
)
ACCOUNT_CLOSED = QT_TRANSLATE_NOOP(
    "Messages", "The account of meter {meter} ({account}) is closed."
)
OTHER_ACCOUNT = QT_TRANSLATE_NOOP(
    "Messages", "Meter {meter} belongs to account {account}, not to this one."
)
BEFORE_INSTALLED = QT_TRANSLATE_NOOP(
    "Messages", "Before meter {meter} was installed ({installed})."
)
DAY_TWICE = QT_TRANSLATE_NOOP(
    "Messages", "Meter {meter} already has another reading dated {day} on line {line}."
)
CONTRADICTS = QT_TRANSLATE_NOOP(
    "Messages",
    "The database has {stored} m³ for meter {meter} on {day}: an import does not "
    "overwrite a reading.",
)
BILLED = QT_TRANSLATE_NOOP(
    "Messages",
    "Meter {meter} is billed up to {day}: a reading inside a billed period is not added.",
)
BELOW_PREVIOUS = QT_TRANSLATE_NOOP(
    "Messages",
    "The reading is below the previous reading of this meter ({previous} m³ on {previous_on}).",
)
BELOW_INITIAL = QT_TRANSLATE_NOOP(
    "Messages",
    "The reading is below the meter's initial reading ({previous} m³ when installed on "
    "{previous_on}).",
)
ABOVE_NEXT = QT_TRANSLATE_NOOP(
    "Messages",
    "The reading is above the next reading of this meter ({next} m³ on {next_on}).",
)


@dataclass(frozen=True)
class Meter:
    id: int
    number: str
    account_id: int
    installed_on: dt.date
    initial_l: int
    removed_on: dt.date | None
    account_status: str
    account_number: str
    kind: str = "mechanical"


@dataclass(frozen=True)
class NewReading:
    row: ReadingLine
    meter_id: int
    account_id: int


@dataclass
class ReadingPlan:
    meters: dict[int, Meter] = field(default_factory=dict)  # by id, of the new readings
    new: list[NewReading] = field(default_factory=list)
    unchanged: int = 0
    refusals: list[Refusal] = field(default_factory=list)
    rows: list[ReadingLine] = field(default_factory=list)


def _meters(numbers: list[str]) -> dict[str, Meter]:
    found: dict[str, Meter] = {}
    for row in rows_in(
        "SELECT m.id, m.number, m.account_id, m.installed_on, m.initial_l, m.removed_on, "
        "a.status, a.number, m.kind FROM meter m JOIN account a ON a.id = m.account_id "
        "WHERE m.number IN ({marks})",
        numbers,
    ):
        installed = as_date(row[3])
        assert installed is not None
        found[str(row[1])] = Meter(
            int(row[0]),
            str(row[1]),
            int(row[2]),
            installed,
            int(row[4]),
            as_date(row[5]),
            str(row[6]),
            str(row[7]),
            str(row[8]),
        )
    return found


def _latest(meter_ids: list[int]) -> dict[int, list[tuple[dt.date, int]]]:
    """Each meter's readings on its latest reading day."""
    latest: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
    for meter_id, day, value in rows_in(
        "SELECT r.meter_id, r.read_on, r.value_l FROM reading r WHERE r.meter_id IN ({marks}) "
        "AND r.read_on = (SELECT MAX(x.read_on) FROM reading x WHERE x.meter_id = r.meter_id)",
        meter_ids,
    ):
        d = as_date(day)
        assert d is not None
        latest[int(meter_id)].append((d, int(value)))
    return latest


def _history(meter_id: int) -> list[tuple[dt.date, int]]:
    rows = rows_in(
        "SELECT read_on, value_l FROM reading WHERE meter_id IN ({marks}) ORDER BY read_on, id",
        [meter_id],
    )
    return [(d, int(v)) for day, v in rows if (d := as_date(day)) is not None]


def _billed_to(meter_ids: list[int]) -> dict[int, dt.date]:
    found: dict[int, dt.date] = {}
    for meter_id, end in rows_in(
        "SELECT meter_id, MAX(period_end) FROM bill WHERE meter_id IN ({marks}) GROUP BY meter_id",
        meter_ids,
    ):
        d = as_date(end)
        if d is not None:
            found[int(meter_id)] = d
    return found


def plan_readings(
    sheet: Sheet,
    mapping: Mapping,
    options: ImportOptions,
    today: dt.date,
    progress: Progress | None = None,
) -> ReadingPlan:
    plan = ReadingPlan()
    step = stepper(progress, CHECK, len(sheet.rows))
    cells_of: dict[int, tuple[object, ...]] = {}
    check = ReadingChecker(mapping, today)
    for row in every(sheet.rows, 2000, step):
        checked, refusals = check(row.line, row.cells)
        plan.refusals.extend(refusals)
        if checked is not None:
            plan.rows.append(checked)
            cells_of[row.line] = row.cells

    def refuse(r: ReadingLine, name: str, template: str, **params: Any) -> None:
        check = RowCheck(mapping, r.line, cells_of[r.line])
        check.refuse(name, Problem(template, params))
        plan.refusals.extend(check.refusals)

    seen: dict[tuple[str, dt.date], ReadingLine] = {}
    single: list[ReadingLine] = []
    for r in plan.rows:
        first = seen.get((r.meter_number, r.read_on))
        if first is None:
            seen[(r.meter_number, r.read_on)] = r
            single.append(r)
        elif first.values() == r.values():
            refuse(r, "", SAME_ROW, line=first.line)
        else:
            refuse(
                r,
                "read_on",
                DAY_TWICE,
                meter=r.meter_number,
                day=r.read_on.isoformat(),
                line=first.line,
            )

    meters = _meters(sorted({r.meter_number for r in single}))
    by_meter: dict[int, list[ReadingLine]] = defaultdict(list)
    for r in single:
        meter = meters.get(r.meter_number)
        if meter is None:
            refuse(r, "meter_number", UNKNOWN_METER)
        elif meter.removed_on is not None:
            refuse(
                r,
                "meter_number",
                METER_REMOVED,
                meter=meter.number,
                day=meter.removed_on.isoformat(),
            )
        elif meter.account_status == "closed":
            refuse(
                r, "meter_number", ACCOUNT_CLOSED, meter=meter.number, account=meter.account_number
            )
        elif r.account_number and r.account_number != meter.account_number:
            refuse(
                r, "account_number", OTHER_ACCOUNT, meter=meter.number, account=meter.account_number
            )
        elif r.read_on < meter.installed_on:
            refuse(
                r,
                "read_on",
                BEFORE_INSTALLED,
                meter=meter.number,
                installed=meter.installed_on.isoformat(),
            )
        else:
            by_meter[meter.id].append(r)

    ids = sorted(by_meter)
    latest = _latest(ids)
    billed = _billed_to(ids)
    by_id = {m.id: m for m in meters.values()}
    plan.meters = {i: by_id[i] for i in ids}
    for meter_id in ids:
        meter = by_id[meter_id]
        rows = sorted(by_meter[meter_id], key=lambda x: x.read_on)
        known = sorted(latest.get(meter_id, []))
        if known and rows[0].read_on < known[-1][0]:
            known = _history(meter_id)  # a reading before the newest: every neighbour counts
        stored_days = {d for d, _ in known}
        for r in rows:
            same = [v for d, v in known if d == r.read_on]
            if r.read_on in stored_days:
                if r.value_l in same:
                    plan.unchanged += 1
                else:
                    refuse(
                        r,
                        "value",
                        CONTRADICTS,
                        stored=format_m3(same[-1]),
                        meter=meter.number,
                        day=r.read_on.isoformat(),
                    )
                continue
            end = billed.get(meter_id)
            if end is not None and r.read_on <= end:
                refuse(r, "read_on", BILLED, meter=meter.number, day=end.isoformat())
                continue
            i = bisect.bisect_left(known, (r.read_on, -1))
            if i > 0 and r.value_l < known[i - 1][1]:
                before = known[i - 1]
                refuse(
                    r,
                    "value",
                    BELOW_PREVIOUS,
                    previous=format_m3(before[1]),
                    previous_on=before[0].isoformat(),
                )
                continue
            if i == 0 and r.value_l < meter.initial_l:
                refuse(
                    r,
                    "value",
                    BELOW_INITIAL,
                    previous=format_m3(meter.initial_l),
                    previous_on=meter.installed_on.isoformat(),
                )
                continue
            if i < len(known) and r.value_l > known[i][1]:
                refuse(
                    r,
                    "value",
                    ABOVE_NEXT,
                    next=format_m3(known[i][1]),
                    next_on=known[i][0].isoformat(),
                )
                continue
            known.insert(i, (r.read_on, r.value_l))
            plan.new.append(NewReading(r, meter_id, meter.account_id))
    step(len(sheet.rows))
    plan.refusals.sort(key=lambda x: x.line)
    return plan


READING_COLUMNS = (
    "meter_id",
    "account_id",
    "read_on",
    "value_l",
    "source",
    "recorded_by_id",
    "created_at",
    "read_by",
    "import_batch_id",
)


def write_readings(
    plan: ReadingPlan, batch_id: int, options: ImportOptions, progress: Progress | None = None
) -> None:
    at = now().isoformat(sep=" ")
    step = stepper(progress, WRITE, len(plan.new))
    insert_many(
        "reading",
        READING_COLUMNS,
        [
            (
                n.meter_id,
                n.account_id,
                n.row.read_on.isoformat(),
                n.row.value_l,
                n.row.source,
                options.staff_id,
                at,
                n.row.reader or None,
                batch_id,
            )
            for n in sorted(plan.new, key=lambda n: (n.row.read_on, n.row.line))
        ],
        step,
    )
