"""New form: pick a kind, fill the form built from its definition, submit, print."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.events import FormCommitted, Refused
from gasdesk.domain.form_records import SubmitResult
from gasdesk.domain.form_spec import FormCatalog, FormSpec
from gasdesk.domain.workdays import UnknownYearError
from gasdesk.printing.forms import render_form_pdf
from gasdesk.services.appointments import free_slots
from gasdesk.services.form_copies import printable_form, printed_before
from gasdesk.services.form_settings import appointment_config, service_phone
from gasdesk.services.forms import FormRejected, submit_form
from gasdesk.ui.context import AppContext
from gasdesk.ui.form_widgets import FormView, TimeslotField
from gasdesk.ui.formdesk.common import clock, error_text, use_english
from gasdesk.ui.formdesk.id_fill import IdCardFill


def render_copy(form_id: int) -> bytes:
    """Runs on the worker: the customer's copy as PDF bytes, marked 重印 when it was
    printed before (the preview shows what will be printed)."""
    return render_form_pdf(printable_form(form_id, copy=printed_before(form_id)))


class EntryPage(QWidget):
    submitted = Signal(object)  # SubmitResult
    copy_ready = Signal(int, bytes, str)  # form id, pdf, title

    def __init__(
        self, ctx: AppContext, catalog: FormCatalog, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.catalog = catalog
        self.english = use_english(ctx)
        self.views: dict[str, FormView] = {}
        self.busy = False
        slots = [s.code for s in appointment_config().slots]
        self._slots = slots

        self.kinds = QListWidget()
        self.kinds.setObjectName("formKinds")
        self.kinds.setMaximumWidth(230)
        for spec in catalog.forms:
            item = QListWidgetItem(spec.display_title(self.english))
            item.setData(Qt.ItemDataRole.UserRole, spec.kind)
            item.setToolTip(spec.source)
            self.kinds.addItem(item)
        self.kinds.currentRowChanged.connect(self._show_kind)
        self.kinds.itemActivated.connect(lambda _i: self.focus_form())

        self.problems = QLabel()
        self.problems.setObjectName("definitionProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("background: #fff3cd; color: #7a4d00; padding: 6px;")
        if catalog.problems:
            lines = "\n".join(str(p) for p in catalog.problems)
            self.problems.setText(
                self.tr("These form files could not be loaded; the other forms work:")
                + "\n"
                + lines
            )
        else:
            self.problems.hide()

        self.title = QLabel()
        self.title.setObjectName("formTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.stack)

        self.submit_button = QPushButton(self.tr("&Submit (Ctrl+Enter)"))
        self.submit_button.setObjectName("submitForm")
        self.submit_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.clicked.connect(self.clear)
        self.result = QLabel()
        self.result.setObjectName("submitResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.kinds)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(body, 1)

        ctx.events.customer_changed.connect(self._customer_changed)
        self.id_fill = IdCardFill(ctx, self)  # F7 and the reader's own "card placed"
        if catalog.forms:
            self.kinds.setCurrentRow(0)

    # --- choosing a form -------------------------------------------------
    def current_spec(self) -> FormSpec | None:
        item = self.kinds.currentItem()
        return self.catalog.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def current_view(self) -> FormView | None:
        spec = self.current_spec()
        return self.views.get(spec.kind) if spec else None

    def select_kind(self, kind: str) -> FormView:
        for i in range(self.kinds.count()):
            if self.kinds.item(i).data(Qt.ItemDataRole.UserRole) == kind:
                self.kinds.setCurrentRow(i)
                break
        view = self.current_view()
        assert view is not None and view.spec.kind == kind
        return view

    def _show_kind(self, row: int) -> None:
        spec = self.current_spec()
        if spec is None:
            return
        view = self.views.get(spec.kind)
        if view is None:
            view = FormView(spec, english=self.english, slots=self._slots)
            view.setObjectName(f"form_{spec.kind}")
            view.prefill(self.ctx.customer)
            view.timeslot_day_changed.connect(self._fetch_slots)
            view.submit_requested.connect(self.submit)
            for f in spec.fields:
                if f.slot_kind_field:
                    view.fields[f.slot_kind_field].edited.connect(
                        lambda n=f.name, v=view: self._fetch_slots(n, None, v)
                    )
            self.views[spec.kind] = view
            self.stack.addWidget(view)
            for f in spec.timeslot_fields:
                self._fetch_slots(f.name, None, view)
        self.stack.setCurrentWidget(view)
        self.title.setText(
            spec.display_title(self.english)
            + (f" — {spec.description}" if spec.description else "")
        )
        self.result.clear()

    def focus_form(self) -> None:
        view = self.current_view()
        if view is not None:
            view.focus_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter submits, Esc goes back to the list of forms (events the fields pass up)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.back_to_kinds()
        else:
            super().keyPressEvent(event)

    def back_to_kinds(self) -> None:
        self.kinds.setFocus()

    def _customer_changed(self, customer: object) -> None:
        for view in self.views.values():
            view.reset(self.ctx.customer)

    # --- time slots --------------------------------------------------------
    def _fetch_slots(self, name: str, day: dt.date | None, view: FormView | None = None) -> None:
        view = view or self.current_view()
        if view is None:
            return
        widget = view.fields.get(name)
        if not isinstance(widget, TimeslotField):
            return
        f = view.spec.field(name)
        config = appointment_config()
        kind = (
            config.kind(f.slot_kind)
            if f.slot_kind
            else config.kind_by_label(view.fields[f.slot_kind_field or ""].value())
        )
        if kind is None:
            return
        day = day or widget.day()
        self.ctx.worker.submit(
            free_slots,
            kind.code,
            day,
            clock(self.ctx),
            on_done=partial(widget.set_availability, day),
            channel=f"slots-{view.spec.kind}-{name}",
        )

    # --- submitting ----------------------------------------------------------
    def clear(self) -> None:
        view = self.current_view()
        if view is not None:
            view.reset(self.ctx.customer)
            view.focus_first()
        self.result.clear()

    def submit(self) -> None:
        spec, view = self.current_spec(), self.current_view()
        if spec is None or view is None or self.busy:
            return
        self.busy = True
        self.submit_button.setEnabled(False)
        s = self.ctx.session
        self.ctx.worker.submit(
            submit_form,
            spec,
            view.values(),
            staff_id=s.staff.id,
            office_id=s.office.id,
            at=clock(self.ctx),
            on_done=partial(self._submitted, view=view),
            on_error=partial(self._refused, view=view),
        )

    def _copy_rendered(self, form_id: int, title: str, pdf: bytes) -> None:
        self.copy_ready.emit(form_id, pdf, title)

    def _refused(self, exc: BaseException, view: FormView) -> None:
        self.busy = False
        self.submit_button.setEnabled(True)
        if isinstance(exc, FormRejected):
            view.show_errors(exc.errors)
            view.focus_first(exc.errors)
            self.result.setText(self.tr("Some fields need attention; nothing was saved."))
            self.result.setStyleSheet("color: #b00020;")
        else:
            self.result.setText(error_text(exc))
            self.result.setStyleSheet("color: #b00020;")
        self.ctx.events.publish(Refused(self.result.text()))

    def _submitted(self, result: SubmitResult, view: FormView) -> None:
        self.busy = False
        self.submit_button.setEnabled(True)
        view.reset(self.ctx.customer)
        text = self.tr(
            "Form {number} received. Give the customer the service phone {phone}."
        ).format(number=result.form.number, phone=service_phone())
        if result.reply_due:
            terms = (
                self.tr("Estimated: reply due {reply}, result due {result}.")
                if result.unknown_holiday_year is not None
                else self.tr("Reply due {reply}, result due {result}.")
            )
            text += " " + terms.format(
                reply=result.reply_due.isoformat(),
                result=result.result_due.isoformat() if result.result_due else "",
            )
        if result.appointment:
            text += " " + self.tr("Visit booked: {slot}.").format(slot=result.appointment)
        if result.unknown_holiday_year is not None:
            text += "\n⚠ " + error_text(UnknownYearError(result.unknown_holiday_year))
        self.result.setText(text)
        warned = result.unknown_holiday_year is not None
        self.result.setStyleSheet("color: #7a4d00;" if warned else "color: #1a5276;")
        self.ctx.events.publish(
            FormCommitted(form_id=result.form.id, form_number=result.form.number)
        )
        self.submitted.emit(result)
        title = result.form.title
        self.ctx.worker.submit(
            render_copy,
            result.form.id,
            on_done=partial(self._copy_rendered, result.form.id, title),
            on_error=lambda e: self.result.setText(self.result.text() + "\n" + error_text(e)),
        )
