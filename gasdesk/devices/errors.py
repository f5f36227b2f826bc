"""Refusals of a device, for the teller (a TellerError: a code and an English template
the UI translates)."""

from __future__ import annotations

from typing import Any

from gasdesk.domain.errors import TellerError
from gasdesk.domain.text import QT_TRANSLATE_NOOP


class DeviceError(TellerError):
    """A device could not do what was asked; what it holds is as the message says."""


MESSAGES = {
    "no_card": QT_TRANSLATE_NOOP(
        "Messages", "There is no card in the card reader; put the customer's card in."
    ),
    "wrong_card": QT_TRANSLATE_NOOP(
        "Messages",
        "The card in the reader is card {found}, not card {wanted}; nothing was written. "
        "Put the customer's own card in.",
    ),
    "pulled_out": QT_TRANSLATE_NOOP(
        "Messages",
        "The card was taken out of the reader while it was being written; put it back in "
        "and write it again.",
    ),
    "unplugged": QT_TRANSLATE_NOOP(
        "Messages", "The card reader does not answer ({device}); check its cable and power."
    ),
    "not_blank": QT_TRANSLATE_NOOP(
        "Messages",
        "The card in the reader is card {found}, not a blank card; put a new blank card in.",
    ),
    "no_card_writer": QT_TRANSLATE_NOOP(
        "Messages", "No card reader is set up at this counter (device settings)."
    ),
    "no_id_reader": QT_TRANSLATE_NOOP(
        "Messages", "No ID-card reader is set up at this counter (device settings)."
    ),
    "driver_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The device driver '{driver}' is not installed; install it or change the device settings.",
    ),
    "no_id_card": QT_TRANSLATE_NOOP(
        "Messages", "There is no ID card on the reader; place the customer's ID card on it."
    ),
    "id_unplugged": QT_TRANSLATE_NOOP(
        "Messages", "The ID-card reader does not answer ({device}); check its cable."
    ),
    "printer_missing": QT_TRANSLATE_NOOP(
        "Messages", "The receipt printer does not answer ({device}): {reason}"
    ),
    "bad_connection": QT_TRANSLATE_NOOP(
        "Messages",
        "The receipt printer setting '{connection}' is not understood; write usb:VID:PID, "
        "serial:PORT, network:HOST or file:PATH.",
    ),
}


def device_error(code: str, **params: Any) -> DeviceError:
    return DeviceError(code, MESSAGES[code], **params)
