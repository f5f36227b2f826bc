"""A simulated ID-card reader: the card "on the reader" is a JSON file in a folder.

    <folder>/idcard.json   name, id_number, address (and sex, nation, issuer), plus
                           `placed`, a number that grows each time a card is placed
    <folder>/unplugged     present while the reader is "unplugged"

`place()` puts a card on the reader (the reader's "card placed" event fires at the
next poll), `take_off()` removes it.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from gasdesk.devices.errors import device_error
from gasdesk.devices.files import read_json, write_json
from gasdesk.devices.status import MISSING, SIMULATED, DeviceStatus
from gasdesk.domain.idcard import IdCardData

FIELDS = ("name", "id_number", "address", "sex", "nation", "issuer")


class SimulatedIdReader:
    simulated = True

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.card_file = self.folder / "idcard.json"
        self.unplugged_file = self.folder / "unplugged"
        self._seen = self._placed()  # a card lying there at start is not a new placement

    def _placed(self) -> int:
        return int(read_json(self.card_file).get("placed", 0) or 0)

    def status(self) -> DeviceStatus:
        if self.unplugged_file.exists():
            return DeviceStatus(
                MISSING, str(self.folder), device_error("id_unplugged", device=str(self.folder))
            )
        return DeviceStatus(SIMULATED, str(self.folder))

    def read(self) -> IdCardData:
        if self.unplugged_file.exists():
            raise device_error("id_unplugged", device=str(self.folder))
        data = read_json(self.card_file)
        if not data.get("on_reader"):
            raise device_error("no_id_card")
        self._seen = int(data.get("placed", 0) or 0)
        return IdCardData(**{k: str(data.get(k, "")) for k in FIELDS})

    def poll(self) -> IdCardData | None:
        if self.unplugged_file.exists():
            return None
        data = read_json(self.card_file)
        placed = int(data.get("placed", 0) or 0)
        if not data.get("on_reader") or placed == self._seen:
            return None
        return self.read()

    # -- controls ---------------------------------------------------------------------
    def place(self, card: IdCardData) -> None:
        write_json(
            self.card_file, {**asdict(card), "on_reader": True, "placed": self._placed() + 1}
        )

    def take_off(self) -> None:
        data = read_json(self.card_file)
        if data:
            data["on_reader"] = False
            write_json(self.card_file, data)

    def unplug(self, unplugged: bool = True) -> None:
        if unplugged:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.unplugged_file.touch()
        else:
            self.unplugged_file.unlink(missing_ok=True)
