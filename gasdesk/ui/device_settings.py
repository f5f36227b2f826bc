"""The counter's device settings: the one place they are read (QSettings keys).

devices/card_writer     'simulated' (default), 'none', or a maker's driver name
devices/card_port       the driver's port, e.g. COM3 or /dev/ttyUSB0
devices/card_folder     the simulated cards (default: <data folder>/simulated-devices/cards)
devices/id_reader       'simulated' (default), 'none', or a reader driver name
devices/id_port         the ID-card reader driver's port
devices/id_folder       the simulated ID-card reader (default: .../simulated-devices/id-reader)
printing/receipt_printer 'system' (default: the system's printer driver) or 'escpos'
printing/escpos         the ESC/POS printer: usb:VID:PID, serial:PORT[:BAUD],
                        network:HOST[:PORT] or file:PATH
printing/escpos_columns characters per line of the ESC/POS printer (default 48)
printing/cash_drawer    open the drawer on a cash receipt (ESC/POS only; default true)
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from gasdesk.devices.config import DeviceConfig
from gasdesk.devices.escpos_printer import COLUMNS

CARD_WRITER_KEY = "devices/card_writer"
CARD_PORT_KEY = "devices/card_port"
CARD_FOLDER_KEY = "devices/card_folder"
ID_READER_KEY = "devices/id_reader"
ID_PORT_KEY = "devices/id_port"
ID_FOLDER_KEY = "devices/id_folder"
RECEIPT_PRINTER_KEY = "printing/receipt_printer"
ESCPOS_KEY = "printing/escpos"
ESCPOS_COLUMNS_KEY = "printing/escpos_columns"
CASH_DRAWER_KEY = "printing/cash_drawer"


def _text(settings: QSettings, key: str, default: str = "") -> str:
    return str(settings.value(key, default) or default).strip()


def simulated_root() -> Path:
    return platformdirs.user_data_path("gasdesk", appauthor=False) / "simulated-devices"


def device_config(settings: QSettings) -> DeviceConfig:
    try:
        columns = int(str(settings.value(ESCPOS_COLUMNS_KEY, COLUMNS)))
    except ValueError:
        columns = COLUMNS
    drawer = str(settings.value(CASH_DRAWER_KEY, "true")).strip().lower()
    card_folder = _text(settings, CARD_FOLDER_KEY)
    id_folder = _text(settings, ID_FOLDER_KEY)
    return DeviceConfig(
        card_writer=_text(settings, CARD_WRITER_KEY, "simulated"),
        card_port=_text(settings, CARD_PORT_KEY),
        card_folder=Path(card_folder) if card_folder else simulated_root() / "cards",
        id_reader=_text(settings, ID_READER_KEY, "simulated"),
        id_port=_text(settings, ID_PORT_KEY),
        id_folder=Path(id_folder) if id_folder else simulated_root() / "id-reader",
        receipt_printer=_text(settings, RECEIPT_PRINTER_KEY, "system"),
        escpos_connection=_text(settings, ESCPOS_KEY),
        escpos_columns=columns if 20 <= columns <= 80 else COLUMNS,
        cash_drawer=drawer not in ("0", "false", "no", "off"),
    )
