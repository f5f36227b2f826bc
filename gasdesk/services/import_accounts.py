"""Importing customers: an account and its meter per row.

A row whose account and meter are in the database exactly so is *unchanged*; one
that differs from the database in any value is refused, never written over (a
change of holder, address or meter goes through the counter's forms, which keep the
history). Within the file an account or meter number appears once; the same row
twice is named as such.

Account and meter numbers that a spreadsheet shortened are refused: when nearly
every number (in the file and the database) has one width, a shorter one has lost
its leading zeros.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gasdesk.domain.import_cells import Problem, plain
from gasdesk.domain.import_columns import Mapping
from gasdesk.domain.import_rows import AccountChecker, AccountRow, Refusal, RowCheck
from gasdesk.domain.imports import CHECK, SAME_ROW, WRITE, ImportOptions, Progress
from gasdesk.domain.names import initials
from gasdesk.domain.readings import format_m3
from gasdesk.domain.search import account_grams
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.exchange.sheets import Sheet
from gasdesk.services.import_common import (
    as_date,
    day_text,
    every,
    insert_many,
    rows_in,
    stepper,
)
from gasdesk.storage.models import db
from gasdesk.storage.search_index import add_grams

WIDTH_SHARE = 0.9  # a width this share of the numbers has is "the" width

LEADING_ZEROS = QT_TRANSLATE_NOOP(
    "Messages",
    "{digits} digits where the numbers have {width}: a spreadsheet drops the leading zeros "
    "when it takes the column for numbers (0012345 becomes 12345). Format the column as "
    "text and write the numbers in full.",
)
ACCOUNT_TWICE = QT_TRANSLATE_NOOP("Messages", "Account {number} is already on line {line}.")
METER_TWICE = QT_TRANSLATE_NOOP("Messages", "Meter {meter} is already on line {line}.")
NO_OFFICE = QT_TRANSLATE_NOOP("Messages", "No office is named {office}; the offices are {offices}.")
OFFICE_NEEDED = QT_TRANSLATE_NOOP(
    "Messages", "Empty; name the office (营业室), or import from a counter of that office."
)
DIFFERS = QT_TRANSLATE_NOOP(
    "Messages",
    "The database holds {stored} for account {number}: an import does not change an "
    "account (changes go through the counter's forms).",
)
METER_DIFFERS = QT_TRANSLATE_NOOP(
    "Messages",
    "The database holds {stored} for meter {meter}: an import does not change a meter.",
)
METER_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Messages", "Meter {meter} belongs to account {account} in the database."
)
OTHER_METER = QT_TRANSLATE_NOOP(
    "Messages",
    "Account {number} is in the database with meter {meter}: a meter change is a "
    "business form, not an import.",
)
NOTHING = "—"


@dataclass(frozen=True)
class NewAccount:
    row: AccountRow
    office_id: int


@dataclass
class AccountPlan:
    new: list[NewAccount] = field(default_factory=list)
    unchanged: int = 0
    refusals: list[Refusal] = field(default_factory=list)
    rows: list[AccountRow] = field(default_factory=list)  # every row that read well


def _offices() -> dict[str, int]:
    """Office id by code, full name and short name (萌水营业室, 萌水, MS)."""
    found: dict[str, int] = {}
    for office_id, code, name in db.obj.execute_sql("SELECT id, code, name FROM office"):
        for key in (code, name, name.removesuffix("营业室"), name.removesuffix("营业厅")):
            found[plain(key).lower()] = int(office_id)
    return found


def dominant_width(lengths: Counter[int]) -> int | None:
    total = sum(lengths.values())
    if not total:
        return None
    width, count = lengths.most_common(1)[0]
    return width if count >= WIDTH_SHARE * total else None


def _stored_widths(sql: str) -> Counter[int]:
    return Counter({int(n): int(c) for n, c in db.obj.execute_sql(sql)})


def _refuse(
    mapping: Mapping,
    row_line: int,
    cells: tuple[object, ...],
    name: str,
    template: str,
    **params: Any,
) -> Refusal:
    check = RowCheck(mapping, row_line, cells)
    check.refuse(name, Problem(template, params))
    return check.refusals[0]


def plan_accounts(
    sheet: Sheet,
    mapping: Mapping,
    options: ImportOptions,
    today: dt.date,
    progress: Progress | None = None,
) -> AccountPlan:
    plan = AccountPlan()
    step = stepper(progress, CHECK, len(sheet.rows))
    cells_of: dict[int, tuple[object, ...]] = {}
    check = AccountChecker(mapping, today)
    for row in every(sheet.rows, 2000, step):
        checked, refusals = check(row.line, row.cells)
        plan.refusals.extend(refusals)
        if checked is not None:
            plan.rows.append(checked)
            cells_of[row.line] = row.cells

    def refuse(r: AccountRow, name: str, template: str, **params: Any) -> None:
        plan.refusals.append(_refuse(mapping, r.line, cells_of[r.line], name, template, **params))

    # the same account or meter twice in the file
    by_number: dict[str, AccountRow] = {}
    by_meter: dict[str, AccountRow] = {}
    single: list[AccountRow] = []
    for r in plan.rows:
        first = by_number.get(r.number)
        if first is not None:
            if first.values() == r.values():
                refuse(r, "", SAME_ROW, line=first.line)
            else:
                refuse(r, "number", ACCOUNT_TWICE, number=r.number, line=first.line)
            continue
        other = by_meter.get(r.meter_number)
        if other is not None:
            refuse(r, "meter_number", METER_TWICE, meter=r.meter_number, line=other.line)
            continue
        by_number[r.number] = r
        by_meter[r.meter_number] = r
        single.append(r)

    # numbers that lost their leading zeros
    account_width = dominant_width(
        Counter(len(r.number) for r in single)
        + _stored_widths("SELECT LENGTH(number), COUNT(*) FROM account GROUP BY LENGTH(number)")
    )
    meter_width = dominant_width(
        Counter(len(r.meter_number) for r in single if r.meter_number.isdigit())
        + _stored_widths("SELECT LENGTH(number), COUNT(*) FROM meter GROUP BY LENGTH(number)")
    )
    kept: list[AccountRow] = []
    for r in single:
        bad = False
        if account_width is not None and len(r.number) < account_width:
            refuse(r, "number", LEADING_ZEROS, digits=len(r.number), width=account_width)
            bad = True
        short_meter = meter_width is not None and len(r.meter_number) < meter_width
        if r.meter_number.isdigit() and short_meter:
            refuse(r, "meter_number", LEADING_ZEROS, digits=len(r.meter_number), width=meter_width)
            bad = True
        if not bad:
            kept.append(r)

    offices = _offices()
    accounts = {
        str(row[1]): row
        for row in rows_in(
            "SELECT id, number, name, id_card, phone, address, user_type, office_id, "
            "opened_on FROM account WHERE number IN ({marks})",
            [r.number for r in kept],
        )
    }
    meters = {
        str(row[1]): row
        for row in rows_in(
            "SELECT m.id, m.number, m.account_id, m.kind, m.model, m.installed_on, "
            "m.initial_l, m.last_verified, a.number FROM meter m "
            "JOIN account a ON a.id = m.account_id WHERE m.number IN ({marks})",
            [r.meter_number for r in kept],
        )
    }
    in_service = _meters_in_service([int(a[0]) for a in accounts.values()])
    names = {int(i): str(c) for i, c in db.obj.execute_sql("SELECT id, code FROM office")}
    for r in kept:
        office_id = _office_of(r, offices, options)
        if office_id is None:
            if r.office:
                choices = "、".join(sorted({k.upper() for k in offices if k.isascii()}))
                refuse(r, "office", NO_OFFICE, office=r.office, offices=choices)
            else:
                refuse(r, "office", OFFICE_NEEDED)
            continue
        account = accounts.get(r.number)
        meter = meters.get(r.meter_number)
        problems = 0
        if account is not None:
            problems += _compare_account(r, account, office_id, names, mapping, refuse)
        if meter is not None:
            if account is None or int(meter[2]) != int(account[0]):
                refuse(r, "meter_number", METER_ELSEWHERE, meter=r.meter_number, account=meter[8])
                problems += 1
            else:
                problems += _compare_meter(r, meter, mapping, refuse)
        elif account is not None:
            current = in_service.get(int(account[0]))
            refuse(r, "meter_number", OTHER_METER, number=r.number, meter=current or NOTHING)
            problems += 1
        if problems:
            continue
        if account is not None:
            plan.unchanged += 1
        else:
            plan.new.append(NewAccount(r, office_id))
    step(len(sheet.rows))
    plan.refusals.sort(key=lambda x: x.line)
    return plan


def _meters_in_service(account_ids: Sequence[int]) -> dict[int, str]:
    return {
        int(a): str(n)
        for a, n in rows_in(
            "SELECT account_id, number FROM meter WHERE removed_on IS NULL "
            "AND account_id IN ({marks})",
            account_ids,
        )
    }


def _office_of(r: AccountRow, offices: dict[str, int], options: ImportOptions) -> int | None:
    """The office the row names, else the importer's, else the only one there is."""
    if r.office:
        return offices.get(r.office.lower())
    if options.office_id is not None:
        return options.office_id
    only = set(offices.values())
    return only.pop() if len(only) == 1 else None


def _compare_account(
    r: AccountRow,
    stored: tuple[Any, ...],
    office_id: int,
    codes: dict[int, str],
    mapping: Mapping,
    refuse: Any,
) -> int:
    _, number, name, card, phone, address, user_type, stored_office, opened = stored
    pairs: list[tuple[str, object, object, str]] = [
        ("name", r.name, name, name),
        ("address", r.address, address, address),
    ]
    if "id_card" in mapping.positions:
        pairs.append(("id_card", r.id_card or "", card or "", card or NOTHING))
    if "phone" in mapping.positions:
        pairs.append(("phone", r.phone, phone or "", phone or NOTHING))
    if "user_type" in mapping.positions:
        pairs.append(("user_type", r.user_type, user_type, user_type))
    if "office" in mapping.positions:
        pairs.append(("office", office_id, int(stored_office), codes.get(int(stored_office), "")))
    if "opened_on" in mapping.positions:
        pairs.append(("opened_on", r.opened_on, as_date(opened), day_text(as_date(opened)) or ""))
    bad = 0
    for name_, mine, theirs, shown_ in pairs:
        if mine != theirs:
            refuse(r, name_, DIFFERS, stored=shown_ or NOTHING, number=number)
            bad += 1
    return bad


def _compare_meter(r: AccountRow, stored: tuple[Any, ...], mapping: Mapping, refuse: Any) -> int:
    _, number, _, kind, model, installed, initial, verified, _ = stored
    pairs: list[tuple[str, object, object, str]] = [
        ("installed_on", r.installed_on, as_date(installed), day_text(as_date(installed)) or ""),
    ]
    if "meter_kind" in mapping.positions:
        pairs.append(("meter_kind", r.meter_kind, kind, kind))
    if "meter_model" in mapping.positions:
        pairs.append(("meter_model", r.meter_model, model, model))
    if "initial" in mapping.positions:
        pairs.append(("initial", r.initial_l, int(initial), format_m3(int(initial))))
    if "last_verified" in mapping.positions:
        was = as_date(verified)
        pairs.append(("last_verified", r.last_verified, was, day_text(was) or NOTHING))
    bad = 0
    for name_, mine, theirs, shown_ in pairs:
        if mine != theirs:
            refuse(r, name_, METER_DIFFERS, stored=shown_ or NOTHING, meter=number)
            bad += 1
    return bad


ACCOUNT_COLUMNS = (
    "number",
    "name",
    "initials",
    "phone",
    "id_card",
    "address",
    "office_id",
    "user_type",
    "status",
    "balance_fen",
    "opened_on",
    "import_batch_id",
)
METER_COLUMNS = (
    "number",
    "account_id",
    "kind",
    "model",
    "installed_on",
    "last_verified",
    "initial_l",
    "import_batch_id",
)


def write_accounts(plan: AccountPlan, batch_id: int, progress: Progress | None = None) -> None:
    """Accounts, their meters and their search grams, in the caller's transaction."""
    total = len(plan.new)
    step = stepper(progress, WRITE, 3 * total)
    insert_many(
        "account",
        ACCOUNT_COLUMNS,
        [
            (
                r.number,
                r.name,
                initials(r.name),
                r.phone,
                r.id_card,
                r.address,
                n.office_id,
                r.user_type,
                "active",
                0,
                r.opened_on.isoformat(),
                batch_id,
            )
            for n in plan.new
            for r in (n.row,)
        ],
        step,
    )
    mark = db.obj.param
    ids = {
        str(number): int(account_id)
        for account_id, number in db.obj.execute_sql(
            f"SELECT id, number FROM account WHERE import_batch_id = {mark}", (batch_id,)
        )
    }
    insert_many(
        "meter",
        METER_COLUMNS,
        [
            (
                r.meter_number,
                ids[r.number],
                r.meter_kind,
                r.meter_model,
                r.installed_on.isoformat(),
                day_text(r.last_verified),
                r.initial_l,
                batch_id,
            )
            for n in plan.new
            for r in (n.row,)
        ],
        lambda done: step(total + done),
    )
    grams = [
        (ids[n.row.number], list(account_grams(n.row.name, n.row.address, n.row.phone)))
        for n in plan.new
    ]
    known = int(db.obj.execute_sql("SELECT COUNT(*) FROM account").fetchone()[0]) - total
    add_grams(grams, known, lambda done, all_: step(2 * total + total * done // max(1, all_)))
    step(3 * total)
