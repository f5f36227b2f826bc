"""The counter's devices as its settings describe them (declared in gasdesk/settings.py:
`devices/*`, `printing/receipt_printer`, `printing/escpos*`, `printing/cash_drawer`)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from gasdesk import settings as keys
from gasdesk.devices.config import DeviceConfig
from gasdesk.settings import Settings


def simulated_root() -> Path:
    return platformdirs.user_data_path("gasdesk", appauthor=False) / "simulated-devices"


def device_config(settings: Settings) -> DeviceConfig:
    card_folder = settings.get(keys.CARD_FOLDER)
    id_folder = settings.get(keys.ID_FOLDER)
    return DeviceConfig(
        card_writer=settings.get(keys.CARD_WRITER).strip() or "simulated",
        card_port=(settings.get(keys.CARD_PORT) or "").strip(),
        card_folder=Path(card_folder) if card_folder else simulated_root() / "cards",
        id_reader=settings.get(keys.ID_READER).strip() or "simulated",
        id_port=(settings.get(keys.ID_PORT) or "").strip(),
        id_folder=Path(id_folder) if id_folder else simulated_root() / "id-reader",
        receipt_printer=settings.get(keys.RECEIPT_PRINTER),
        escpos_connection=(settings.get(keys.ESCPOS) or "").strip(),
        escpos_columns=settings.get(keys.ESCPOS_COLUMNS),
        cash_drawer=settings.get(keys.CASH_DRAWER),
    )
