"""The Prices page of the End of day tab, driven with keys: a supervisor adds a tariff
version typed in by hand, a bad one is refused with its reason and nothing stored,
and a tariff file is read into the form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.services import auth
from gasdesk.services.tariffs import resource_spec, store_spec
from gasdesk.settings import open_settings
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import AuditEvent, TariffTier, TariffVersion
from gasdesk.ui.context import AppContext
from gasdesk.ui.tabs.dayend_tab import DayEndTab
from tests.dayend_support import Setup, seed
from tests.helpers import type_text, wait_idle


@pytest.fixture
def setup(empty_database: Path) -> Setup:
    data = seed()
    with write_transaction():
        store_spec(resource_spec("residential"))
        store_spec(resource_spec("commercial"))
    return data


@pytest.fixture
def prices(setup: Setup, qtbot, worker):  # type: ignore[no-untyped-def]
    session = auth.login("MS01", DEMO_PASSWORD, setup.counter_ids[0])
    ctx = AppContext(session=session, worker=worker, settings=open_settings())
    tab = DayEndTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitActive(tab):
        tab.activateWindow()
    qtbot.keyClick(tab, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = tab.prices_panel
    qtbot.waitUntil(lambda: panel.versions is not None)
    return panel


def confirm_as_supervisor(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible())
    dialog = panel.dialog
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClick(dialog.badge, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_a_supervisor_adds_a_version_typed_in(qtbot, prices, worker) -> None:  # type: ignore[no-untyped-def]
    panel = prices
    assert panel.model.rowCount() == 2
    assert panel.warning.isVisible()  # the shipped sample prices are in force
    next_year = dt.date.today().year + 1
    panel.effective.setFocus()
    panel.effective.setDate(QDate(next_year, 1, 1))
    panel.name.setFocus()
    type_text(qtbot, panel.name, "居民阶梯气价（调整）")
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    type_text(qtbot, panel.source, "淄发改价格〔2026〕12号")
    for field, text in zip(
        (*panel.tiers.bounds[:2], *panel.tiers.prices),
        ("400", "600", "3.15", "3.78", "4.73"),
        strict=True,
    ):
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(panel.household, Qt.MouseButton.LeftButton)
    panel.extra_m3.setValue(80)
    qtbot.keyClick(panel.add_button, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    confirm_as_supervisor(qtbot, panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    wait_idle(qtbot, worker)
    version = TariffVersion.get(TariffVersion.effective_from == dt.date(next_year, 1, 1))
    assert (version.name, version.user_type, version.source) == (
        "居民阶梯气价（调整）",
        "residential",
        "淄发改价格〔2026〕12号",
    )
    assert (version.household_base, version.household_extra_m3) == (4, 80)
    assert [(t.upper_m3, t.price_fen) for t in version.tiers.order_by(TariffTier.seq)] == [
        (400, 315),
        (600, 378),
        (None, 473),
    ]
    added = AuditEvent.get(AuditEvent.kind == "tariff_added")
    assert added.staff.badge == "MS09"
    assert "1e7b34" in panel.message.styleSheet()  # said in green: done


def test_bounds_that_do_not_increase_are_refused_and_nothing_is_stored(
    qtbot, prices, worker
) -> None:  # type: ignore[no-untyped-def]
    panel = prices
    before = (TariffVersion.select().count(), AuditEvent.select().count())
    panel.name.setFocus()
    type_text(qtbot, panel.name, "错误的气价")
    for field, text in zip(
        (*panel.tiers.bounds[:2], *panel.tiers.prices),
        ("600", "400", "3", "3.6", "4.5"),
        strict=True,
    ):
        qtbot.keyClicks(field, text)
    qtbot.keyClick(panel.add_button, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.message.text() != "")  # Alt+A clicks after 100 ms
    assert panel.dialog is None  # refused before any supervisor is asked
    assert "600" in panel.message.text() and "b00020" in panel.message.styleSheet()
    wait_idle(qtbot, worker)
    assert (TariffVersion.select().count(), AuditEvent.select().count()) == before


def test_a_tariff_file_fills_the_form(qtbot, prices, worker, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel = prices
    path = tmp_path / "price.toml"
    path.write_text(
        "name = '非居民用气价格（2027年）'\nuser_type = 'commercial'\n"
        "effective_from = 2027-03-01\nsource = '淄发改价格〔2027〕2号'\n"
        "[[tier]]\nprice_fen = 395\n",
        encoding="utf-8",
    )
    panel.load_file(str(path))
    qtbot.waitUntil(lambda: panel.name.text() == "非居民用气价格（2027年）")
    assert panel.user_type.currentData() == "commercial"
    assert panel.effective.date() == QDate(2027, 3, 1)
    assert len(panel.tiers.prices) == 1 and panel.tiers.prices[0].text() == "3.95"
    assert not panel.household.isChecked()
