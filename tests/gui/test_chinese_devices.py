"""The device screens in Chinese: an IC-card purchase on the demo data with the
simulated card reader (card panel, read-back, receipt), 补卡, the device check and
the ID-card fill, each read back from the widgets and checked for English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from gasdesk import settings as keys
from gasdesk.devices.id_sim import SimulatedIdReader
from gasdesk.domain.idcard import IdCardData
from gasdesk.services import accounts
from gasdesk.storage.models import Account, Meter
from gasdesk.ui.devices import reload_devices
from tests.forms_support import VALID_ID
from tests.gui.test_chinese_everywhere import Sweep, zh, zh_window

__all__ = ["zh", "zh_window"]  # fixtures used by name
ENTER = Qt.Key.Key_Return
ALT = Qt.KeyboardModifier.AltModifier


def test_card_screens_device_check_and_id_fill_in_chinese(zh_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = zh_window
    ctx = window.ctx
    ctx.settings.set(keys.CARD_FOLDER, str(tmp_path / "cards"))
    ctx.settings.set(keys.ID_FOLDER, str(tmp_path / "id"))
    reload_devices(ctx)
    sweep = Sweep(qtbot, ctx.worker)
    fees = window.fees_tab
    window.tabs.setCurrentWidget(fees)
    window.activateWindow()
    ic = (
        Account.select()
        .join(Meter)
        .where((Meter.kind == "ic_card") & (Account.status == "active"))
        .order_by(Account.id)
        .first()
    )
    ctx.set_customer(accounts.get_account(ic.id))
    qtbot.waitUntil(lambda: fees.card_panel.state is not None)
    sweep.look("card panel")
    qtbot.keyClick(fees.form.buy_amount, Qt.Key.Key_I, ALT)  # the customer's card in
    qtbot.waitUntil(lambda: bool(fees.card_panel.status.text()))
    sweep.look("card in the reader")
    qtbot.keyClicks(fees.form.buy_amount, "50")
    qtbot.keyClick(fees.form.buy_amount, ENTER)
    qtbot.waitUntil(lambda: fees.quote is not None)
    qtbot.keyClick(fees.form.tendered, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    sweep.look("read-back with the card")
    qtbot.keyClick(fees.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    sweep.look("card written")
    fees.receipt_dialog.reject()
    qtbot.waitUntil(lambda: fees.receipt_dialog is None)
    qtbot.waitUntil(lambda: fees.form.buy_amount.hasFocus())  # the keyboard is back
    qtbot.keyClick(fees.form.buy_amount, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: fees.new_card.dialog is not None)
    sweep.look("new card")
    fees.new_card.dialog.reject()

    dialog = window.check_devices()
    qtbot.waitUntil(lambda: dialog.state_labels["card"].text() != "…")
    qtbot.mouseClick(dialog.test_buttons["card"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.outcome.text()))
    sweep.look("device check")
    dialog.reject()

    forms = window.forms_tab
    window.tabs.setCurrentWidget(forms)
    forms.pages.setCurrentWidget(forms.entry)
    forms.entry.select_kind("open_account")
    SimulatedIdReader(tmp_path / "id").place(IdCardData("刘德明", VALID_ID, "萌水村88号"))
    qtbot.waitUntil(lambda: bool(forms.entry.result.text()))
    sweep.look("ID card read")
    sweep.check()
