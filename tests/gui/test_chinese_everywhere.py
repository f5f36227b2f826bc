"""The Chinese interface shows Chinese: every screen and dialog is opened in zh_CN as a
teller opens it, and every visible text (labels, buttons, tables, tooltips, window
titles, message boxes, Qt's own dialogs) is read back from the widgets and checked
for English (tests/english_scan.py). Nothing here lists the strings that are expected:
whatever a screen shows is what is checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests import english_scan
from tests.english_scan import Finding, english_on
from tests.helpers import settle, type_text

ENTER = Qt.Key.Key_Return
zh = english_scan.zh  # the fixture: the Chinese translators installed


class Sweep:
    """Collects what reads as English on every visible window, step by step."""

    def __init__(self, qtbot, worker) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.worker = worker
        self.found: list[str] = []
        self.steps = 0

    def windows(self) -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if w.isVisible()]

    def look(self, step: str) -> None:
        if self.worker is not None:
            settle(self.qtbot, self.worker)
        self.steps += 1
        for finding in english_on(*self.windows()):
            line = f"{step}: {finding}"
            if not any(_same(line, seen) for seen in self.found):
                self.found.append(line)

    def check(self) -> None:
        assert not self.found, "English on the Chinese screen:\n" + "\n".join(self.found)


def _same(a: str, b: str) -> bool:
    return a.split(": ", 1)[1] == b.split(": ", 1)[1]


def findings_text(found: list[Finding]) -> str:
    return "\n".join(str(f) for f in found)


def walk_pages(sweep: Sweep, window, name: str) -> None:  # type: ignore[no-untyped-def]
    """Every tab of the main window, and every page of a tab that has pages."""
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        page = window.tabs.currentWidget()
        pages = getattr(page, "pages", None)
        if pages is None:
            sweep.look(f"{name} tab {i}")
            continue
        for j in range(pages.count()):
            pages.setCurrentIndex(j)
            sweep.look(f"{name} tab {i} page {j}")


def test_login_and_every_tab_and_page(zh, database, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.demo import DEMO_PASSWORD
    from gasdesk.services import accounts
    from gasdesk.settings import open_settings
    from gasdesk.storage.models import Account
    from gasdesk.ui.application import Controller
    from gasdesk.ui.form_widgets import LineField
    from gasdesk.ui.worker import DbWorker

    worker = DbWorker()
    sweep = Sweep(qtbot, worker)
    try:
        controller = Controller(worker, open_settings(), "MS", 1)
        login = controller.show_login()
        qtbot.addWidget(login)
        sweep.look("login")
        qtbot.keyClicks(login.badge, "MS01")
        qtbot.keyClick(login.badge, ENTER)
        qtbot.keyClicks(login.password, "wrong-password")
        qtbot.keyClick(login.password, ENTER)
        qtbot.waitUntil(lambda: bool(login.error.text()))
        sweep.look("login refused")
        login.password.clear()
        qtbot.keyClicks(login.password, DEMO_PASSWORD)
        qtbot.keyClick(login.password, ENTER)
        qtbot.waitUntil(lambda: controller.window is not None)
        window = controller.window
        qtbot.addWidget(window)
        window.resize(1366, 768)
        walk_pages(sweep, window, "no customer")

        # a customer with history: payments of every method, bills, readings
        account = accounts.get_account(Account.select().order_by(Account.id).first().id)
        window.ctx.set_customer(account)
        walk_pages(sweep, window, "customer")
        records = window.records_tab
        window.tabs.setCurrentWidget(records)
        for i in range(records.panel.tabs.count()):
            records.panel.tabs.setCurrentIndex(i)
            sweep.look(f"records page {i}")

        # every kind of business form, blank and refused
        forms = window.forms_tab
        window.tabs.setCurrentWidget(forms)
        forms.pages.setCurrentWidget(forms.entry)
        for kind in [s.kind for s in forms.catalog.forms]:
            view = forms.entry.select_kind(kind)
            sweep.look(f"form {kind}")
            view.reset(None)
            forms.entry.submit()
            qtbot.waitUntil(lambda: not forms.entry.busy)
            sweep.look(f"form {kind} blank")
            for field in view.fields.values():
                if isinstance(field, LineField):
                    field.set_value("x")
            forms.entry.submit()
            qtbot.waitUntil(lambda: not forms.entry.busy)
            sweep.look(f"form {kind} mistyped")
        window.close()
    finally:
        worker.shutdown()
    assert sweep.steps > 20
    sweep.check()


@pytest.fixture
def zh_window(zh, ctx, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """The main window of the demo teller (MS01, counter 1), built in Chinese, with an
    open shift (cash belongs to a shift)."""
    from gasdesk.services import shifts
    from gasdesk.ui.main_window import MainWindow

    shifts.open_shift(ctx.session.staff.id, ctx.session.counter.id, {10000: 5})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    settle(qtbot, ctx.worker)
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w is not window:
            w.close()


def customer_with_bill_due(minimum_fen: int = 1):  # type: ignore[no-untyped-def]
    from gasdesk.services import accounts, billing
    from gasdesk.storage.models import Account, Meter

    for account in Account.select().join(Meter).where(Meter.kind == "mechanical"):
        if billing.statement(account.id).due_fen >= minimum_fen:
            return accounts.get_account(account.id)
    raise AssertionError("the demo data has no bill due")


def test_payment_read_back_receipt_void_reprint_and_customer_display(  # type: ignore[no-untyped-def]
    zh_window, qtbot, tmp_path
) -> None:
    from gasdesk.demo import DEMO_PASSWORD, DEMO_STAFF
    from gasdesk.settings import OUTPUT_DIR

    window = zh_window
    ctx = window.ctx
    sweep = Sweep(qtbot, ctx.worker)
    display = window.phrase_panel.open_display()
    window.activateWindow()
    fees = window.fees_tab
    window.tabs.setCurrentWidget(fees)
    ctx.set_customer(customer_with_bill_due())
    qtbot.waitUntil(lambda: fees.statement is not None)
    sweep.look("fee tab")

    # a WeChat payment without its reference is refused
    fees.form.choose_method("wechat")
    qtbot.keyClick(fees.form.reference, ENTER)
    qtbot.waitUntil(lambda: bool(fees.form.error.text()))
    sweep.look("wechat without reference")
    for method in ("alipay", "card"):
        fees.form.choose_method(method)
        sweep.look(f"method {method}")

    # cash: too little, then the read-back, Esc, again, and Enter
    fees.form.choose_method("cash")
    qtbot.keyClicks(fees.form.tendered, "0.01")
    qtbot.keyClick(fees.form.tendered, ENTER)
    qtbot.waitUntil(lambda: bool(fees.form.error.text()))
    sweep.look("cash short")
    fees.form.tendered.clear()
    qtbot.keyClick(fees.form.tendered, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    sweep.look("read-back")
    qtbot.keyClick(fees.readback_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: fees.readback_dialog is None)
    sweep.look("read-back cancelled")
    qtbot.keyClick(fees.form.tendered, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: fees.readback_dialog is not None)
    qtbot.keyClick(fees.readback_dialog, ENTER)
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    sweep.look("receipt preview")

    # the print dialog (no printer named), then printing to a file
    receipt = fees.receipt_dialog
    qtbot.keyClick(receipt, ENTER)
    qtbot.waitUntil(lambda: receipt._dialog is not None and receipt._dialog.isVisible())
    sweep.look("print dialog")
    receipt._dialog.reject()
    ctx.settings.set(OUTPUT_DIR, str(tmp_path / "printed"))
    qtbot.keyClick(receipt, ENTER)
    qtbot.waitUntil(lambda: receipt.prints == 1)
    sweep.look("printed")

    # the customer rates, unhappily, and gives a reason
    qtbot.mouseClick(display.rating_buttons["unsatisfied"], Qt.MouseButton.LeftButton)
    sweep.look("rated")
    qtbot.mouseClick(display.reason_buttons["long_wait"], Qt.MouseButton.LeftButton)
    sweep.look("reason given")
    qtbot.keyClick(receipt, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: fees.receipt_dialog is None)

    # reprint and void from today's list
    fees.refresh_payments()
    qtbot.waitUntil(lambda: fees.payments.model.rowCount() > 0)
    fees.payments.view.selectRow(0)
    fees.payments.reprint_selected()
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    sweep.look("reprint preview")
    fees.receipt_dialog.reject()
    qtbot.waitUntil(lambda: fees.receipt_dialog is None)
    fees.payments.view.selectRow(0)
    fees.payments.void_selected()
    dialog = fees.payments.void_dialog
    assert dialog is not None
    sweep.look("void dialog")
    supervisor = next(s for s in DEMO_STAFF if s[2] == "supervisor" and s[3] == "MS")
    qtbot.keyClicks(dialog.badge, supervisor[0])
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    sweep.look("void without reason")
    type_text(qtbot, dialog.reason, "金额输错")
    dialog.submit()
    qtbot.waitUntil(lambda: fees.receipt_dialog is not None)
    sweep.look("void slip")
    fees.receipt_dialog.reject()
    window.customer_bar.next_customer()  # F12: farewell
    sweep.look("farewell")
    assert sweep.steps >= 15
    sweep.check()


def type_count(qtbot, form, counts: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    """Type each denomination's count, Enter after each, whatever denominations the
    form has."""
    form.focus_first()
    for value, field in form.fields.items():
        if counts.get(value):
            qtbot.keyClicks(field, str(counts[value]))
        qtbot.keyClick(field, ENTER)


def test_shift_count_difference_close_day_reports_export_and_figures(  # type: ignore[no-untyped-def]
    zh, empty_database, qtbot, worker, tmp_path
) -> None:
    import datetime as dt

    from gasdesk.demo import DEMO_PASSWORD
    from gasdesk.domain.events import PaymentCommitted
    from gasdesk.services import auth
    from gasdesk.settings import open_settings
    from gasdesk.storage.models_days import BusinessDay
    from gasdesk.ui.context import AppContext
    from gasdesk.ui.tabs.dayend_tab import DayEndTab
    from tests.dayend_support import pay, seed

    setup = seed()
    session = auth.login("MS01", DEMO_PASSWORD, setup.counter_ids[0])
    ctx = AppContext(session=session, worker=worker, settings=open_settings())
    tab = DayEndTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    qtbot.waitExposed(tab)
    sweep = Sweep(qtbot, worker)
    panel = tab.shift_panel
    sweep.look("no shift")

    type_count(qtbot, panel.float_form, {10000: 2})
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is not None)
    sweep.look("shift open")
    today = dt.date.today()
    pay(setup, method="cash", amount_fen=12850, tendered_fen=20000, day=today)
    paid = pay(setup, method="wechat", amount_fen=6600, reference="WX20261120", day=today)
    ctx.events.publish(PaymentCommitted.of(paid))  # as the fee tab announces it
    qtbot.mouseClick(panel.pay_out_button, Qt.MouseButton.LeftButton)  # no amount: refused
    sweep.look("pay out refused")
    qtbot.keyClicks(panel.move_amount, "100")
    type_text(qtbot, panel.move_reason, "银行存款")
    qtbot.mouseClick(panel.pay_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.movements.count() == 1)
    sweep.look("paid out")

    # a blind count one yuan short, the difference with a supervisor
    type_count(qtbot, panel.count_form, {10000: 2})
    for field in panel.terminal.values():
        qtbot.keyClick(field, ENTER)
    qtbot.waitUntil(lambda: panel.result_box.isVisible())
    sweep.look("counted")
    qtbot.mouseClick(panel.difference_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None
    sweep.look("difference dialog")
    type_text(qtbot, dialog.reason, "找零出错")
    qtbot.keyClicks(dialog.badge, "MS09")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    sweep.look("difference refused")
    for method in list(panel.status.reconciliation.outstanding if panel.status else []):
        dialog = panel.dialog
        if dialog is None or not dialog.isVisible():
            qtbot.mouseClick(panel.difference_button, Qt.MouseButton.LeftButton)
            dialog = panel.dialog
            type_text(qtbot, dialog.reason, "找零出错")
            qtbot.keyClicks(dialog.badge, "MS09")
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
        dialog.submit()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        settle(qtbot, worker)
        assert method
    qtbot.waitUntil(lambda: panel.close_button.isEnabled())
    sweep.look("difference recorded")
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status is None)
    sweep.look("shift closed")

    # the day: status, reports, export, close
    tab.pages.setCurrentWidget(tab.day_panel)
    day = tab.day_panel
    sweep.look("day open")
    for button in (day.a4_button, day.slip_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: day.preview is not None and day.preview.isVisible())
        sweep.look("report preview")
        day.preview.close()
    qtbot.mouseClick(day.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: day.file_dialog is not None and day.file_dialog.isVisible())
    (tmp_path / "导出").mkdir()
    show_folder(qtbot, day.file_dialog, tmp_path / "导出")
    sweep.look("export file dialog")
    day.file_dialog.reject()
    qtbot.mouseClick(day.close_button, Qt.MouseButton.LeftButton)
    sweep.look("close day dialog")
    qtbot.keyClicks(day.dialog.badge, "MS09")
    qtbot.keyClicks(day.dialog.password, DEMO_PASSWORD)
    day.dialog.submit()
    qtbot.waitUntil(
        lambda: BusinessDay.select().where(BusinessDay.closed_at.is_null(False)).count()
    )
    sweep.look("day closed")
    tab.pages.setCurrentWidget(tab.kpi_panel)
    sweep.look("service figures")
    sweep.check()


def show_folder(qtbot, dialog, folder) -> None:  # type: ignore[no-untyped-def]
    """Point a file dialog at `folder` and wait until its listing has loaded (the
    file system model reads folders on a thread of its own). Sizes and dates of
    files follow the operating system's locale (QLocale.system()), not the
    interface's; the folder holds a folder, whose type Qt words."""
    from PySide6.QtWidgets import QTreeView

    (folder / "备份").mkdir(exist_ok=True)
    dialog.setDirectory(str(folder))
    dialog.setViewMode(dialog.ViewMode.Detail)
    tree = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 1)


def test_qt_own_dialogs_speak_chinese(zh, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Qt's file dialog and message box buttons are Qt's own words: its Chinese comes
    from Qt's translation, and what that lacks from GasDesk's."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    folder = tmp_path / "导出"
    folder.mkdir()
    dialog = QFileDialog(None, "导出当日明细")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter("CSV 文件 (*.csv)")
    qtbot.addWidget(dialog)
    dialog.show()
    show_folder(qtbot, dialog, folder)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert not english_on(dialog), findings_text(english_on(dialog))

    box = QMessageBox(QMessageBox.Icon.Question, "停气", "仍要登记吗？")
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Ok
        | QMessageBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    box.show()
    assert box.button(QMessageBox.StandardButton.Yes).text().startswith("是")
    assert not english_on(box), findings_text(english_on(box))


def test_records_forms_and_lock(zh_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gasdesk.demo import DEMO_PASSWORD
    from gasdesk.ui.form_widgets import ChoiceField, LongTextField

    window = zh_window
    ctx = window.ctx
    sweep = Sweep(qtbot, ctx.worker)
    window.phrase_panel.open_display()  # the customer sees the numbers of what is done
    window.activateWindow()

    # meter records: search, pick, a reading refused and a reading far too large
    records = window.records_tab
    window.tabs.setCurrentWidget(records)
    type_text(qtbot, records.search, "王")
    qtbot.waitUntil(lambda: records.model.rowCount() > 0)
    sweep.look("search results")
    qtbot.keyClick(records.search, Qt.Key.Key_Down)
    qtbot.keyClick(records.results, ENTER)
    qtbot.waitUntil(lambda: records.panel.view is not None)
    sweep.look("account")
    records.panel.focus_reading_form()
    form = records.panel.reading_form
    qtbot.keyClicks(form.value, "0")
    qtbot.keyClick(form.value, ENTER)
    qtbot.waitUntil(lambda: bool(form.message.text()))
    sweep.look("reading refused")
    form.value.clear()
    qtbot.keyClicks(form.value, "9999999")
    qtbot.keyClick(form.value, ENTER)
    qtbot.waitUntil(lambda: form.confirm.isVisible())
    sweep.look("reading implausible")
    qtbot.keyClick(form.confirm_button, Qt.Key.Key_Escape)
    records.panel.open_statement()
    statement = records.panel.findChild(QWidget, "statementDialog")
    qtbot.waitUntil(lambda: statement.isVisible())
    sweep.look("statement dialog")
    qtbot.mouseClick(statement.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: statement.preview.document.pageCount() > 0)
    sweep.look("statement made")
    statement.close()
    records.panel.tabs.setCurrentIndex(1)
    records.panel.reprint_selected()  # nothing chosen yet
    sweep.look("reprint refused")
    records.panel.payments_table.selectRow(0)
    records.panel.reprint_selected()
    qtbot.waitUntil(lambda: records.panel.findChild(QWidget, "receiptCopyDialog") is not None)
    sweep.look("receipt copy")
    records.panel.findChild(QWidget, "receiptCopyDialog").close()

    # business forms: a consultation and a complaint received, their copies, the pages
    forms = window.forms_tab
    window.tabs.setCurrentWidget(forms)
    for kind in ("consultation", "complaint"):
        view = forms.entry.select_kind(kind)
        for field in view.fields.values():
            if isinstance(field, LongTextField):
                field.set_value("燃气费怎么交")
            elif isinstance(field, ChoiceField):
                field.set_value(field.spec.choices[0])
        forms.entry.submit()
        qtbot.waitUntil(lambda: forms.preview is not None and forms.preview.isVisible())
        sweep.look(f"{kind} received")
        forms.preview.close()
    for page in (forms.open_forms, forms.complaints, forms.outages, forms.appointments):
        forms.pages.setCurrentWidget(page)
        sweep.look(f"forms page {type(page).__name__}")
    forms.pages.setCurrentWidget(forms.open_forms)
    forms.open_forms.table.selectRow(0)
    sweep.look("form history")
    forms.open_forms.advance()
    sweep.look("form advanced")
    forms.pages.setCurrentWidget(forms.complaints)
    forms.complaints.table.selectRow(0)
    forms.complaints.escalate()  # no reason given
    sweep.look("escalation refused")
    forms.pages.setCurrentWidget(forms.outages)
    forms.outages.register(False)  # no street: refused
    sweep.look("outage refused")
    type_text(qtbot, forms.outages.street, "萌山路")
    day = forms.outages.starts.dateTime().date()
    from PySide6.QtCore import QDateTime, QTime

    forms.outages.starts.setDateTime(QDateTime(day.addDays(1), QTime(11, 30)))  # lunch peak
    forms.outages.restores.setDateTime(QDateTime(day.addDays(1), QTime(14, 0)))
    type_text(qtbot, forms.outages.reason, "管道维修")
    forms.outages.register(False)
    qtbot.waitUntil(lambda: forms.outages.peak_box is not None)
    sweep.look("outage in the cooking peak: Qt's message box")
    forms.outages.peak_box.reject()
    forms.outages.starts.setDateTime(QDateTime(day.addDays(1), QTime(14, 0)))
    forms.outages.restores.setDateTime(QDateTime(day.addDays(1), QTime(16, 0)))
    forms.outages.register(False)
    qtbot.waitUntil(lambda: forms.outages.model.rowCount() > 0)
    sweep.look("outage registered")
    type_text(qtbot, forms.outages.check, "萌山路")
    qtbot.keyClick(forms.outages.check, ENTER)
    sweep.look("address checked")
    forms.pages.setCurrentWidget(forms.visits)
    forms.visits.record()
    sweep.look("return visits")

    # the screen lock
    window.idle_lock.lock()
    sweep.look("locked")
    qtbot.keyClicks(window.idle_lock.panel.password, "wrong")
    window.idle_lock.submit()
    qtbot.waitUntil(lambda: bool(window.idle_lock.panel.error.text()))
    sweep.look("unlock refused")
    window.idle_lock.panel.password.clear()
    qtbot.keyClicks(window.idle_lock.panel.password, DEMO_PASSWORD)
    window.idle_lock.submit()
    qtbot.waitUntil(lambda: not window.idle_lock.is_locked)
    sweep.check()
