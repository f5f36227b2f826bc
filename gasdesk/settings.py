"""Every setting of a counter, declared once: its key in the settings file, its kind of
value, its default and what it does. The only module that reads or writes the file.

    from gasdesk import settings
    store = settings.open_settings()            # the counter's settings
    store.get(settings.IDLE_SECONDS)            # 180.0: typed, the default when unset
    store.set(settings.COUNTER_NUMBER, 2)
    store.problem(settings.SERVICE_LIMIT)       # why a value in the file was refused

A value that is missing, empty or not of its kind reads as the default: a typo in the
file never stops the counter; it is logged (once) and `problem()` says why. A new
setting is one `declare(...)` below; the README's table is generated from these
declarations (`python -m gasdesk.settings_doc`).

The file is the INI file QSettings has always kept (`settings_ini.py` reads and writes
it without Qt): the one named by `GASDESK_SETTINGS`, else the per-user file
(`~/.config/GasDesk/gasdesk.ini`), with the shared files QSettings also reads for a key
the user's file lacks.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from gasdesk import settings_ini
from gasdesk.domain import service_timing as timing
from gasdesk.domain.money import DEFAULT_CEILING_FEN
from gasdesk.domain.receipts import LAYOUTS
from gasdesk.settings_kinds import (
    Bytes,
    Choice,
    Flag,
    GeometryText,
    Kind,
    Maybe,
    Number,
    Seconds,
    Text,
    Whole,
    YuanAsFen,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
SETTINGS_ENV = "GASDESK_SETTINGS"


@dataclass(frozen=True, eq=False)
class Option(Generic[T]):
    key: str
    kind: Kind[T]
    default: T
    doc: str  # what it does, for the README (Markdown)


OPTIONS: list[Option[Any]] = []


def declare(key: str, kind: Kind[T], default: T, doc: str) -> Option[T]:
    if any(o.key == key for o in OPTIONS):
        raise ValueError(f"setting {key} is declared twice")
    option = Option(key, kind, default, " ".join(doc.split()))
    OPTIONS.append(option)
    return option


# --- the counter and its database --------------------------------------------------

DB_PATH = declare(
    "db/path",
    Maybe(Text("file path")),
    None,
    """The SQLite database file when `gasdesk --db PATH` names none; none: `gasdesk.db`
    in the per-user data folder (`~/.local/share/gasdesk/` on Linux).""",
)
COUNTER_OFFICE = declare(
    "counter/office",
    Maybe(Text("office code")),
    None,
    """This PC's office (`MS`, `WC`), chosen in the first-run set-up or the join
    dialog and kept (the login dialog can change it); `--office` overrides it.""",
)
COUNTER_NUMBER = declare(
    "counter/number",
    Maybe(Whole(1)),
    None,
    """This PC's counter number, chosen in the first-run set-up or the join dialog
    and kept (the login dialog can change it); `--counter` overrides it.""",
)

# --- the screen ------------------------------------------------------------------------

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"  # Simplified Chinese; English is the second language
UI_LANGUAGE = declare(
    "ui/language",
    Choice(*LANGUAGES),
    DEFAULT_LANGUAGE,
    """The interface language from the next start (the View menu sets it); `--lang`
    overrides it.""",
)
WINDOW_GEOMETRY = declare(
    "ui/main_window_geometry",
    Maybe(GeometryText()),
    None,
    """The main window's place and size, kept at log-out and exit; none: the window opens
    maximized. A kept size larger than the screen is fitted into it.""",
)
WINDOW_STATE = declare(
    "ui/main_window_state",
    Bytes(),
    b"",
    "The docks' layout, kept with the window's place.",
)
DISPLAY_AUTO_OPEN = declare(
    "customer_display/auto_open",
    Flag(),
    True,
    "Open the customer display on the second screen at log-in, when there is one.",
)
PHRASES_FILE = declare(
    "phrases/file",
    Maybe(Text("file path")),
    None,
    "A phrases file to use instead of the shipped `resources/phrases.toml`.",
)

# --- printing and fees -------------------------------------------------------------

RECEIPT_LAYOUT = declare(
    "printing/layout",
    Choice(*LAYOUTS),
    LAYOUTS[0],
    "The receipt's paper: the 80 mm roll or A5 sheets.",
)
SILENT_PRINTING = declare(
    "printing/silent",
    Flag(),
    False,
    "Print receipts straight to the counter's printer, without the print dialog.",
)
PRINTER = declare(
    "printing/printer",
    Maybe(Text("printer name")),
    None,
    "The printer to print to; none: the system's default printer.",
)
OUTPUT_DIR = declare(
    "printing/output_dir",
    Maybe(Text("folder path")),
    None,
    "Print to PDF files in this folder instead of a printer (trials, tests).",
)
RECEIPT_PRINTER = declare(
    "printing/receipt_printer",
    Choice("system", "escpos"),
    "system",
    """How receipts reach paper: `system` through the system's printer driver (as any
    document), `escpos` straight to a thermal printer in ESC/POS (`printing/escpos`).""",
)
ESCPOS = declare(
    "printing/escpos",
    Maybe(Text("connection")),
    None,
    """The ESC/POS receipt printer: `usb:VID:PID`, `serial:PORT[:BAUD]`,
    `network:HOST[:PORT]` or `file:PATH`.""",
)
ESCPOS_COLUMNS = declare(
    "printing/escpos_columns",
    Whole(20, 80),
    48,
    "Characters per line of the ESC/POS printer (48 on an 80 mm roll).",
)
CASH_DRAWER = declare(
    "printing/cash_drawer",
    Flag(),
    True,
    "Open the cash drawer on an original cash receipt (ESC/POS printer only).",
)
FEE_CEILING = declare(
    "fees/ceiling_yuan",
    YuanAsFen(),
    DEFAULT_CEILING_FEN,
    """The largest amount one entry may hold, in yuan; never above the hard maximum of
    10 million yuan.""",
)

# --- service and security --------------------------------------------------------------

IDLE_SECONDS = declare(
    "security/idle_seconds",
    Number("seconds"),
    180.0,
    """Quiet seconds before the idle lock covers the window and asks for the teller's
    password again; 0 turns it off.""",
)
SERVICE_LIMIT = declare(
    "service/limit_seconds",
    Seconds(*timing.LIMIT_RANGE),
    timing.DEFAULT_LIMIT_SECONDS,
    """How long a service may take (限时服务); past it the counter prompts the apology
    对不起，让您久等了.""",
)
WAIT_PROMPT = declare(
    "service/wait_prompt_seconds",
    Seconds(*timing.WAIT_PROMPT_RANGE),
    timing.DEFAULT_WAIT_PROMPT_SECONDS,
    "A search or print that keeps the counter busy longer than this prompts 请您稍等.",
)
RATING_LINGER = declare(
    "service/rating_linger_seconds",
    Seconds(*timing.RATING_LINGER_RANGE),
    timing.DEFAULT_RATING_LINGER_SECONDS,
    "How long the customer may still rate a service on the customer display after it ended.",
)

# --- counter devices -------------------------------------------------------------------

CARD_WRITER = declare(
    "devices/card_writer",
    Text("driver name"),
    "simulated",
    """The IC-card reader/writer: `simulated` (cards as files, for trials and tests),
    `none`, or the name of a maker's driver installed beside GasDesk.""",
)
CARD_PORT = declare(
    "devices/card_port",
    Maybe(Text("port")),
    None,
    "The card writer driver's port, e.g. `COM3` or `/dev/ttyUSB0`.",
)
CARD_FOLDER = declare(
    "devices/card_folder",
    Maybe(Text("folder path")),
    None,
    """The simulated cards' folder; none: `simulated-devices/cards` in the per-user
    data folder.""",
)
ID_READER = declare(
    "devices/id_reader",
    Text("driver name"),
    "simulated",
    """The second-generation ID-card reader: `simulated`, `none`, or the name of a
    reader driver installed beside GasDesk.""",
)
ID_PORT = declare(
    "devices/id_port",
    Maybe(Text("port")),
    None,
    "The ID-card reader driver's port.",
)
ID_FOLDER = declare(
    "devices/id_folder",
    Maybe(Text("folder path")),
    None,
    """The simulated ID-card reader's folder; none: `simulated-devices/id-reader` in
    the per-user data folder.""",
)

# --- backups ---------------------------------------------------------------------------

BACKUP_FOLDER = declare(
    "backup/folder",
    Maybe(Text("folder path")),
    None,
    """Where `gasdesk backup` writes backups and `gasdesk verify` finds them; none:
    `backups/` in the per-user data folder. Best on another disk.""",
)
BACKUP_KEEP = declare(
    "backup/keep",
    Whole(1),
    30,
    "How many backups `gasdesk backup` keeps; older ones are rotated away.",
)


# --- the file --------------------------------------------------------------------------

_write_lock = threading.Lock()


class Settings:
    """The settings in `path`, and in `fallbacks` (read only) for a key it lacks."""

    def __init__(self, path: Path, fallbacks: Sequence[Path] = ()) -> None:
        self.path = Path(path)
        self.fallbacks = tuple(Path(p) for p in fallbacks)
        self._warned: set[tuple[str, str]] = set()  # each refused value is logged once

    def _raw(self, key: str) -> settings_ini.Value | None:
        for path in (self.path, *self.fallbacks):
            value = settings_ini.read_file(path).get(key)
            if value is not None:
                return value
        return None

    def read(self, option: Option[T]) -> tuple[T, ValueError | None]:
        """The value and, when the file's text was refused, why."""
        raw = self._raw(option.key)
        if raw is None or raw == "":
            return option.default, None
        if isinstance(raw, settings_ini.Verbatim):  # @Invalid() is QSettings' "no value"
            if raw == "@Invalid()":
                return option.default, None
            return option.default, ValueError(f"{option.key} holds a Qt type: {raw[:20]}...")
        try:
            return option.kind.parse(raw, option.key), None
        except ValueError as exc:
            return option.default, exc

    def get(self, option: Option[T]) -> T:
        """The setting's value; its default when it is unset or not of its kind."""
        value, problem = self.read(option)
        if problem is not None and (option.key, repr(problem)) not in self._warned:
            self._warned.add((option.key, repr(problem)))
            log.warning("%s (in %s): the default %r applies", problem, self.path, value)
        return value

    def problem(self, option: Option[Any]) -> ValueError | None:
        """Why the file's value of the setting was refused; None when it was not."""
        return self.read(option)[1]

    def set(self, option: Option[T], value: T) -> None:
        """Keep `value` in the file (None removes the key). A file that cannot be
        written is logged, never raised: the counter goes on with what it has."""
        with _write_lock:
            entries = settings_ini.read_file(self.path)
            if value is None:
                entries.pop(option.key, None)
            else:
                entries[option.key] = option.kind.text(value)
            try:
                settings_ini.write_file(self.path, entries)
            except OSError as exc:
                log.warning("the settings file %s cannot be written: %s", self.path, exc)


def settings_path() -> Path | None:
    """An explicit settings file (tests, several counters on one PC), else None."""
    value = os.environ.get(SETTINGS_ENV)
    return Path(value) if value else None


def open_settings() -> Settings:
    """The counter's settings: the file named by GASDESK_SETTINGS, else the per-user
    file QSettings keeps, with its shared fallbacks."""
    path = settings_path()
    if path is not None:
        return Settings(path)
    user, *fallbacks = settings_ini.qt_files()
    return Settings(user, fallbacks)
