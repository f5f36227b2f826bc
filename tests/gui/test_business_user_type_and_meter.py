"""用气类型变更 and 换表 at the counter, as a teller does them with the keyboard: the
customer in the bar, the form prefilled from it, submitted, completed with the
reading (and the new meter), the confirmation printed; then the database and the
screens (the customer bar, the account view with its readings and usage chart)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gasdesk.domain.readings import Flag
from gasdesk.services.tariffs import resource_tariff, store_tariff
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, AuditEvent, Bill, Meter, Reading
from gasdesk.storage.models_accounts import AccountHistory
from gasdesk.ui.main_window import MainWindow
from tests import fees_support, lifecycle_support
from tests.billing_gui_support import (
    CTRL,
    choose_form,
    confirmation_printed,
    fill,
    pick_customer,
    submit,
    to_effect,
)
from tests.helpers import type_text
from tests.lifecycle_support import here, key

fee_data = fees_support.fee_data
fee_ctx = fees_support.fee_ctx
on_shift = fees_support.on_shift
window = lifecycle_support.window


def form_number(win: MainWindow) -> str:
    return win.forms_tab.entry.result.text().split()[1]


def bill_lines() -> list[tuple[int, int]]:
    return [
        (line["volume_l"], line["price_fen"])
        for b in Bill.select().order_by(Bill.id)
        for line in json.loads(b.lines_json)
    ]


def test_a_change_of_user_type_from_the_customer_bar_to_the_confirmation(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    with write_transaction():
        store_tariff("commercial", resource_tariff("commercial"))  # ¥3.80 a m³
    pick_customer(qtbot, win, "31000001")  # 王秀英: 56 m³ unbilled since March
    view = choose_form(qtbot, win, "user_type_change", "Change of user")
    assert view.values()["name"] == "王秀英" and view.values()["phone"] == "13800000001"
    assert here() is view.fields["new_user_type"].editor()
    fill(qtbot, view, {"new_user_type": "Com", "reason": "底商改作小吃店"})
    submit(qtbot, win)

    panel = to_effect(qtbot, win, form_number(win), ("In progress",))
    assert panel.view is not None and here() is panel.view.fields["reading"].editor()
    type_text(qtbot, here(), "170")
    qtbot.waitUntil(lambda: "Billed at the old tariff" in panel.preview.text())
    assert "¥" not in panel.preview.text() and "210.00" in panel.preview.text()
    key(qtbot, Qt.Key.Key_Return, CTRL)  # confirm: 办结
    confirmation_printed(
        qtbot, win, tmp_path, "用气类型变更确认单", "居民用户", "商业用户", "170.000", "210.00"
    )

    account: Any = Account.get(Account.number == "31000001")
    assert account.user_type == "commercial"
    reading: Any = Reading.get(Reading.source == "business")
    assert (reading.value_l, reading.read_on) == (170_000, dt.date.today())
    assert bill_lines() == [(56_000, 300), (14_000, 300)]  # all at the residential price
    history: Any = AccountHistory.get(AccountHistory.field == "user_type")
    assert (history.old_value, history.new_value) == ("residential", "commercial")
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "change_user_type" and event["billed_fen"] == 210_00

    assert win.customer_bar.info.text().startswith("王秀英  31000001")
    qtbot.keyClick(win, Qt.Key.Key_F4)
    records = win.records_tab
    qtbot.waitUntil(lambda: records.panel.title.text() == "王秀英  31000001  commercial")
    assert "Owes ¥210.00" in records.panel.money.text()


def test_a_meter_change_from_the_customer_bar_to_the_confirmation_and_the_chart(
    qtbot: Any, window: MainWindow, tmp_path: Path
) -> None:
    win = window
    pick_customer(qtbot, win, "31000001")
    view = choose_form(qtbot, win, "meter_change", "Meter change")
    assert view.values()["meter_number"] == "M-1001"  # the meter in service, prefilled
    fill(qtbot, view, {"reason": "Faulty"})
    submit(qtbot, win)

    panel = to_effect(qtbot, win, form_number(win), ("In progress",))
    assert panel.view is not None and here() is panel.view.fields["final_reading"].editor()
    type_text(qtbot, here(), "150")  # below the March reading: refused beside the field
    key(qtbot, Qt.Key.Key_Return)
    fill(
        qtbot,
        panel.view,
        {"new_meter_number": "M-2001", "new_meter_kind": "Mech", "new_meter_model": "G4"},
    )
    key(qtbot, Qt.Key.Key_Return, CTRL)
    errors = panel.view.errors
    qtbot.waitUntil(lambda: "below the previous reading" in errors["final_reading"].text())
    assert Meter.select().count() == 3 and Reading.select().count() == 1
    fill(qtbot, panel.view, {"final_reading": "172.5"})
    key(qtbot, Qt.Key.Key_Return, CTRL)
    confirmation_printed(
        qtbot, win, tmp_path, "燃气表更换确认单", "M-1001", "M-2001", "172.500", "217.50"
    )

    old: Any = Meter.get(Meter.number == "M-1001")
    new: Any = Meter.get(Meter.number == "M-2001")
    assert old.removed_on == dt.date.today() == new.installed_on and new.removed_on is None
    assert sum(b.amount_fen for b in Bill.select()) == 217_50  # 72.5 m³ at ¥3.00
    history: Any = AccountHistory.get(AccountHistory.field == "meter")
    assert (history.old_value, history.new_value) == ("M-1001", "M-2001")
    event = json.loads(AuditEvent.get(AuditEvent.kind == "form_effect").payload_json)
    assert event["effect"] == "change_meter" and event["new_meter"] == "M-2001"

    # the next reading on the new meter, reported at the counter (F4, Alt+R): it goes
    # on from the new meter's initial reading
    assert "M-2001 (mechanical)" in win.customer_bar.info.text()
    qtbot.keyClick(win, Qt.Key.Key_F4)
    records = win.records_tab
    qtbot.waitUntil(lambda: records.panel.view is not None)
    panel_view = records.panel
    qtbot.waitUntil(lambda: "M-2001" in panel_view.fields["meter"].text())
    assert "M-1001 removed" in panel_view.fields["old_meters"].text()
    qtbot.keyClick(records, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    form = panel_view.reading_form
    assert form.value.hasFocus()
    qtbot.keyClicks(form.value, "8")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "8.000" in form.message.text())
    qtbot.waitUntil(lambda: panel_view.view is not None and len(panel_view.view.readings) == 3)
    rows = panel_view.view.readings if panel_view.view is not None else ()
    assert [(r.point.meter_number, r.volume_l) for r in rows][-2:] == [
        ("M-1001", 16_500),
        ("M-2001", 8_000),
    ]
    assert not any(r.flags - {Flag.METER_CHANGE} for r in rows)  # no false anomaly
    model = panel_view.readings_model
    assert model.index(0, 3).data() == "8.000"  # used on the new meter
    assert model.index(0, 6).data() == "meter changed"  # said, and not marked as wrong
    assert model.index(0, 6).data(Qt.ItemDataRole.BackgroundRole) is None
    month = dt.date.today().month - 1
    assert panel_view.chart.this_year[month] == 25  # 16.5 + 8 m³, rounded for the chart
