"""The Business forms tab: new forms, open forms, complaints, outages, appointments and
return visits. `badge_changed(int)` carries the number of overdue complaints for the
main window's tab badge."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gasdesk import settings
from gasdesk.domain.events import AccountChanged, FormCopyPrinted, FormsChanged, OutagesChanged
from gasdesk.domain.form_spec import FormCatalog
from gasdesk.domain.lifecycle import EffectDone
from gasdesk.domain.records import AccountSummary
from gasdesk.services import accounts
from gasdesk.services.effect_copies import confirmation_pdf, record_confirmation_print
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_copies import record_print
from gasdesk.services.form_settings import service_phone
from gasdesk.services.receipts import receipt_pdf
from gasdesk.ui.context import AppContext
from gasdesk.ui.fees.receipt_dialog import ReceiptDialog
from gasdesk.ui.focus import focus_first_field
from gasdesk.ui.form_preview import FormPreviewDialog
from gasdesk.ui.formdesk.appointments import AppointmentsPage
from gasdesk.ui.formdesk.common import clock
from gasdesk.ui.formdesk.complaints import ComplaintsPage
from gasdesk.ui.formdesk.entry import EntryPage, render_copy
from gasdesk.ui.formdesk.open_forms import OpenFormsPage
from gasdesk.ui.formdesk.outages import OutagesPage
from gasdesk.ui.formdesk.visits import VisitsPage

FORMS_DIR_KEY = "forms_dir"  # ctx.extras: another folder of form definitions (tests, trials)
REFRESH_MS = 10 * 60 * 1000  # overdue complaints change with the date as well as with data


class FormsTab(QWidget):
    badge_changed = Signal(int)
    # a form's effect opened an account with a prepayment to take: the fee tab takes it
    collect_requested = Signal(object, int)  # AccountSummary, prepayment in fen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.catalog: FormCatalog = load_forms(ctx.extras.get(FORMS_DIR_KEY))
        self.preview: FormPreviewDialog | None = None
        self.receipt: ReceiptDialog | None = None
        self.after_effect: list[Callable[[], None]] = []  # documents, then the fee tab
        self.overdue = 0
        self.entry = EntryPage(ctx, self.catalog)
        self.open_forms = OpenFormsPage(ctx)
        self.complaints = ComplaintsPage(ctx)
        self.outages = OutagesPage(ctx)
        self.appointments = AppointmentsPage(ctx)
        self.visits = VisitsPage(ctx)
        self.pages = QTabWidget()
        self.pages.setObjectName("formsPages")
        self.pages.addTab(self.entry, self.tr("&New form"))
        self.pages.addTab(self.open_forms, self.tr("Open &forms"))
        self.pages.addTab(self.complaints, self.tr("Com&plaints"))
        self.pages.addTab(self.outages, self.tr("Ou&tages"))
        self.pages.addTab(self.appointments, self.tr("&Appointments"))
        self.pages.addTab(self.visits, self.tr("&Return visits"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

        self.entry.copy_ready.connect(self.show_copy)
        self.open_forms.print_requested.connect(self.print_copy)
        self.open_forms.effect_done.connect(self.effect_done)
        self.complaints.overdue_changed.connect(self._overdue)
        self.pages.currentChanged.connect(lambda _i: self.refresh_current())
        ctx.events.subscribe(FormsChanged, self._forms_changed)
        ctx.events.subscribe(OutagesChanged, self._forms_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.complaints.refresh)
        self._timer.start()
        self.complaints.refresh()

    def focus_entry(self) -> None:
        """Into the form on screen (from the customer bar): the new form's first empty
        field, or the first field of the page shown."""
        page = self.pages.currentWidget()
        if page is self.entry:
            self.entry.focus_form()
            return
        enter = getattr(page, "focus_entry", None)
        if callable(enter):
            enter()
            return
        focus_first_field(page)

    def refresh_current(self) -> None:
        page = self.pages.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _forms_changed(self, _event: FormsChanged | OutagesChanged) -> None:
        self.complaints.refresh()
        if self.pages.currentWidget() is not self.complaints:
            self.refresh_current()

    def _overdue(self, n: int) -> None:
        label = self.tr("Com&plaints") + (f" ({n})" if n else "")
        self.pages.setTabText(self.pages.indexOf(self.complaints), label)
        if n != self.overdue:
            self.overdue = n
            self.badge_changed.emit(n)

    def print_copy(self, form_id: int, title: str) -> None:
        self.ctx.worker.submit(
            render_copy, form_id, on_done=lambda pdf: self.show_copy(form_id, pdf, title)
        )

    def show_copy(
        self, form_id: int, pdf: bytes, title: str, *, confirmation: bool = False
    ) -> None:
        old, self.preview = self.preview, None
        if old is not None:
            old.close()  # replaced: closing it moves nothing on
        hint = self.tr("Give the customer this copy and the service phone {phone}.").format(
            phone=service_phone()
        )
        name = f"{'confirmation' if confirmation else 'form'}-{form_id}.pdf"
        dialog = FormPreviewDialog(
            pdf, title, hint, self, settings=self.ctx.settings, file_name=name
        )
        if confirmation:
            dialog.printed.connect(lambda: self._confirmation_printed(form_id))
        else:
            dialog.printed.connect(lambda: self._printed(form_id))
        dialog.finished.connect(lambda _r: self._preview_closed(dialog))
        self.preview = dialog
        dialog.open()

    def _preview_closed(self, dialog: FormPreviewDialog) -> None:
        current = self.preview is dialog
        if current:
            self.preview = None
        dialog.deleteLater()
        if current:
            self._next_step()  # the teller closed it: what the effect did next
            QTimer.singleShot(0, self._return_keyboard)  # once the dialog's window has gone

    def _confirmation_printed(self, form_id: int) -> None:
        self.ctx.worker.submit(
            record_confirmation_print,
            form_id,
            staff_id=self.ctx.session.staff.id,
            at=clock(self.ctx),
            on_done=lambda reprint: self.ctx.events.publish(FormCopyPrinted(form_id, reprint)),
        )

    # --- what a form's effect did ------------------------------------------------------
    def effect_done(self, done: EffectDone) -> None:
        """The customer bar shows the account as it is now; then, one after the other,
        the refund's slip (money first), the printed confirmation, and the fee tab for
        a prepayment taken with a new account."""
        self.ctx.worker.submit(accounts.get_account, done.account_id, on_done=self._fresh_customer)
        self.ctx.events.publish(AccountChanged(done.account_id))  # may pay bills or refund
        steps: list[Callable[[], None]] = []
        if done.receipt_id is not None:
            steps.append(lambda: self._show_slip(done))
        steps.append(lambda: self._show_confirmation(done))
        if done.collect_prepay_fen > 0:
            steps.append(lambda: self._hand_over(done))
        self.after_effect = steps
        self._next_step()

    def _next_step(self) -> None:
        if self.after_effect:
            self.after_effect.pop(0)()

    def _fresh_customer(self, account: AccountSummary | None) -> None:
        if account is None:
            return
        if self.ctx.customer is not None and self.ctx.customer.id == account.id:
            self.ctx.customer = account
            self.ctx.events.customer_changed.emit(account)  # the same customer, as now
        else:
            self.ctx.set_customer(account)  # a new account: the customer being served

    def _show_slip(self, done: EffectDone) -> None:
        assert done.receipt_id is not None
        layout = self.ctx.settings.get(settings.RECEIPT_LAYOUT)
        self.ctx.worker.submit(
            receipt_pdf,
            done.receipt_id,
            layout,
            on_done=lambda pdf: self._slip_ready(done, bytes(pdf)),
            on_error=lambda _e: self._next_step(),
        )

    def _slip_ready(self, done: EffectDone, pdf: bytes) -> None:
        assert done.receipt_id is not None
        dialog = ReceiptDialog(
            self.ctx, done.receipt_id, done.receipt_code, pdf, auto_print=True, parent=self
        )
        dialog.finished.connect(lambda _r: self._slip_closed(dialog))
        self.receipt = dialog
        dialog.open()

    def _slip_closed(self, dialog: ReceiptDialog) -> None:
        if self.receipt is dialog:
            self.receipt = None
        dialog.deleteLater()
        self._next_step()
        QTimer.singleShot(0, self._return_keyboard)

    def _return_keyboard(self) -> None:
        """After a preview: the keyboard back in the counter window, where it was."""
        if self.preview is not None or self.receipt is not None or not self.isVisible():
            return
        self.window().activateWindow()
        self.focus_entry()

    def _show_confirmation(self, done: EffectDone) -> None:
        form_id = done.form_id
        self.ctx.worker.submit(
            confirmation_pdf,
            form_id,
            on_done=lambda pdf: self.show_copy(
                form_id, bytes(pdf), done.confirmation.title, confirmation=True
            ),
            on_error=lambda _e: self._next_step(),
        )

    def _hand_over(self, done: EffectDone) -> None:
        def go(account: AccountSummary | None) -> None:
            if account is not None:
                self.collect_requested.emit(account, done.collect_prepay_fen)

        self.ctx.worker.submit(accounts.get_account, done.account_id, on_done=go)

    def _printed(self, form_id: int) -> None:
        self.ctx.worker.submit(
            record_print,
            form_id,
            staff_id=self.ctx.session.staff.id,
            at=clock(self.ctx),
            on_done=lambda reprint: self.ctx.events.publish(FormCopyPrinted(form_id, reprint)),
        )
