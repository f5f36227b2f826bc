"""The ID-card reader on the 开户, 过户 and 信息变更 forms (simulated reader): a card
placed on the reader fills the form by itself, F7 reads it on demand, the check digit
is still checked, and the teller can always type."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gasdesk import settings as keys
from gasdesk.devices.id_sim import SimulatedIdReader
from gasdesk.domain.idcard import IdCardData
from gasdesk.storage.models import FormRecord
from gasdesk.ui.devices import reload_devices
from gasdesk.ui.tabs.forms_tab import FormsTab
from tests.forms_support import VALID_ID, World
from tests.gui.test_forms_tab import open_tab, submit, type_into, wait_result, world

__all__ = ["world"]  # the fixture, used by name below

HOME = "淄博市淄川区萌水镇萌水村88号"
CARD = IdCardData("刘德明", VALID_ID, HOME, sex="男", nation="汉")


@pytest.fixture
def forms(qtbot: Any, world: World, tmp_path: Path) -> Iterator[tuple[FormsTab, SimulatedIdReader]]:
    tab, ctx, _clock = open_tab(qtbot, world, tmp_path)
    ctx.settings.set(keys.ID_FOLDER, str(tmp_path / "id-reader"))
    reload_devices(ctx)
    yield tab, SimulatedIdReader(tmp_path / "id-reader")
    ctx.worker.shutdown()


def value(tab: FormsTab, name: str) -> str:
    view = tab.entry.current_view()
    assert view is not None
    return view.fields[name].value()


def test_a_card_placed_on_the_reader_fills_the_new_account_form_which_is_submitted(
    qtbot: Any, forms: tuple[FormsTab, SimulatedIdReader]
) -> None:
    tab, reader = forms
    tab.entry.select_kind("open_account")
    reader.place(CARD)  # the customer lays the card on the reader; nobody presses a key
    qtbot.waitUntil(lambda: value(tab, "id_card") == VALID_ID)
    assert (value(tab, "name"), value(tab, "address")) == ("刘德明", HOME)
    assert (
        tab.entry.result.text() == "Filled from the ID card of 刘德明: check it with the customer."
    )
    # the supply address is another home: the teller types over what the card gave
    type_into(
        qtbot,
        tab,
        "open_account",
        {"phone": "13705330001", "address": "文昌湖区商家镇文昌路锦绣苑8号楼1单元101"},
    )
    submit(qtbot, tab)
    wait_result(qtbot, tab, "MS-F-2026-000001")
    data = FormRecord.get().data_json
    assert "刘德明" in data and VALID_ID in data and "锦绣苑8号楼1单元101" in data
    assert HOME not in data


def test_f7_reads_the_card_and_a_bad_check_digit_is_still_refused(
    qtbot: Any, forms: tuple[FormsTab, SimulatedIdReader]
) -> None:
    tab, reader = forms
    view = tab.entry.select_kind("transfer")
    reader.place(IdCardData("赵丽", "110105194912310021", HOME))  # a misread last digit
    qtbot.waitUntil(lambda: value(tab, "new_id_card") == "110105194912310021")
    assert "mistyped" in view.errors["new_id_card"].text()
    assert value(tab, "address") == "文昌湖区商家镇文昌路锦绣苑3号楼2单元201"  # never the card's
    type_into(
        qtbot,
        tab,
        "transfer",
        {"transfer_reading": "12.5", "new_phone": "0533-6886001", "reason": "Sale"},
    )
    submit(qtbot, tab)
    wait_result(qtbot, tab, "nothing was saved")
    assert FormRecord.select().count() == 0
    # the teller types the number from the card instead
    type_into(qtbot, tab, "transfer", {"new_id_card": VALID_ID})
    view.fields["new_name"].line.setFocus()
    reader.place(CARD)
    reader.take_off()  # F7 reads what lies on the reader now: nothing
    qtbot.keyClick(view.fields["new_name"].line, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: "no ID card on the reader" in tab.entry.result.text())
    assert value(tab, "new_name") == "赵丽" and value(tab, "new_id_card") == VALID_ID
    submit(qtbot, tab)
    wait_result(qtbot, tab, "MS-F-2026-000001")


def test_f7_on_the_change_of_details_form(
    qtbot: Any, forms: tuple[FormsTab, SimulatedIdReader]
) -> None:
    tab, reader = forms
    view = tab.entry.select_kind("info_change")
    reader.place(IdCardData("王建国", VALID_ID, HOME))
    reader.take_off()
    qtbot.wait(500)  # taken off before the reader was asked: nothing filled
    assert value(tab, "id_card") == ""
    reader.place(IdCardData("王建国", VALID_ID, HOME))
    view.fields["new_phone"].line.setFocus()
    qtbot.keyClick(view.fields["new_phone"].line, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: value(tab, "id_card") == VALID_ID)
    assert value(tab, "name") == "王建国" and value(tab, "new_address") == ""
    tab.entry.select_kind("repair")
    qtbot.keyClick(tab.entry.kinds, Qt.Key.Key_F7)
    assert tab.entry.result.text() == "This form takes no ID card."
