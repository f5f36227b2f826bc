"""Which devices a counter uses (plain values the UI reads from the counter's settings,
see ui/device_settings.py), and building them.

A card writer or an ID-card reader is 'simulated' (files in a folder), 'none', or
the name of a driver: a meter maker (or an ID-reader vendor) ships a Python package
that declares an entry point in the group `gasdesk.card_writers` (or
`gasdesk.id_readers`) naming a factory; GasDesk calls `factory(port)` and uses what it
returns through the CardWriter (IdCardReader) interface:

    # the maker's setup.cfg
    [options.entry_points]
    gasdesk.card_writers =
        acme = acme_gasdesk.writer:AcmeCardWriter

and the counter's setting `devices/card_writer = acme`, `devices/card_port = COM3`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.devices.card_writer import CardWriter, NoCardWriter
from gasdesk.devices.errors import device_error
from gasdesk.devices.escpos_printer import COLUMNS, EscposPrinter
from gasdesk.devices.id_reader import IdCardReader, NoIdReader
from gasdesk.devices.id_sim import SimulatedIdReader
from gasdesk.devices.status import MISSING, DeviceStatus

SIMULATED = "simulated"
NONE = "none"
CARD_WRITER_GROUP = "gasdesk.card_writers"
ID_READER_GROUP = "gasdesk.id_readers"
SYSTEM_PRINTER = "system"  # receipts through the system's printer driver (a PDF)
ESCPOS_PRINTER = "escpos"  # receipts in ESC/POS to `escpos_connection`


@dataclass(frozen=True)
class DeviceConfig:
    card_writer: str = SIMULATED  # SIMULATED | NONE | a driver's entry-point name
    card_port: str = ""  # passed to a driver
    card_folder: Path | None = None  # the simulated cards
    id_reader: str = SIMULATED
    id_port: str = ""
    id_folder: Path | None = None  # the simulated ID-card reader
    receipt_printer: str = SYSTEM_PRINTER  # SYSTEM_PRINTER | ESCPOS_PRINTER
    escpos_connection: str = ""
    escpos_columns: int = COLUMNS
    cash_drawer: bool = True  # open the drawer on a cash receipt (ESC/POS printer only)


class _Broken:
    """A driver that could not be loaded: missing at the device check, refusing each use."""

    simulated = False

    def __init__(self, driver: str, problem: Exception) -> None:
        self.driver = driver
        self.problem = problem

    def status(self) -> DeviceStatus:
        return DeviceStatus(MISSING, self.driver, self.problem)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        def refuse(*_args: Any, **_kw: Any) -> Any:
            raise self.problem

        return refuse


def _driver(group: str, name: str, port: str) -> Any:
    found = [ep for ep in entry_points(group=group) if ep.name == name]
    if not found:
        return _Broken(name, device_error("driver_missing", driver=name))
    try:
        return found[0].load()(port)
    except Exception as exc:  # the maker's code: its failure is the device's
        problem = device_error("driver_missing", driver=f"{name} ({type(exc).__name__}: {exc})")
        return _Broken(name, problem)


def open_card_writer(config: DeviceConfig) -> CardWriter:
    if config.card_writer == SIMULATED:
        assert config.card_folder is not None
        return SimulatedCardDevice(config.card_folder)
    if config.card_writer == NONE or not config.card_writer:
        return NoCardWriter()
    writer: CardWriter = _driver(CARD_WRITER_GROUP, config.card_writer, config.card_port)
    return writer


def open_id_reader(config: DeviceConfig) -> IdCardReader:
    if config.id_reader == SIMULATED:
        assert config.id_folder is not None
        return SimulatedIdReader(config.id_folder)
    if config.id_reader == NONE or not config.id_reader:
        return NoIdReader()
    reader: IdCardReader = _driver(ID_READER_GROUP, config.id_reader, config.id_port)
    return reader


def open_escpos(config: DeviceConfig) -> EscposPrinter | None:
    """The ESC/POS receipt printer, or None when receipts go through the system driver."""
    if config.receipt_printer != ESCPOS_PRINTER:
        return None
    return EscposPrinter(config.escpos_connection, config.escpos_columns)
