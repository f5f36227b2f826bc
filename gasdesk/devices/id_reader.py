"""The second-generation ID-card reader (二代身份证阅读器) as GasDesk uses it.

`poll()` is the reader's own "card placed" event: the counter asks it a few times a
second and fills the form when a card has been placed since the last ask. It must
return at once; a driver whose library blocks reads on a thread of its own and
hands over what it read. `read()` reads the card on the reader now (the teller's key).
"""

from __future__ import annotations

from typing import Protocol

from gasdesk.devices.errors import device_error
from gasdesk.devices.status import MISSING, DeviceStatus
from gasdesk.domain.idcard import IdCardData


class IdCardReader(Protocol):
    simulated: bool

    def status(self) -> DeviceStatus: ...

    def read(self) -> IdCardData:
        """The card on the reader. DeviceError: 'no_id_card', 'id_unplugged'."""
        ...

    def poll(self) -> IdCardData | None:
        """A card placed since the last poll, read; None when nothing new (quick)."""
        ...


class NoIdReader:
    simulated = False

    def status(self) -> DeviceStatus:
        return DeviceStatus(MISSING, "", device_error("no_id_reader"))

    def read(self) -> IdCardData:
        raise device_error("no_id_reader")

    def poll(self) -> IdCardData | None:
        return None
