"""The device layer without a window: the simulated card reader/writer and ID-card
reader as files in a folder, the faults they play, a maker's driver found by its entry
point, and the ESC/POS bytes of a receipt."""

from __future__ import annotations

from pathlib import Path

import pytest

from gasdesk.devices import config as device_config
from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.devices.config import DeviceConfig, open_card_writer, open_id_reader
from gasdesk.devices.errors import DeviceError
from gasdesk.devices.escpos_printer import EscposPrinter, receipt_bytes, width, wrap
from gasdesk.devices.id_sim import SimulatedIdReader
from gasdesk.devices.status import MISSING, SIMULATED
from gasdesk.domain.cards import CardImage
from gasdesk.domain.idcard import IdCardData
from gasdesk.domain.receipts import PrintLine

CARD = CardImage("IC200201", "IC-2002", 3, 0)


def refused(code: str, call, *args):  # type: ignore[no-untyped-def]
    with pytest.raises(DeviceError) as caught:
        call(*args)
    assert caught.value.code == code
    return caught.value


def test_a_card_in_the_reader_is_read_and_written(tmp_path: Path) -> None:
    sim = SimulatedCardDevice(tmp_path)
    refused("no_card", sim.read)
    sim.make_card(CARD)
    sim.place(CARD.card_number)
    assert sim.read() == CARD
    written = sim.write(CardImage(CARD.card_number, CARD.meter_number, 4, 20_000))
    assert written == CardImage("IC200201", "IC-2002", 4, 20_000)
    assert SimulatedCardDevice(tmp_path).read() == written  # the state is in the files
    assert sim.insert_into_meter() == CardImage("IC200201", "IC-2002", 4, 0)


def test_the_writer_refuses_another_card_and_leaves_it_alone(tmp_path: Path) -> None:
    sim = SimulatedCardDevice(tmp_path)
    other = CardImage("IC999901", "IC-9999", 7, 0)
    sim.make_card(other)
    sim.place(other.card_number)
    error = refused("wrong_card", sim.write, CardImage(CARD.card_number, "IC-2002", 4, 1000))
    assert error.params == {"found": "IC999901", "wanted": "IC200201"}
    assert sim.card(other.card_number) == other


@pytest.mark.parametrize("fault", ["no_card", "pulled_out", "unplugged"])
def test_each_fault_fails_the_write_once_and_leaves_the_card(tmp_path: Path, fault: str) -> None:
    sim = SimulatedCardDevice(tmp_path)
    sim.make_card(CARD)
    sim.place(CARD.card_number)
    sim.fail("write", fault)
    order = CardImage(CARD.card_number, CARD.meter_number, 4, 20_000)
    refused(fault, sim.write, order)
    assert sim.card(CARD.card_number) == CARD
    assert sim.write(order) == order  # the fault was used up


def test_pulled_out_after_the_write_leaves_the_card_written(tmp_path: Path) -> None:
    sim = SimulatedCardDevice(tmp_path)
    sim.make_card(CARD)
    sim.place(CARD.card_number)
    sim.fail("write", "pulled_out_after")
    order = CardImage(CARD.card_number, CARD.meter_number, 4, 20_000)
    refused("pulled_out", sim.write, order)
    assert sim.read() == order


def test_an_unplugged_reader_is_missing(tmp_path: Path) -> None:
    sim = SimulatedCardDevice(tmp_path)
    assert sim.status().state == SIMULATED
    sim.unplug()
    assert sim.status().state == MISSING
    refused("unplugged", sim.read)
    sim.unplug(False)
    refused("no_card", sim.read)


def test_a_blank_card_is_issued_once(tmp_path: Path) -> None:
    sim = SimulatedCardDevice(tmp_path)
    sim.place_blank()
    assert sim.read().blank
    new = CardImage("IC200202", "IC-2002", 4, 20_000)
    assert sim.issue(new) == new
    assert sim.in_reader() == "IC200202"
    refused("not_blank", sim.issue, new)


def test_the_simulated_id_reader_fires_once_per_card_placed(tmp_path: Path) -> None:
    reader = SimulatedIdReader(tmp_path)
    assert reader.poll() is None
    refused("no_id_card", reader.read)
    card = IdCardData("王秀英", "370303196505121228", "山东省淄博市张店区人民西路1号")
    SimulatedIdReader(tmp_path).place(card)  # the card is placed: the reader's event
    assert reader.poll() == card
    assert reader.poll() is None  # the same card lying there is not placed again
    assert reader.read() == card
    SimulatedIdReader(tmp_path).take_off()
    refused("no_id_card", reader.read)
    SimulatedIdReader(tmp_path).place(card)
    assert reader.poll() == card


class FakeEntryPoint:
    def __init__(self, name: str, factory: object) -> None:
        self.name = name
        self._factory = factory

    def load(self) -> object:
        return self._factory


def test_a_makers_driver_is_found_by_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []

    def acme(port: str) -> SimulatedCardDevice:
        made.append(port)
        return SimulatedCardDevice(tmp_path / port)

    def entry_points(group: str) -> list[FakeEntryPoint]:
        return [FakeEntryPoint("acme", acme)] if group == "gasdesk.card_writers" else []

    monkeypatch.setattr(device_config, "entry_points", entry_points)
    writer = open_card_writer(DeviceConfig(card_writer="acme", card_port="COM3"))
    assert made == ["COM3"] and isinstance(writer, SimulatedCardDevice)
    missing = open_card_writer(DeviceConfig(card_writer="nobody"))
    assert missing.status().state == MISSING
    refused("driver_missing", missing.read)
    assert open_card_writer(DeviceConfig(card_writer="none")).status().state == MISSING
    refused("no_id_reader", open_id_reader(DeviceConfig(id_reader="none")).read)


LINES = [
    PrintLine("company", "淄博市燃气有限公司"),
    PrintLine("title", "购气收据"),
    PrintLine("rule"),
    PrintLine("pair", "写卡气量", "33.334 m³"),
    PrintLine("pair", "地址", "文昌湖区商家镇幸福路8号" * 3),
    PrintLine("small", "请妥善保管本收据，如有疑问请致电咨询"),
]


def test_escpos_bytes_carry_gb18030_text_and_the_cut(tmp_path: Path) -> None:
    data = receipt_bytes(LINES)
    assert "购气收据".encode("gb18030") in data
    assert "写卡气量".encode("gb18030") in data
    assert b"\x1c\x26" in data  # Chinese character mode
    assert data.endswith(b"\x1dV\x00")  # the full cut, last
    assert b"\x1bp" not in data  # no drawer kick unless asked
    assert b"\x1bp\x00" in receipt_bytes(LINES, open_drawer=True)


def test_escpos_lines_fit_the_paper() -> None:
    text = "文昌湖区商家镇幸福路8号" * 5
    lines = wrap(text, 20)
    assert "".join(lines) == text
    assert [width(line) for line in lines] == [
        20,
        19,
        19,
        19,
        19,
        19,
    ]  # no wide character straddles two lines
    assert wrap("", 20) == [""]


def test_an_escpos_printer_on_a_file(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    target.touch()
    printer = EscposPrinter(f"file:{target}")
    printer.print_lines(LINES, open_drawer=True)
    assert "购气收据".encode("gb18030") in target.read_bytes()
    refused("bad_connection", EscposPrinter("parallel:1").print_lines, LINES)
    gone = EscposPrinter(f"file:{tmp_path / 'no' / 'such'}")
    assert gone.status().state == MISSING
