"""The counter's devices for one login: built from the settings when first needed
(devices/config.py), kept in the AppContext, used on the database worker (a device
call may take a moment and must not freeze the window)."""

from __future__ import annotations

from dataclasses import dataclass

from gasdesk.devices.card_writer import CardWriter
from gasdesk.devices.config import (
    DeviceConfig,
    open_card_writer,
    open_escpos,
    open_id_reader,
)
from gasdesk.devices.escpos_printer import EscposPrinter
from gasdesk.devices.id_reader import IdCardReader
from gasdesk.ui.context import AppContext
from gasdesk.ui.device_settings import device_config

KEY = "devices"


@dataclass
class CounterDevices:
    config: DeviceConfig
    card_writer: CardWriter
    id_reader: IdCardReader
    escpos: EscposPrinter | None


def build(config: DeviceConfig) -> CounterDevices:
    return CounterDevices(
        config=config,
        card_writer=open_card_writer(config),
        id_reader=open_id_reader(config),
        escpos=open_escpos(config),
    )


def devices_of(ctx: AppContext) -> CounterDevices:
    found = ctx.extras.get(KEY)
    if isinstance(found, CounterDevices):
        return found
    made = build(device_config(ctx.settings))
    ctx.extras[KEY] = made
    return made


def reload_devices(ctx: AppContext) -> CounterDevices:
    """After the settings changed: the devices they now name."""
    ctx.extras.pop(KEY, None)
    return devices_of(ctx)
