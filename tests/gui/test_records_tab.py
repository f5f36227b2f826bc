"""The meter-records tab driven as a teller drives it: typing, Enter, Alt keys."""

from __future__ import annotations

import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from gasdesk.domain.events import DataChanged, ReadingRecorded, Refused
from gasdesk.domain.readings import Flag
from gasdesk.domain.search import Field
from gasdesk.storage.models import Reading
from gasdesk.ui.application import install_translators
from gasdesk.ui.records.history_models import FLAGS_ROLE
from gasdesk.ui.records.search_model import COLUMNS, SPANS_ROLE
from gasdesk.ui.tabs.records_tab import RecordsTab
from tests.helpers import heard, wait_idle
from tests.lookup_data import TODAY, LookupData, lookup_db, records_ctx

__all__ = ["lookup_db", "records_ctx"]


@pytest.fixture
def tab(records_ctx, qtbot):  # type: ignore[no-untyped-def]
    widget = RecordsTab(records_ctx)
    widget.panel.today = TODAY
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.focus_search()
    return widget


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """ASCII through key clicks; Chinese and full-width text the way an input method
    delivers it, as a committed string (QTest cannot click non-ASCII keys)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def type_search(qtbot, tab: RecordsTab, text: str) -> None:  # type: ignore[no-untyped-def]
    tab.search.clear()
    type_text(qtbot, tab.search, text)
    qtbot.waitUntil(lambda: not tab._timer.isActive())
    wait_idle(qtbot, tab.ctx.worker)


def shown_names(tab: RecordsTab) -> list[str]:
    column = COLUMNS.index(Field.NAME)
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


def pick(qtbot, tab: RecordsTab, text: str) -> None:  # type: ignore[no-untyped-def]
    type_search(qtbot, tab, text)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.worker)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.panel)


@pytest.mark.parametrize(
    ("text", "first", "field", "span"),
    [
        ("3301000003", "曾国藩", Field.NUMBER, (0, 10)),
        ("ms2301000", "张三", Field.METER, (0, 9)),
        ("5678", "单田芳", Field.PHONE, (7, 11)),
        ("张三", "张三", Field.NAME, (0, 2)),
        ("金泉小区 8号楼", "查良镛", Field.ADDRESS, (3, 7)),
        ("zgf", "曾国藩", Field.NAME, (0, 3)),
        ("stf", "单田芳", Field.NAME, (0, 3)),
        ("ｚｓ", "张三", Field.NAME, (0, 2)),
    ],
)
def test_each_search_kind_finds_and_highlights(
    qtbot, tab: RecordsTab, text: str, first: str, field: Field, span: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    type_search(qtbot, tab, text)
    assert tab.results.isVisible()
    assert shown_names(tab)[0] == first
    cell = tab.model.index(0, COLUMNS.index(field))
    assert span in cell.data(SPANS_ROLE)


def test_nothing_found_says_so(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    type_search(qtbot, tab, "'; DROP TABLE account; --")
    assert tab.model.rowCount() == 0
    assert not tab.results.isVisible()
    assert "DROP TABLE" in tab.status.text()


def test_newer_keystrokes_supersede_older_queries(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    """The query for "张" is still waiting for the database when the teller has typed
    "曾国藩" and pressed Enter: the older result is never shown and its many hits do not
    answer the Enter, which picks 曾国藩."""
    database_free = threading.Event()
    tab.ctx.worker.submit(database_free.wait, 10)  # the database is busy with other work
    shown: list[list[str]] = []
    tab.model.modelReset.connect(lambda: shown.append(shown_names(tab)))
    try:
        type_text(qtbot, tab.search, "张")
        qtbot.waitUntil(lambda: not tab._timer.isActive())  # its query is submitted
        tab.search.clear()
        type_text(qtbot, tab.search, "曾国藩")
        qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    finally:
        database_free.set()
    wait_idle(qtbot, tab.ctx.worker)
    assert shown == [["曾国藩"]]
    assert tab.ctx.customer is not None and tab.ctx.customer.name == "曾国藩"


def test_enter_right_after_typing_picks_the_single_match(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, tab.search, "单田芳")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # before the debounce fired
    wait_idle(qtbot, tab.ctx.worker)
    qtbot.waitUntil(lambda: tab.ctx.customer is not None)
    assert tab.ctx.customer.name == "单田芳"


def test_down_and_enter_pick_from_several(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    type_search(qtbot, tab, "张三")
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.results.hasFocus()
    qtbot.keyClick(tab.results, Qt.Key.Key_Down)
    qtbot.keyClick(tab.results, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.worker)
    assert tab.ctx.customer is not None and tab.ctx.customer.name == "张三丰"
    qtbot.waitUntil(lambda: "张三丰" in tab.panel.title.text())


def test_account_view_shows_details_arrears_forms_and_meters(
    qtbot, tab: RecordsTab, lookup_db: LookupData
) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, tab, "3301000001")
    panel = tab.panel
    assert "张三" in panel.title.text()
    assert "63.00" in panel.money.text()
    assert panel.fields["inspection"].text() == "2025-06-03"
    assert "F2026-0001" in panel.fields["forms"].text()
    assert "F2025-0090" not in panel.fields["forms"].text()
    assert lookup_db.new_meter in panel.fields["meter"].text()
    assert lookup_db.old_meter in panel.fields["old_meters"].text()
    assert not panel.outage.isVisible()


def test_prepared_history_shows_its_flags(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, tab, "3301000001")
    model = tab.panel.readings_model
    flags = {
        model.index(r, 0).data(): model.index(r, 0).data(FLAGS_ROLE)
        for r in range(model.rowCount())
    }
    assert Flag.HIGH_VS_LAST_YEAR in flags["2025-01-15"]
    assert Flag.ESTIMATED_RUN in flags["2025-06-15"]
    assert Flag.LOWER_THAN_PREVIOUS in flags["2025-09-15"]
    assert Flag.METER_CHANGE in flags["2025-11-15"]
    check_column = model.columnCount() - 1
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2025-09-15")
    assert model.index(row, check_column).data() == "lower than previous"
    assert model.index(row, 3).data() == "-4.000"


def test_counter_reading_is_recorded_and_shown(
    qtbot, tab: RecordsTab, lookup_db: LookupData
) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, tab, "3301000001")
    changed = heard(tab.ctx, DataChanged)
    qtbot.keyClick(tab, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    form = tab.panel.reading_form
    assert form.value.hasFocus()
    qtbot.keyClicks(form.value, "82.5")
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "82.500" in form.message.text())
    wait_idle(qtbot, tab.ctx.worker)
    row = Reading.select().order_by(Reading.id.desc()).first()
    assert (row.source, row.value_l, row.read_on) == ("counter", 82_500, TODAY)
    assert changed == [ReadingRecorded(row.id, row.account_id)]
    qtbot.waitUntil(lambda: tab.panel.readings_model.index(0, 2).data() == "82.500")
    assert tab.panel.readings_model.index(0, 3).data() == "18.500"


@pytest.mark.parametrize(
    ("text", "says"),
    [("abc", "number of m³"), ("63.999", "below the previous"), ("82.5001", "3 decimals")],
)
def test_bad_counter_reading_is_refused_with_a_message(
    qtbot, tab: RecordsTab, text: str, says: str
) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, tab, "3301000001")
    before = Reading.select().count()
    moments = heard(tab.ctx)
    tab.panel.focus_reading_form()
    form = tab.panel.reading_form
    qtbot.keyClicks(form.value, text)
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.worker)
    assert says in form.message.text()
    assert Reading.select().count() == before
    assert moments == [Refused(form.message.text())]
    assert form.value.hasFocus()


def report(qtbot, tab: RecordsTab, text: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+R, type the reading, Enter, as the teller does."""
    qtbot.keyClick(tab, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    form = tab.panel.reading_form
    assert form.value.hasFocus()
    qtbot.keyClicks(form.value, text)
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.worker)


@pytest.fixture
def chinese():  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    yield
    for t in translators:
        app.removeTranslator(t)


def test_a_gross_anomaly_is_not_recorded_by_enter_and_typing_corrects_it(  # type: ignore[no-untyped-def]
    qtbot, chinese, tab: RecordsTab
) -> None:
    pick(qtbot, tab, "3301000001")  # uses about 17 m³ a month
    before = Reading.select().count()
    report(qtbot, tab, "5000")
    form = tab.panel.reading_form
    assert form.confirm.isVisible()
    warning = form.confirm_text.text()
    assert "请与客户核对" in warning and re.search("[A-Za-z]{2,}", warning) is None, warning
    # the Enter the teller was already pressing records nothing
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        wait_idle(qtbot, tab.ctx.worker)
    assert Reading.select().count() == before
    assert form.confirm.isVisible()
    assert "Alt+Y" in form.confirm_hint.text()
    # keys typed go to the field: the teller corrects the value
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0)
    assert form.value.text() == "50000" and not form.confirm.isVisible()
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backspace)
    qtbot.keyClicks(QApplication.focusWidget(), "81")
    assert form.value.text() == "81"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.worker)
    assert Reading.select().count() == before + 1
    assert Reading.select().order_by(Reading.id.desc()).get().value_l == 81_000


def test_a_gross_anomaly_is_recorded_only_with_alt_y(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, tab, "3301000001")
    before = Reading.select().count()
    report(qtbot, tab, "564")
    form = tab.panel.reading_form
    assert form.confirm.isVisible()
    assert "500 m³" in form.confirm_text.text()
    assert Reading.select().count() == before
    qtbot.keyClick(form.value, Qt.Key.Key_Escape)  # check again: nothing recorded
    assert not form.confirm.isVisible() and form.value.hasFocus()
    qtbot.keyClick(form.value, Qt.Key.Key_Return)
    wait_idle(qtbot, tab.ctx.worker)
    assert form.confirm.isVisible() and form.value.hasFocus()
    qtbot.keyClick(form.value, Qt.Key.Key_Tab)  # the confirm button is not in the Tab chain
    assert not form.confirm_button.hasFocus()
    form.focus_value()
    qtbot.keyClick(form.value, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    wait_idle(qtbot, tab.ctx.worker)
    assert Reading.select().count() == before + 1
    assert "564.000" in form.message.text()


def test_payments_list_voids_and_reprint_without_the_receipt_service(
    qtbot, tab: RecordsTab
) -> None:  # type: ignore[no-untyped-def]
    pick(qtbot, tab, "3301000001")
    qtbot.keyClick(tab, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    panel = tab.panel
    assert panel.tabs.currentIndex() == 1
    notes = [
        panel.payments_model.index(r, 5).data() for r in range(panel.payments_model.rowCount())
    ]
    assert notes == ["", "voids WC-2025-000041", "voided"]
    bills = [panel.bills_model.index(r, 3).data() for r in range(panel.bills_model.rowCount())]
    assert bills == ["unpaid", "paid (WC-2025-000043)"]
    panel.payments_table.selectRow(0)
    panel.reprint_button.click()
    wait_idle(qtbot, tab.ctx.worker)
    from gasdesk.ui.records.reprint import receipt_reprint_service

    if receipt_reprint_service() is None:
        assert "not available" in panel.ledger_status.text()
    else:  # fee collection's receipt service is built in: a logged copy is shown
        qtbot.waitUntil(lambda: any(d.isVisible() for d in panel._dialogs))


def test_customer_chosen_elsewhere_opens_here(qtbot, tab: RecordsTab) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.services.accounts import find_accounts

    (account,) = find_accounts("朴树")
    tab.ctx.set_customer(account)
    wait_idle(qtbot, tab.ctx.worker)
    qtbot.waitUntil(lambda: "朴树" in tab.panel.title.text())
    tab.ctx.set_customer(None)
    assert tab.stack.currentWidget() is tab.empty


def test_planned_outage_shows_as_a_banner(qtbot, tab: RecordsTab, lookup_db: LookupData) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from gasdesk.domain.outages import Area
    from gasdesk.services.outages import register_outage

    soon = dt.datetime.now().replace(second=0, microsecond=0) + dt.timedelta(days=1)
    start = soon.replace(hour=14, minute=0)  # outside the cooking peaks
    register_outage(
        office_id=lookup_db.office_id,
        staff_id=lookup_db.staff_id,
        area=Area("王村镇", "金泉小区", 1, 5),
        starts_at=start,
        restore_at=start + dt.timedelta(hours=3),
        reason="管道改造",
    )
    pick(qtbot, tab, "3301000001")  # 金泉小区3号楼
    assert tab.panel.outage.isVisible()
    assert "王村镇" in tab.panel.outage.text() and "管道改造" in tab.panel.outage.text()
    assert start.strftime("%Y-%m-%d %H:%M") in tab.panel.outage.text()
    pick(qtbot, tab, "3301000003")  # 文昌湖区: not in the area
    qtbot.waitUntil(lambda: "曾国藩" in tab.panel.title.text())
    assert not tab.panel.outage.isVisible()
