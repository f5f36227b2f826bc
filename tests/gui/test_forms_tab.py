"""The Business forms tab driven as a teller would: keys into fields, Ctrl+Enter to
submit, the printed copy, a complaint from receipt to closing and overdue."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from gasdesk.domain.events import (
    Committed,
    FormCommitted,
    FormCopyPrinted,
    FormsChanged,
    FormUpdated,
    OutageRegistered,
    Refused,
)
from gasdesk.resources import forms_folder
from gasdesk.services.accounts import get_account
from gasdesk.storage.models import FormEvent, FormRecord
from gasdesk.storage.models_forms import Appointment, Outage
from gasdesk.ui.form_widgets import ChoiceField, DateField, LineField, LongTextField, TimeslotField
from gasdesk.ui.tabs.forms_tab import FORMS_DIR_KEY, FormsTab
from tests.forms_support import VALID_ID, World, close, make_ctx, seed
from tests.helpers import heard, type_text

SHIPPED = sum(
    1 for f in forms_folder().iterdir() if f.name.endswith(".toml")
)  # the form files GasDesk ships

NOW = dt.datetime(2026, 9, 30, 16, 0)  # the eve of the National Day holiday


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    previous = QLocale()
    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )  # English UI
    yield seed(tmp_path)
    close()
    QLocale.setDefault(previous)


def open_tab(
    qtbot: Any,
    world: World,
    tmp_path: Path,
    *,
    forms_dir: Path | None = None,
    supervisor: bool = False,
) -> tuple[FormsTab, Any, Clock]:
    ctx = make_ctx(world, tmp_path, supervisor=supervisor)
    clock = Clock(NOW)
    ctx.extras["clock"] = clock
    if forms_dir is not None:
        ctx.extras[FORMS_DIR_KEY] = str(forms_dir)
    ctx.customer = get_account(world.account_id)
    tab = FormsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    return tab, ctx, clock


@pytest.fixture
def teller_tab(qtbot: Any, world: World, tmp_path: Path) -> Iterator[tuple[FormsTab, Any, Clock]]:
    tab, ctx, clock = open_tab(qtbot, world, tmp_path)
    yield tab, ctx, clock
    ctx.worker.shutdown()


def type_into(qtbot: Any, tab: FormsTab, kind: str, values: dict[str, str]) -> None:
    """Fill fields as a teller: clear and type into line and text fields, type the start
    of a choice into its list, pick dates and slots."""
    view = tab.entry.select_kind(kind)
    for name, text in values.items():
        w = view.fields[name]
        if isinstance(w, LineField):
            w.line.selectAll()
            qtbot.keyClick(w.line, Qt.Key.Key_Delete)
            type_text(qtbot, w.line, text)
        elif isinstance(w, LongTextField):
            w.text.clear()
            type_text(qtbot, w.text, text)
        elif isinstance(w, ChoiceField):
            w.combo.setFocus()
            qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a fresh keyboard search
            qtbot.keyClicks(w.combo, text)
            assert w.combo.currentText().startswith(text), (name, w.combo.currentText())
        elif isinstance(w, DateField):
            w.date.setDate(QDate.fromString(text, "yyyy-MM-dd"))
        elif isinstance(w, TimeslotField):
            day, slot = text.split()
            w.date.setDate(QDate.fromString(day, "yyyy-MM-dd"))
            qtbot.waitUntil(lambda w=w: w.combo.count() > 1)
            w.combo.setFocus()
            qtbot.wait(QApplication.keyboardInputInterval() + 50)
            qtbot.keyClicks(w.combo, slot[:5])
            assert w.combo.currentData() == slot
        else:
            raise AssertionError(type(w))


def submit(qtbot: Any, tab: FormsTab) -> None:
    view = tab.entry.current_view()
    assert view is not None
    last = view.fields[view.spec.fields[-1].name].editor()  # Ctrl+Enter from the last field typed
    qtbot.keyClick(last, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def wait_result(qtbot: Any, tab: FormsTab, text: str) -> None:
    try:
        qtbot.waitUntil(lambda: text in tab.entry.result.text(), timeout=5000)
    except Exception:
        raise AssertionError(tab.entry.result.text()) from None


# What a teller types for each of the eleven forms (customer 100001 is in the customer bar).
FILLS: dict[str, dict[str, str]] = {
    "open_account": {"name": "刘德明", "id_card": VALID_ID, "phone": "13705330001",
                     "address": "文昌湖区商家镇文昌路锦绣苑8号楼1单元101", "prepay": "200", "notes": "新房"},
    "transfer": {"transfer_reading": "12.5", "new_name": "赵丽", "new_id_card": VALID_ID, "new_phone": "0533-6886001", "reason": "Sale"},
    "installation": {"id_card": VALID_ID, "address": "文昌湖区商家镇文昌路锦绣苑15号楼1单元101", "user_type": "Home", "appliances": "双眼灶、热水器", "visit": "2026-10-09 13:30-15:30"},
    "repair": {"fault": "Cooker", "description": "左侧灶眼打不着火"},
    "meter_check": {"reading": "1234.5", "reason": "近两月用量异常偏高"},
    "supply_change": {"action": "Stop", "reason": "Away", "date": "2026-10-08"},
    "info_change": {"id_card": VALID_ID, "new_phone": "18953330000", "new_address": "文昌湖区商家镇文昌路锦绣苑3号楼2单元201室"},
    "close_account": {"id_card": VALID_ID, "final_reading": "2345", "close_date": "2026-10-08", "reason": "房屋出售"},
    "consultation": {"topic": "Charges", "question": "阶梯气价第二档从多少方开始？", "answer": "见价目表"},
    "complaint": {"about": "Staff", "staff_named": "王芳", "content": "营业员态度生硬，不解释收费。"},
    "appointment": {"visit_kind": "Repair", "slot": "2026-10-08 08:30-10:30", "notes": "下午家中无人"},
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(FILLS))
def test_each_form_is_filled_and_submitted_as_a_teller_would(
    qtbot: Any, teller_tab: Any, kind: str
) -> None:
    tab, ctx, _clock = teller_tab
    events = heard(ctx)
    type_into(qtbot, tab, kind, FILLS[kind])
    submit(qtbot, tab)
    wait_result(qtbot, tab, "MS-F-2026-000001")
    assert "0533-8777760" in tab.entry.result.text()  # tell the customer the service phone
    row = FormRecord.get()
    assert row.kind == kind and row.status == "received"
    # the submit announces the form it recorded, once: the phrase panel thanks, the
    # customer display shows its number, the visit notes it, the form lists reload
    assert [e for e in events if isinstance(e, Committed | FormsChanged)] == [
        FormCommitted(form_id=row.id, form_number=row.number)
    ]
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=5000)
    assert tab.preview is not None and tab.preview.page_count() == 1
    assert "0533-8777760" in tab.preview.findChild(type(tab.entry.result), "previewHint").text()


def test_refused_fields_show_messages_and_nothing_is_saved(qtbot: Any, teller_tab: Any) -> None:
    tab, ctx, _clock = teller_tab
    events = heard(ctx)
    type_into(
        qtbot,
        tab,
        "open_account",
        {"name": "刘德明", "id_card": "110105194912310021", "phone": "1234567", "prepay": "12.345"},
    )
    submit(qtbot, tab)
    wait_result(qtbot, tab, "nothing was saved")
    view = tab.entry.current_view()
    assert view is not None
    assert "mistyped" in view.errors["id_card"].text()
    assert "11 digits" in view.errors["phone"].text()
    assert "Required" in view.errors["address"].text()
    assert "two decimals" in view.errors["prepay"].text()
    assert view.errors["name"].text() == ""
    assert FormRecord.select().count() == 0
    assert events == [Refused(tab.entry.result.text())]
    assert view.fields["id_card"].line.hasFocus()  # focus lands on the first refused field
    # correcting a field clears its message
    qtbot.keyClick(view.fields["phone"].line, Qt.Key.Key_Backspace)
    assert view.errors["phone"].text() == ""


def test_a_form_the_database_cannot_record_says_sorry_too(qtbot: Any, teller_tab: Any) -> None:
    """Not the teller's typing but the disk: the message on screen, and the phrase panel
    (which hears the refusal) apologises; nothing is recorded."""
    from gasdesk.storage.models import db

    tab, ctx, _clock = teller_tab
    events = heard(ctx)
    db.execute_sql(
        "CREATE TRIGGER fail_form BEFORE INSERT ON form_record "
        "BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    type_into(qtbot, tab, "consultation", FILLS["consultation"])
    submit(qtbot, tab)
    qtbot.waitUntil(lambda: not tab.entry.busy)
    assert "disk" in tab.entry.result.text()
    assert FormRecord.select().count() == 0
    assert events == [Refused(tab.entry.result.text())]


def test_account_fields_must_be_the_accounts_and_the_new_holder_may_differ(
    qtbot: Any, teller_tab: Any
) -> None:
    """过户 for customer 100001 (王建国) with another holder's name and address typed over
    the prefilled ones: both refused beside the field with what the account holds."""
    tab, _ctx, _clock = teller_tab
    wrong = {"old_name": "赵丽", "address": "文昌湖区商家镇文昌路锦绣苑12号楼1单元502"}
    type_into(qtbot, tab, "transfer", FILLS["transfer"] | wrong)
    submit(qtbot, tab)
    wait_result(qtbot, tab, "nothing was saved")
    view = tab.entry.current_view()
    assert view is not None
    assert "王建国" in view.errors["old_name"].text()
    assert "锦绣苑3号楼2单元201" in view.errors["address"].text()
    assert view.errors["new_name"].text() == ""  # 赵丽 as the new holder is fine
    assert FormRecord.select().count() == 0
    # 表具校验 with a meter number that is not the customer's
    type_into(qtbot, tab, "meter_check", FILLS["meter_check"] | {"meter_number": "MS-0002"})
    submit(qtbot, tab)
    wait_result(qtbot, tab, "nothing was saved")
    view = tab.entry.current_view()
    assert view is not None and "MS-0001" in view.errors["meter_number"].text()
    assert view.fields["meter_number"].editor().hasFocus()
    assert FormRecord.select().count() == 0


def test_enter_moves_to_the_next_field(qtbot: Any, teller_tab: Any) -> None:
    tab, _ctx, _clock = teller_tab
    view = tab.entry.select_kind("consultation")
    view.fields["name"].line.setFocus()
    qtbot.keyClick(view.fields["name"].line, Qt.Key.Key_Return)
    assert view.fields["phone"].line.hasFocus()


def test_print_one_copy_and_log_it(qtbot: Any, teller_tab: Any, tmp_path: Path) -> None:
    tab, ctx, _clock = teller_tab
    printed = heard(ctx, FormCopyPrinted)
    type_into(qtbot, tab, "repair", FILLS["repair"])
    submit(qtbot, tab)
    qtbot.waitUntil(lambda: tab.preview is not None, timeout=5000)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert tab.preview is not None
    tab.preview.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    qtbot.waitUntil(
        lambda: FormEvent.select().where(FormEvent.action == "printed").count() == 1, timeout=5000
    )
    qtbot.waitUntil(lambda: printed == [FormCopyPrinted(FormRecord.get().id, reprint=False)])


def test_complaint_lifecycle_and_overdue_after_national_day(
    qtbot: Any, world: World, tmp_path: Path
) -> None:
    tab, ctx, clock = open_tab(qtbot, world, tmp_path, supervisor=True)
    try:
        badges: list[int] = []
        tab.badge_changed.connect(badges.append)
        updated = heard(ctx, FormUpdated)
        type_into(qtbot, tab, "complaint", FILLS["complaint"])
        submit(qtbot, tab)
        wait_result(qtbot, tab, "Reply due 2026-10-10, result due 2026-10-14")
        # 10 October (a make-up Saturday) is the last day for the reply: not yet overdue
        clock.at = dt.datetime(2026, 10, 10, 17, 0)
        tab.pages.setCurrentWidget(tab.complaints)
        qtbot.waitUntil(lambda: tab.complaints.model.rowCount() == 1)
        assert tab.overdue == 0 and badges == []
        clock.at = dt.datetime(2026, 10, 11, 9, 0)
        tab.complaints.refresh()
        qtbot.waitUntil(lambda: badges == [1])
        assert tab.pages.tabText(tab.pages.indexOf(tab.complaints)).endswith("(1)")
        model = tab.complaints.model
        assert model.data(model.index(0, 6)) == "Reply overdue"
        assert model.data(model.index(0, 4)) == "2026-10-10"
        # the teller moves it on: in progress, then replied
        tab.pages.setCurrentWidget(tab.open_forms)
        page = tab.open_forms
        qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.advance_button.isEnabled())
        type_text(qtbot, page.note, "已联系被投诉人")
        qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "In progress" in page.message.text())
        qtbot.waitUntil(lambda: page.advance_button.text().endswith("Replied"))
        type_text(qtbot, page.note, "已电话答复")
        qtbot.keyClick(page.note, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Replied" in page.message.text())
        qtbot.waitUntil(lambda: badges == [1, 0])  # replied: no longer overdue
        # the return visit records satisfaction and moves it to 已回访
        tab.pages.setCurrentWidget(tab.visits)
        visits = tab.visits
        qtbot.waitUntil(lambda: visits.model.rowCount() == 1)
        type_text(qtbot, visits.outcome, "接受道歉")
        qtbot.keyClick(visits.outcome, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "recorded" in visits.message.text())
        assert FormRecord.get().status == "followed_up"
        # upheld against the teller: 30 yuan compensation, once
        tab.pages.setCurrentWidget(tab.complaints)
        qtbot.waitUntil(
            lambda: tab.complaints.model.rowCount() == 1 and tab.complaints.staff.count() == 3
        )
        tab.complaints.table.selectRow(0)
        tab.complaints.staff.setCurrentIndex(tab.complaints.staff.findData(world.teller_id))
        qtbot.mouseClick(tab.complaints.uphold_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "30.00" in tab.complaints.message.text())
        # closed
        tab.pages.setCurrentWidget(tab.open_forms)
        qtbot.waitUntil(lambda: page.advance_button.text().endswith("Closed"))
        qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.model.rowCount() == 0)
        history = [e.action for e in FormEvent.select().order_by(FormEvent.id)]
        assert history == [
            "submitted",
            "advanced",
            "advanced",
            "return_visit",
            "upheld",
            "advanced",
        ]
        # each step announced itself: the lists of forms and complaints reload
        assert updated == [FormUpdated(FormRecord.get().number)] * 5
    finally:
        ctx.worker.shutdown()


def test_escalation_from_the_complaints_list(qtbot: Any, teller_tab: Any) -> None:
    tab, ctx, _clock = teller_tab
    updated = heard(ctx, FormUpdated)
    type_into(qtbot, tab, "complaint", FILLS["complaint"])
    submit(qtbot, tab)
    wait_result(qtbot, tab, "received")
    tab.pages.setCurrentWidget(tab.complaints)
    qtbot.waitUntil(lambda: tab.complaints.model.rowCount() == 1)
    assert not tab.complaints.uphold_button.isEnabled()  # a teller cannot uphold
    tab.complaints.table.selectRow(0)
    qtbot.mouseClick(tab.complaints.escalate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Company" in tab.complaints.message.text())
    assert updated == [FormUpdated(FormRecord.get().number)]
    qtbot.waitUntil(
        lambda: tab.complaints.model.data(tab.complaints.model.index(0, 2)) == "Company"
    )


NEW_FORM = """
title = "燃气报警器安装登记"
title_en = "Gas alarm installation"
order = 5

[[field]]
name = "name"
label = "户主"
label_en = "Holder"
type = "text"
required = true
prefill = "customer.name"

[[field]]
name = "alarm_model"
label = "报警器型号"
label_en = "Alarm model"
type = "choice"
choices = ["JT-AEC2361", "KB-1200"]
required = true

[[field]]
name = "fee"
label = "安装费"
label_en = "Fee"
type = "amount"
required = true
"""


def test_a_new_form_type_added_as_a_file_appears_and_works(
    qtbot: Any, world: World, tmp_path: Path
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(str(forms_folder()), forms)
    (forms / "gas_alarm.toml").write_text(NEW_FORM, encoding="utf-8")
    tab, ctx, _clock = open_tab(qtbot, world, tmp_path, forms_dir=forms)
    try:
        assert tab.entry.kinds.item(0).text() == "Gas alarm installation"
        assert tab.entry.kinds.count() == SHIPPED + 1
        type_into(qtbot, tab, "gas_alarm", {"alarm_model": "KB", "fee": "80"})
        submit(qtbot, tab)
        wait_result(qtbot, tab, "MS-F-2026-000001")
        row = FormRecord.get()
        assert (
            row.kind == "gas_alarm" and '"fee": 8000' in row.data_json and "王建国" in row.data_json
        )
    finally:
        ctx.worker.shutdown()


def test_broken_form_files_are_reported_and_the_others_work(
    qtbot: Any, world: World, tmp_path: Path
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(str(forms_folder()), forms)
    (forms / "broken_type.toml").write_text(
        NEW_FORM.replace('type = "amount"', 'type = "money"'), encoding="utf-8"
    )
    (forms / "no_title.toml").write_text(
        NEW_FORM.replace('title = "燃气报警器安装登记"', ""), encoding="utf-8"
    )
    (forms / "bad_toml.toml").write_text("title = 'x\n", encoding="utf-8")
    tab, ctx, _clock = open_tab(qtbot, world, tmp_path, forms_dir=forms)
    try:
        text = tab.entry.problems.text()
        assert tab.entry.problems.isVisible()
        assert "broken_type.toml: field 'fee': unknown field type 'money'" in text
        assert "no_title.toml: the form has no title" in text
        assert "bad_toml.toml: bad TOML" in text
        assert tab.entry.kinds.count() == SHIPPED
        type_into(qtbot, tab, "consultation", FILLS["consultation"])
        submit(qtbot, tab)
        wait_result(qtbot, tab, "received")
    finally:
        ctx.worker.shutdown()


def test_a_slot_cannot_be_double_booked_and_punctuality_is_recorded(
    qtbot: Any, teller_tab: Any
) -> None:
    tab, ctx, _clock = teller_tab
    events = heard(ctx)
    type_into(qtbot, tab, "appointment", FILLS["appointment"])
    submit(qtbot, tab)
    wait_result(qtbot, tab, "Visit booked: 2026-10-08 08:30-10:30")
    type_into(qtbot, tab, "appointment", {"name": "赵丽", "visit_kind": "Repair"})
    view = tab.entry.current_view()
    assert view is not None
    slot = view.fields["slot"]
    assert isinstance(slot, TimeslotField)
    slot.date.setDate(QDate(2026, 10, 8))
    qtbot.waitUntil(lambda: "full" in slot.combo.itemText(1))  # the list shows the slot taken
    slot.combo.setCurrentIndex(1)
    submit(qtbot, tab)
    qtbot.waitUntil(lambda: "already booked" in view.errors["slot"].text())
    assert Appointment.select().count() == 1 and FormRecord.select().count() == 1
    # the crew arrives at 10:05 for the 08:30-10:30 slot: on time
    page = tab.appointments
    tab.pages.setCurrentWidget(page)
    page.day.setDate(QDate(2026, 10, 8))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.arrived.setTime(page.arrived.time().fromString("10:05", "HH:mm"))
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "on time" in page.message.text())
    assert Appointment.get().punctual is True
    assert FormUpdated(FormRecord.get().number) in events


def test_a_visit_in_a_slot_that_has_ended_is_refused(qtbot: Any, teller_tab: Any) -> None:
    """17:17: today's 08:30-10:30 slot is shown as over, and booking it is refused."""
    tab, _ctx, clock = teller_tab
    clock.at = dt.datetime(2026, 9, 30, 17, 17)
    type_into(qtbot, tab, "repair", FILLS["repair"] | {"visit": "2026-09-30 08:30-10:30"})
    view = tab.entry.current_view()
    assert view is not None
    slot = view.fields["visit"]
    assert isinstance(slot, TimeslotField)
    qtbot.waitUntil(lambda: "over" in slot.combo.currentText())
    submit(qtbot, tab)
    wait_result(qtbot, tab, "nothing was saved")
    assert "ended" in view.errors["visit"].text()
    assert FormRecord.select().count() == 0 and Appointment.select().count() == 0


def test_outage_in_a_cooking_peak_asks_first(qtbot: Any, teller_tab: Any) -> None:
    """10:00 to 14:00 starts before the lunch peak and runs through it: asked first."""
    tab, ctx, clock = teller_tab
    events = heard(ctx)
    page = tab.outages
    tab.pages.setCurrentWidget(page)
    type_text(qtbot, page.street, "文昌路")
    type_text(qtbot, page.community, "锦绣苑")
    page.building_from.setValue(1)
    page.building_to.setValue(5)
    page.starts.setDateTime(
        page.starts.dateTime().fromString("2026-10-12 10:00", "yyyy-MM-dd HH:mm")
    )
    page.restores.setDateTime(
        page.restores.dateTime().fromString("2026-10-12 14:00", "yyyy-MM-dd HH:mm")
    )
    type_text(qtbot, page.reason, "管道改造")
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.peak_box is not None)
    assert page.peak_box is not None and "11:00-13:00" in page.peak_box.text()
    assert Outage.select().count() == 0
    qtbot.mouseClick(
        page.peak_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert Outage.get().in_peak
    assert events == [OutageRegistered(Outage.get().id)]
    type_text(qtbot, page.check, "文昌湖区商家镇文昌路锦绣苑3号楼2单元201")
    qtbot.keyClick(page.check, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: "No planned outage" in page.check_result.text()
    )  # 12 days ahead: no banner yet
    clock.at = dt.datetime(2026, 10, 11, 9, 0)
    page.check.clear()
    type_text(qtbot, page.check, "文昌湖区商家镇文昌路锦绣苑3号楼2单元201")
    qtbot.keyClick(page.check, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Affected" in page.check_result.text())


def test_choice_lists_show_english_names_but_store_chinese(qtbot: Any, teller_tab: Any) -> None:
    tab, _ctx, _clock = teller_tab
    view = tab.entry.select_kind("supply_change")
    combo = view.fields["action"].findChild(QComboBox)
    assert combo is not None and combo.itemText(1) == "Stop supply" and combo.itemData(1) == "停气"


def test_chinese_ui_shows_the_chinese_labels(qtbot: Any, world: World, tmp_path: Path) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    tab, ctx, _clock = open_tab(qtbot, world, tmp_path)
    try:
        assert tab.entry.kinds.item(0).text() == "开户申请表"
        view = tab.entry.select_kind("supply_change")
        combo = view.fields["action"].findChild(QComboBox)
        assert combo is not None and combo.itemText(1) == "停气"
    finally:
        ctx.worker.shutdown()


def test_table_models_pass_the_model_tester(
    qtmodeltester: Any, qtbot: Any, teller_tab: Any
) -> None:
    tab, _ctx, _clock = teller_tab
    type_into(qtbot, tab, "complaint", FILLS["complaint"])
    submit(qtbot, tab)
    wait_result(qtbot, tab, "received")
    tab.pages.setCurrentWidget(tab.complaints)
    qtbot.waitUntil(lambda: tab.complaints.model.rowCount() == 1)
    qtmodeltester.check(tab.complaints.model)
    tab.pages.setCurrentWidget(tab.open_forms)
    qtbot.waitUntil(lambda: tab.open_forms.model.rowCount() == 1)
    qtmodeltester.check(tab.open_forms.model)


def test_outage_banner_for_the_customer_in_the_bar(
    qtbot: Any, world: World, tmp_path: Path
) -> None:
    from gasdesk.domain.outages import Area
    from gasdesk.services.outages import register_outage
    from gasdesk.ui.outage_banner import OutageBanner

    register_outage(
        office_id=world.office_id, staff_id=world.teller_id, area=Area("文昌路", "锦绣苑", 1, 5),
        starts_at=dt.datetime(2026, 10, 1, 9), restore_at=dt.datetime(2026, 10, 1, 15), reason="管道改造", at=NOW,
        confirm_peak=True,
    )  # fmt: skip
    ctx = make_ctx(world, tmp_path)
    ctx.extras["clock"] = Clock(NOW)
    try:
        banner = OutageBanner(ctx)
        qtbot.addWidget(banner)
        ctx.set_customer(get_account(world.account_id))  # 锦绣苑3号楼: affected
        qtbot.waitUntil(lambda: "管道改造" in banner.text())
        assert not banner.isHidden()
        from gasdesk.services.accounts import find_accounts

        ctx.set_customer(find_accounts("100002")[0])  # 锦绣苑12号楼: outside buildings 1-5
        qtbot.waitUntil(lambda: banner.isHidden())
    finally:
        ctx.worker.shutdown()


def test_a_complaint_in_a_year_without_holidays_warns(qtbot: Any, teller_tab: Any) -> None:
    tab, _ctx, clock = teller_tab
    clock.at = dt.datetime(2026, 12, 30, 9, 0)
    type_into(qtbot, tab, "complaint", FILLS["complaint"])
    submit(qtbot, tab)
    wait_result(qtbot, tab, "holidays of 2027 are not known")
    assert "⚠" in tab.entry.result.text()
    assert "Estimated: reply due 2027-01-05" in tab.entry.result.text()
    tab.pages.setCurrentWidget(tab.complaints)
    qtbot.waitUntil(lambda: tab.complaints.model.rowCount() == 1)
    assert "⚠" in tab.complaints.model.data(tab.complaints.model.index(0, 6))
    assert tab.complaints.model.data(tab.complaints.model.index(0, 4)) == "est. 2027-01-05"


def test_an_estimated_term_says_yuji_on_screen_and_paper(
    qtbot: Any, world: World, tmp_path: Path
) -> None:
    """A complaint received 2026-12-30: 1 January is not counted, and the Chinese screen
    and the customer's copy call the terms 预计."""
    from gasdesk.ui.application import install_translators

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    tab, ctx, clock = open_tab(qtbot, world, tmp_path)
    try:
        clock.at = dt.datetime(2026, 12, 30, 9, 0)
        view = tab.entry.select_kind("complaint")
        view.fields["about"].set_value("服务态度")
        type_text(qtbot, view.fields["content"].editor(), "营业员态度生硬，不解释收费。")
        submit(qtbot, tab)
        wait_result(qtbot, tab, "预计")
        assert "2027-01-05" in tab.entry.result.text()
        qtbot.waitUntil(lambda: tab.preview is not None, timeout=5000)
        assert tab.preview is not None
        paper = tab.preview.document.getAllText(0).text()
        assert "答复期限（预计）" in paper and "2027年01月05日" in paper, paper
        tab.pages.setCurrentWidget(tab.complaints)
        qtbot.waitUntil(lambda: tab.complaints.model.rowCount() == 1)
        assert tab.complaints.model.data(tab.complaints.model.index(0, 4)) == "预计 2027-01-05"
    finally:
        ctx.worker.shutdown()
        for t in translators:
            app.removeTranslator(t)


def test_keyboard_flow_from_the_form_list(qtbot: Any, teller_tab: Any) -> None:
    tab, _ctx, _clock = teller_tab
    tab.entry.select_kind("consultation")
    tab.entry.kinds.setFocus()
    qtbot.keyClick(tab.entry.kinds, Qt.Key.Key_Return)  # Enter: into the form, first empty field
    view = tab.entry.current_view()
    assert view is not None and view.fields["topic"].combo.hasFocus()
    qtbot.keyClick(view.fields["topic"].combo, Qt.Key.Key_Escape)  # Esc: back to the list
    assert tab.entry.kinds.hasFocus()
