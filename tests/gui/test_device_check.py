"""The device check screen: each device's state (found, simulated, missing and why)
and its test action, with the simulated card and ID-card readers and an ESC/POS
printer on a device file; opened from the Counter menu by Ctrl+Shift+D."""

from __future__ import annotations

from pathlib import Path

from escpos.constants import CD_KICK_2
from PySide6.QtCore import Qt

from gasdesk import settings as keys
from gasdesk.devices.id_sim import SimulatedIdReader
from gasdesk.domain.idcard import IdCardData
from gasdesk.ui.device_check import DeviceCheckDialog
from gasdesk.ui.main_window import MainWindow
from tests import fees_support
from tests.fees_support import IC_CARD, FeeData, card_reader
from tests.forms_support import VALID_ID

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx


def open_check(qtbot, ctx) -> DeviceCheckDialog:  # type: ignore[no-untyped-def]
    dialog = DeviceCheckDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.state_labels["card"].text() != "…")
    return dialog


def test_each_device_shows_its_state_and_its_test_works(
    qtbot, fee_ctx, fee_data: FeeData, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    printer = tmp_path / "lp0"
    printer.touch()
    fee_ctx.settings.set(keys.RECEIPT_PRINTER, "escpos")
    fee_ctx.settings.set(keys.ESCPOS, f"file:{printer}")
    SimulatedIdReader(tmp_path / "id-reader").unplug()  # the ID reader's cable is out
    dialog = open_check(qtbot, fee_ctx)
    states = {k: label.text() for k, label in dialog.state_labels.items()}
    assert states == {"card": "simulated", "id": "missing", "printer": "found", "drawer": "found"}
    assert "does not answer" in dialog.where_labels["id"].text()
    assert dialog.where_labels["card"].text() == str(tmp_path / "cards")

    qtbot.mouseClick(dialog.test_buttons["card"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: IC_CARD in dialog.outcome.text())
    assert (
        dialog.outcome.text() == f"Card {IC_CARD} of meter IC-2002: purchase 0, taken by the meter."
    )

    qtbot.mouseClick(dialog.test_buttons["id"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not answer" in dialog.outcome.text())
    SimulatedIdReader(tmp_path / "id-reader").unplug(False)
    SimulatedIdReader(tmp_path / "id-reader").place(IdCardData("刘德明", VALID_ID, "萌水村"))
    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.state_labels["id"].text() == "simulated")
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # Read (&2)
    qtbot.waitUntil(lambda: "刘德明" in dialog.outcome.text())

    qtbot.mouseClick(dialog.test_buttons["printer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text() == "The test slip was sent.")
    assert "打印测试".encode("gb18030") in printer.read_bytes()
    qtbot.mouseClick(dialog.test_buttons["drawer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.text() == "The drawer was told to open.")
    assert printer.read_bytes() == CD_KICK_2

    card_reader(tmp_path).unplug()
    gone = tmp_path / "gone" / "lp0"
    fee_ctx.settings.set(keys.ESCPOS, f"file:{gone}")
    again = open_check(qtbot, fee_ctx)  # a new check reads the settings again
    qtbot.waitUntil(lambda: again.state_labels["printer"].text() == "missing")
    assert again.state_labels["card"].text() == "missing"
    assert str(gone) in again.where_labels["printer"].text()


def test_the_system_printer_and_no_drawer(qtbot, fee_ctx, fee_data: FeeData) -> None:  # type: ignore[no-untyped-def]
    dialog = open_check(qtbot, fee_ctx)  # fee_ctx prints to PDF files in a folder
    assert set(dialog.state_labels) == {"card", "id", "printer"}
    assert dialog.state_labels["printer"].text() == "found"


def test_ctrl_shift_d_opens_the_device_check(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx.settings.set(keys.ID_FOLDER, str(tmp_path / "id"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(
        window.customer_bar.search,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: getattr(window, "device_check", None) is not None)
    dialog = window.device_check
    qtbot.waitUntil(lambda: dialog.state_labels["id"].text() == "simulated")
    dialog.reject()
