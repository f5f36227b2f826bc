"""A simulated IC-card reader/writer: cards are JSON files in a folder, and the
"reader" is a file naming the card in it. The demo and the tests use it; so can a
trainer, by hand or from the device check screen.

    <folder>/cards/<card number>.json   a card: number, meter, purchase count, gas
    <folder>/cards/blank-<n>.json        a blank card (no number yet)
    <folder>/reader.json                 the card in the reader, whether the reader
                                          is unplugged, and the faults to play

Faults make the reader fail at a chosen step, as real ones do: `fail("write",
"pulled_out")` makes the next write fail with the card left as it was, and
"pulled_out_after" with the card written but the reader reporting the failure (the
next read shows what the card holds). A fault is used up when it fires. The state is
in the files, so a second object over the same folder (a test, the device check)
controls the one the counter uses.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from gasdesk.devices.errors import device_error
from gasdesk.devices.files import read_json, write_json
from gasdesk.devices.status import MISSING, SIMULATED, DeviceStatus
from gasdesk.domain.cards import CardImage

STEPS = ("read", "write", "issue")
FAULTS = ("no_card", "wrong_card", "pulled_out", "pulled_out_after", "unplugged")


class SimulatedCardDevice:
    """Implements devices.card_writer.CardWriter over a folder (see the module notes),
    plus the controls a trainer or a test uses to play the customer and the reader."""

    simulated = True

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.cards = self.folder / "cards"
        self.reader_file = self.folder / "reader.json"

    # -- the reader's state ---------------------------------------------------------
    def _state(self) -> dict[str, Any]:
        state = read_json(self.reader_file)
        state.setdefault("in_reader", "")
        state.setdefault("unplugged", False)
        state.setdefault("faults", {})
        return state

    def _save(self, state: dict[str, Any]) -> None:
        write_json(self.reader_file, state)

    def _fault(self, step: str) -> str | None:
        """The fault to play at `step`, used up as it fires."""
        state = self._state()
        queue = list(state["faults"].get(step, []))
        if not queue:
            return None
        fault = str(queue.pop(0))
        state["faults"][step] = queue
        self._save(state)
        return fault

    def _card_path(self, stem: str) -> Path:
        return self.cards / f"{stem}.json"

    def _in_reader(self) -> tuple[str, CardImage]:
        if self._state()["unplugged"]:
            raise device_error("unplugged", device=str(self.folder))
        stem = str(self._state()["in_reader"])
        data = read_json(self._card_path(stem)) if stem else {}
        if not data:
            raise device_error("no_card")
        return stem, CardImage(
            card_number=str(data.get("card_number", "")),
            meter_number=str(data.get("meter_number", "")),
            seq=int(data.get("seq", 0)),
            pending_l=int(data.get("pending_l", 0)),
        )

    def _play(self, step: str, image: CardImage | None = None) -> str | None:
        """Raise the fault queued for `step`, except 'pulled_out_after', which is
        returned for the caller to play once the card is written."""
        fault = self._fault(step)
        if fault is None:
            return None
        if fault == "unplugged":
            raise device_error("unplugged", device=str(self.folder))
        if fault == "no_card":
            raise device_error("no_card")
        if fault == "wrong_card":
            wanted = image.card_number if image is not None else ""
            raise device_error("wrong_card", found="?", wanted=wanted)
        if fault == "pulled_out":
            raise device_error("pulled_out")
        return fault

    # -- CardWriter -----------------------------------------------------------------
    def status(self) -> DeviceStatus:
        if self._state()["unplugged"]:
            return DeviceStatus(
                MISSING, str(self.folder), device_error("unplugged", device=str(self.folder))
            )
        return DeviceStatus(SIMULATED, str(self.folder))

    def read(self) -> CardImage:
        self._play("read")
        return self._in_reader()[1]

    def write(self, image: CardImage) -> CardImage:
        after = self._play("write", image)
        stem, card = self._in_reader()
        if card.card_number != image.card_number or card.meter_number != image.meter_number:
            raise device_error(
                "wrong_card", found=card.card_number or "—", wanted=image.card_number
            )
        write_json(self._card_path(stem), asdict(image))
        if after == "pulled_out_after":
            raise device_error("pulled_out")
        return self._in_reader()[1]

    def issue(self, image: CardImage) -> CardImage:
        after = self._play("issue", image)
        stem, card = self._in_reader()
        if not card.blank:
            raise device_error("not_blank", found=card.card_number)
        write_json(self._card_path(image.card_number), asdict(image))
        self._card_path(stem).unlink(missing_ok=True)  # the blank card is now this card
        state = self._state()
        state["in_reader"] = image.card_number
        self._save(state)
        if after == "pulled_out_after":
            raise device_error("pulled_out")
        return self._in_reader()[1]

    # -- controls: the customer, the trainer, the test ----------------------------------
    def make_card(self, image: CardImage) -> None:
        """A card in the customer's hand (not in the reader)."""
        write_json(self._card_path(image.card_number), asdict(image))

    def card(self, card_number: str) -> CardImage | None:
        data = read_json(self._card_path(card_number))
        if not data:
            return None
        return CardImage(
            str(data["card_number"]),
            str(data["meter_number"]),
            int(data["seq"]),
            int(data["pending_l"]),
        )

    def place(self, card_number: str) -> None:
        """Put card `card_number` (made before) into the reader."""
        if not self._card_path(card_number).exists():
            raise FileNotFoundError(self._card_path(card_number))
        state = self._state()
        state["in_reader"] = card_number
        self._save(state)

    def place_blank(self) -> None:
        """Put a new blank card into the reader."""
        n = 1
        while self._card_path(f"blank-{n}").exists():
            n += 1
        write_json(self._card_path(f"blank-{n}"), asdict(CardImage("", "", 0, 0)))
        state = self._state()
        state["in_reader"] = f"blank-{n}"
        self._save(state)

    def take_out(self) -> None:
        state = self._state()
        state["in_reader"] = ""
        self._save(state)

    def in_reader(self) -> str:
        """The stem of the card in the reader ('' when empty)."""
        return str(self._state()["in_reader"])

    def unplug(self, unplugged: bool = True) -> None:
        state = self._state()
        state["unplugged"] = unplugged
        self._save(state)

    def fail(self, step: str, fault: str, times: int = 1) -> None:
        """Make the next `times` uses of `step` fail with `fault`."""
        if step not in STEPS or fault not in FAULTS:
            raise ValueError(f"unknown step or fault: {step} {fault}")
        state = self._state()
        state["faults"].setdefault(step, []).extend([fault] * times)
        self._save(state)

    def clear_faults(self) -> None:
        state = self._state()
        state["faults"] = {}
        self._save(state)

    def insert_into_meter(self) -> CardImage:
        """The customer puts the card (the one in the reader) into the meter: the meter
        takes the gas and the card keeps only its purchase count."""
        stem, card = self._in_reader()
        taken = CardImage(card.card_number, card.meter_number, card.seq, 0)
        write_json(self._card_path(stem), asdict(taken))
        return taken
