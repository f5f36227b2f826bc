"""The IC-card reader/writer as GasDesk uses it, whoever made it.

A meter maker's driver implements `CardWriter` (see registry.py for how it is found);
GasDesk never speaks a maker's card format itself. Each call either does all of what
it says or raises a DeviceError and leaves the card as it was, except where the card
was pulled out in the middle: then the card may or may not hold the write, and the
next read tells (the purchase count on the card decides, never a guess).
"""

from __future__ import annotations

from typing import Protocol

from gasdesk.devices.errors import device_error
from gasdesk.devices.status import MISSING, DeviceStatus
from gasdesk.domain.cards import CardImage


class CardWriter(Protocol):
    simulated: bool

    def status(self) -> DeviceStatus:
        """Whether the reader answers (quick; no card needed)."""
        ...

    def read(self) -> CardImage:
        """The card in the reader (a blank card has no number). DeviceError:
        'no_card', 'unplugged'."""
        ...

    def write(self, image: CardImage) -> CardImage:
        """Write `image` (the purchase count and its gas) onto the card in the reader,
        which must be card `image.card_number` of meter `image.meter_number`; returns
        the card as read back. DeviceError: 'no_card', 'wrong_card', 'pulled_out',
        'unplugged'."""
        ...

    def issue(self, image: CardImage) -> CardImage:
        """Make the blank card in the reader into card `image` (补卡). DeviceError:
        'no_card', 'not_blank', 'pulled_out', 'unplugged'."""
        ...


class NoCardWriter:
    """The counter has no card writer set up: every use says so."""

    simulated = False

    def status(self) -> DeviceStatus:
        return DeviceStatus(MISSING, "", device_error("no_card_writer"))

    def _refuse(self) -> CardImage:
        raise device_error("no_card_writer")

    def read(self) -> CardImage:
        return self._refuse()

    def write(self, image: CardImage) -> CardImage:
        return self._refuse()

    def issue(self, image: CardImage) -> CardImage:
        return self._refuse()
