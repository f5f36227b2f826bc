"""The Business forms tab: new forms, open forms, complaints, outages, appointments and
return visits. `badge_changed(int)` carries the number of overdue complaints for the
main window's tab badge."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gasdesk.domain.events import FormCopyPrinted, FormsChanged, OutagesChanged
from gasdesk.domain.form_spec import FormCatalog
from gasdesk.services.form_copies import record_print
from gasdesk.services.form_settings import load_forms, service_phone
from gasdesk.ui.context import AppContext
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

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.catalog: FormCatalog = load_forms(ctx.extras.get(FORMS_DIR_KEY))
        self.preview: FormPreviewDialog | None = None
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
        if self.pages.currentWidget() is self.entry:
            self.entry.focus_form()
            return
        focus_first_field(self.pages.currentWidget())

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

    def show_copy(self, form_id: int, pdf: bytes, title: str) -> None:
        if self.preview is not None:
            self.preview.close()
        hint = self.tr("Give the customer this copy and the service phone {phone}.").format(
            phone=service_phone()
        )
        dialog = FormPreviewDialog(
            pdf, title, hint, self, settings=self.ctx.settings, file_name=f"form-{form_id}.pdf"
        )
        dialog.printed.connect(lambda: self._printed(form_id))
        dialog.finished.connect(lambda _r: self._preview_closed(dialog))
        self.preview = dialog
        dialog.open()

    def _preview_closed(self, dialog: FormPreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.deleteLater()

    def _printed(self, form_id: int) -> None:
        self.ctx.worker.submit(
            record_print,
            form_id,
            staff_id=self.ctx.session.staff.id,
            at=clock(self.ctx),
            on_done=lambda reprint: self.ctx.events.publish(FormCopyPrinted(form_id, reprint)),
        )
