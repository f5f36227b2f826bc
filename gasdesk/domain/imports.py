"""What an import of customers or readings reports: how many rows were new, already
there or refused, each refusal with its line, column, value and reason, and the first
rows as they were read (the supervisor's preview)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from gasdesk.domain.import_rows import Refusal
from gasdesk.domain.text import QT_TRANSLATE_NOOP

# (stage, done, total): stages are READ, CHECK, WRITE, SEAL, in this order
Progress = Callable[[str, int, int], None]
READ, CHECK, WRITE, SEAL = "read", "check", "write", "seal"
STAGES = (READ, CHECK, WRITE, SEAL)
PREVIEW_ROWS = 20

EXIT_DONE = 0  # everything imported or already there
EXIT_REFUSED = 1  # rows were refused (none written, or only the good ones with skip)
EXIT_UNREADABLE = 2  # the file (or the database) cannot be read at all

SAME_ROW = QT_TRANSLATE_NOOP("Messages", "The same row as line {line}.")
ROUND = QT_TRANSLATE_NOOP(
    "Messages",
    "Round: {billed} readings to bill ({volume} m³), {flagged} flagged{flags}, "
    "{estimated} estimated.",
)
FLAG_NAMES = {
    "high_vs_last_year": QT_TRANSLATE_NOOP("Messages", "far above last year"),
    "estimated_run": QT_TRANSLATE_NOOP("Messages", "estimated again"),
    "lower_than_previous": QT_TRANSLATE_NOOP("Messages", "lower than the previous reading"),
    "meter_change": QT_TRANSLATE_NOOP("Messages", "meter changed"),
}


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    skip_invalid: bool = False
    imported_by: str = ""  # who: the supervisor's badge and name, or the system user
    staff_id: int | None = None  # the supervisor, when imported from the counter
    office_id: int | None = None  # accounts whose file names no office go here
    expected_sha256: str = ""  # the file previewed: refused if it changed since
    today: dt.date | None = None


@dataclass(frozen=True)
class PreviewRow:
    line: int
    values: tuple[str, ...]  # per column of ImportReport.columns, as it will be stored


@dataclass(frozen=True)
class RoundSummary:
    """What a reading round brings before it is confirmed: how many readings will be
    billed at the counter (mechanical meters; IC-card meters are prepaid), how many
    carry a flag the counter's reading history shows (by flag), how many are estimates,
    and the gas they bill."""

    billed: int
    flagged: int
    estimated: int
    volume_l: int
    flags: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportReport:
    kind: str  # 'accounts' | 'readings'
    file_name: str
    sha256: str
    format: str  # 'csv' | 'xlsx'
    encoding: str
    rows: int  # data rows in the file
    new: int  # written (or, when nothing was written, that would have been new)
    unchanged: int  # already in the database exactly so
    refusals: tuple[Refusal, ...]
    written: bool
    dry_run: bool
    skip_invalid: bool
    batch_id: int | None = None
    columns: tuple[str, ...] = ()  # fields of the preview
    headers: tuple[str, ...] = ()  # their headers in the file
    preview: tuple[PreviewRow, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    round: RoundSummary | None = None  # a reading round, when checked before importing

    @property
    def refused_rows(self) -> int:
        return len({r.line for r in self.refusals})

    @property
    def exit_code(self) -> int:
        return EXIT_REFUSED if self.refusals else EXIT_DONE
