"""Importing customers and meter readings from a spreadsheet file: the use case the
command line (`gasdesk import`) and the supervisor's import screen both call.

1. The file is read (CSV in UTF-8 or GBK, or .xlsx) and its header matched to the
   columns; a file that cannot be read at all raises SheetError or HeaderError.
2. Every row is checked (domain.import_rows) and then against the database and the
   rest of the file (services.import_accounts, services.import_readings).
3. All or nothing: one refused row and nothing is written, unless `skip_invalid`
   asks for the good rows. A dry run writes nothing either way.
4. What is written is written in one transaction: an ImportBatch row naming the file,
   its SHA-256, who imported it and when; the records, each pointing at the batch;
   the search grams of new accounts; and the batch's seal in the audit chain.

The checks read the database before the writing transaction takes the writers'
lock; inside it a fingerprint of the tables is compared and the checks are made
again if anything was written in between.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from gasdesk.domain.import_columns import (
    ACCOUNTS,
    COLUMNS,
    READINGS,
    HeaderError,
    Mapping,
    guess_kind,
    map_header,
)
from gasdesk.domain.import_rows import AccountRow, ReadingLine
from gasdesk.domain.imports import (
    PREVIEW_ROWS,
    READ,
    ImportOptions,
    ImportReport,
    PreviewRow,
    Progress,
)
from gasdesk.domain.readings import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.exchange.sheets import Sheet, read_sheet
from gasdesk.services import import_accounts, import_readings
from gasdesk.services.import_common import (
    check_importer,
    fingerprint,
    large_cache,
    new_batch,
    seal_batch,
)
from gasdesk.services.import_round import round_summary
from gasdesk.storage.db import write_transaction

FILE_CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "The file {file} has changed since it was checked; check it again before importing.",
)
UNKNOWN_KIND = QT_TRANSLATE_NOOP("Messages", "Unknown kind of import: {kind}.")
WRONG_KIND = {
    ACCOUNTS: QT_TRANSLATE_NOOP(
        "Messages", "{file} holds meter readings, not customers: import it as readings."
    ),
    READINGS: QT_TRANSLATE_NOOP(
        "Messages", "{file} holds customers, not meter readings: import it as customers."
    ),
}

Plan = import_accounts.AccountPlan | import_readings.ReadingPlan


def _plan(
    kind: str,
    sheet: Sheet,
    mapping: Mapping,
    options: ImportOptions,
    today: dt.date,
    progress: Progress | None,
) -> Plan:
    if kind == ACCOUNTS:
        return import_accounts.plan_accounts(sheet, mapping, options, today, progress)
    return import_readings.plan_readings(sheet, mapping, options, today, progress)


def _write(
    kind: str, plan: Plan, batch_id: int, options: ImportOptions, progress: Progress | None
) -> None:
    if isinstance(plan, import_accounts.AccountPlan):
        import_accounts.write_accounts(plan, batch_id, progress)
    else:
        import_readings.write_readings(plan, batch_id, options, progress)


def _preview_values(row: AccountRow | ReadingLine, fields: tuple[str, ...]) -> tuple[str, ...]:
    shown: list[str] = []
    for name in fields:
        attr = {"initial": "initial_l", "value": "value_l"}.get(name, name)
        value = getattr(row, attr, "")
        if name in ("initial", "value"):
            shown.append(format_m3(int(value)))
        elif isinstance(value, dt.date):
            shown.append(value.isoformat())
        else:
            shown.append("" if value is None else str(value))
    return tuple(shown)


def _preview(
    plan: Plan, mapping: Mapping
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[PreviewRow, ...]]:
    fields = tuple(c.field for c in COLUMNS[mapping.kind] if c.field in mapping.positions)
    headers = tuple(mapping.header_of(f) for f in fields)
    rows = tuple(PreviewRow(r.line, _preview_values(r, fields)) for r in plan.rows[:PREVIEW_ROWS])
    return fields, headers, rows


def import_file(
    kind: str, path: Path, options: ImportOptions, progress: Progress | None = None
) -> ImportReport:
    """Check the file and, unless refused or a dry run, import it (see the module)."""
    if kind not in (ACCOUNTS, READINGS):
        raise UserError(UNKNOWN_KIND, kind=kind)
    check_importer(options)
    today = options.today or dt.date.today()
    sheet = read_sheet(path, (lambda d, t: progress(READ, d, t)) if progress else None)
    if options.expected_sha256 and sheet.sha256 != options.expected_sha256:
        raise UserError(FILE_CHANGED, file=sheet.file_name)
    try:
        mapping = map_header(kind, sheet.header)
    except HeaderError:
        if guess_kind(sheet.header) == (READINGS if kind == ACCOUNTS else ACCOUNTS):
            raise HeaderError(WRONG_KIND[kind], file=sheet.file_name) from None
        raise
    if progress is not None:
        progress(READ, len(sheet.rows), len(sheet.rows))
    plan = _plan(kind, sheet, mapping, options, today, progress)
    seen = fingerprint()
    fields, headers, preview = _preview(plan, mapping)
    report = ImportReport(
        kind=kind,
        file_name=sheet.file_name,
        sha256=sheet.sha256,
        format=sheet.format,
        encoding=sheet.encoding,
        rows=len(sheet.rows),
        new=len(plan.new),
        unchanged=plan.unchanged,
        refusals=tuple(plan.refusals),
        written=False,
        dry_run=options.dry_run,
        skip_invalid=options.skip_invalid,
        columns=fields,
        headers=headers,
        preview=preview,
        ignored_columns=mapping.ignored,
    )
    if options.dry_run and isinstance(plan, import_readings.ReadingPlan):
        report = replace(report, round=round_summary(plan))  # seen before confirming
    if options.dry_run or not plan.new or (plan.refusals and not options.skip_invalid):
        return report
    with large_cache(), write_transaction():
        if fingerprint() != seen:  # written in between: check again under the lock
            plan = _plan(kind, sheet, mapping, options, today, None)
            report = replace(
                report,
                new=len(plan.new),
                unchanged=plan.unchanged,
                refusals=tuple(plan.refusals),
            )
            if not plan.new or (plan.refusals and not options.skip_invalid):
                return report
        batch_id = new_batch(
            kind, sheet.file_name, sheet.sha256, len(plan.new), plan.unchanged, options
        )
        _write(kind, plan, batch_id, options, progress)
        seal_batch(batch_id, options, progress)
    return replace(report, written=True, batch_id=batch_id)
