"""Open forms: move a form to its next status, see its history, print its copy.

When the next status runs the form's business effect (开户, 销户 ...), the effect panel
asks for what it needs; the status change and the effect are one transaction, and
`effect_done` hands what the effect did to the tab (the customer bar, the printed
confirmation, a refund's slip, a prepayment for the fee tab)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.form_records import FormEventInfo, FormInfo
from gasdesk.domain.lifecycle import PendingEffect, PreviewLine
from gasdesk.services.auth import LoginError
from gasdesk.services.form_completion import (
    AdvanceResult,
    complete_form,
    pending_effect,
    preview_effect,
)
from gasdesk.services.form_errors import FormRejected
from gasdesk.services.forms import form_history, list_forms
from gasdesk.ui.context import AppContext
from gasdesk.ui.formdesk.common import Names, RowsModel, clock, error_text, fmt_dt, use_english
from gasdesk.ui.formdesk.effect_panel import EffectPanel
from gasdesk.ui.table_view import row_table


class OpenFormsPage(QWidget):
    print_requested = Signal(int, str)  # form id, title
    effect_done = Signal(object)  # EffectDone: what a form's effect did

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names = Names(self)
        english = use_english(ctx)
        self.model = RowsModel(
            [
                self.tr("Number"),
                self.tr("Form"),
                self.tr("Customer"),
                self.tr("Status"),
                self.tr("Received"),
                self.tr("By"),
            ],
            lambda f: [
                f.number,
                f.display_title(english),
                f.customer,
                self.names.status(f.status),
                fmt_dt(f.created_at),
                f.staff_name,
            ],
            parent=self,
        )
        self.table = row_table(self.model, "openForms", single=True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.show_closed = QCheckBox(self.tr("Show closed forms too"))
        self.show_closed.toggled.connect(lambda _on: self.refresh())
        self.note = QLineEdit()
        self.note.setObjectName("advanceNote")
        self.note.setPlaceholderText(self.tr("Note for the history (what was done)"))
        self.note.returnPressed.connect(self.advance)
        self.advance_button = QPushButton(self.tr("Ne&xt status"))
        self.advance_button.setObjectName("advanceForm")
        self.advance_button.clicked.connect(self.advance)
        self.print_button = QPushButton(self.tr("Print cop&y"))
        self.print_button.clicked.connect(self._print)
        self.history = QPlainTextEdit()
        self.history.setObjectName("formHistory")
        self.history.setReadOnly(True)
        self.history.setMaximumHeight(150)
        self.message = QLabel()
        self.message.setObjectName("openFormsMessage")
        self.message.setWordWrap(True)
        self.effect = EffectPanel(ctx)
        self.effect.confirm_requested.connect(self.advance)
        self.effect.values_edited.connect(self._ask_preview)
        self.busy = False

        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.advance_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_closed)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.effect)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history)
        QShortcut(QKeySequence("Ctrl+Right"), self).activated.connect(self.advance)
        ctx.events.customer_changed.connect(self._customer_changed)
        self._update_buttons()

    def _customer_changed(self, _customer: object) -> None:
        if self.isVisible():
            self.refresh(for_customer=True)

    def focus_entry(self) -> None:
        """Where the next keystroke belongs: what the next status's effect asks for, or
        the list of forms."""
        if self.effect.isVisible() and self.effect.wants_input():
            self.effect.focus_first()
        else:
            self.table.setFocus()

    def current(self) -> FormInfo | None:
        return self.model.item(self.table.currentIndex().row())

    def refresh(self, select_id: int | None = None, *, for_customer: bool = False) -> None:
        """Load the list again, keeping the form chosen (`for_customer`: choosing the
        newest open form of the customer in the bar instead)."""
        keep = select_id or (None if for_customer else (f.id if (f := self.current()) else None))
        self.ctx.worker.submit(
            list_forms,
            open_only=not self.show_closed.isChecked(),
            on_done=lambda items: self._loaded(items, keep),
            on_error=self._failed,
            channel="forms-open",
        )

    def _loaded(self, items: list[FormInfo], keep: int | None) -> None:
        self.model.set_rows(items)
        customer = self.ctx.customer.number if self.ctx.customer is not None else None
        rows = [i for i, f in enumerate(items) if f.id == keep]
        # else the newest open form of the customer in the bar, else the newest of all
        rows += [i for i, f in enumerate(items) if customer and f.account_number == customer]
        if rows or items:
            self.table.selectRow(rows[0] if rows else 0)
        self._selected()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def _update_buttons(self) -> None:
        f = self.current()
        nxt = f.next_status if f else None
        self.advance_button.setEnabled(nxt is not None)
        self.advance_button.setText(
            self.tr("Ne&xt status: {status}").format(status=self.names.status(nxt))
            if nxt
            else self.tr("Ne&xt status")
        )
        self.print_button.setEnabled(f is not None)

    def _selected(self) -> None:
        self._update_buttons()
        f = self.current()
        if f is None:
            self.history.clear()
            self.effect.show_pending(None)
            return
        self.ctx.worker.submit(
            form_history, f.id, on_done=self._show_history, channel="forms-history"
        )
        self.ctx.worker.submit(
            pending_effect, f.id, on_done=self._show_pending, channel="forms-effect"
        )

    def _show_pending(self, pending: PendingEffect | None) -> None:
        f = self.current()
        if pending is not None and (f is None or f.id != pending.form_id):
            return  # the teller has moved on to another form
        self.effect.show_pending(pending)
        if pending is not None:
            self._ask_preview()

    def _ask_preview(self) -> None:
        pending = self.effect.pending
        if pending is None:
            return
        self.ctx.worker.submit(
            preview_effect,
            pending.form_id,
            self.effect.values(),
            staff_id=self.ctx.session.staff.id,
            at=clock(self.ctx),
            on_done=self._previewed,
            on_error=self._preview_refused,
            channel="forms-effect-preview",
        )

    def _previewed(self, lines: tuple[PreviewLine, ...]) -> None:
        self.effect.clear_refusal()
        self.effect.show_preview(lines)

    def _preview_refused(self, exc: BaseException) -> None:
        if isinstance(exc, FormRejected):
            return  # the fields are not all there yet: their messages come on confirming
        self.effect.show_preview(())
        self.effect.show_refusal(error_text(exc))

    def _show_history(self, events: list[FormEventInfo]) -> None:
        self.history.setPlainText(
            "\n".join(
                f"{fmt_dt(e.at)}  {e.staff_name}  {self.names.action(e.action)} → {self.names.status(e.status)}"
                + (f"  {e.note}" if e.note else "")
                for e in events
            )
        )

    def advance(self) -> None:
        f = self.current()
        if f is None or f.next_status is None or self.busy:
            return
        pending = self.effect.pending
        if pending is not None and pending.form_id != f.id:
            pending = None
        if pending is not None and not self._in_effect_panel() and self.effect.wants_input():
            self.effect.focus_first()  # first what the effect asks for, then confirm there
            return
        self.busy = True
        self.advance_button.setEnabled(False)
        self.effect.clear_refusal()
        self.ctx.worker.submit(
            complete_form,
            f.id,
            staff_id=self.ctx.session.staff.id,
            note=self.note.text(),
            at=clock(self.ctx),
            completion=self.effect.completion() if pending is not None else None,
            on_done=self._advanced,
            on_error=self._refused,
        )

    def _in_effect_panel(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.effect.isAncestorOf(focus)

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, FormRejected) and self.effect.pending is not None:
            self.effect.show_errors(exc.errors)
            text = self.tr("Some fields need attention; nothing was changed.")
        else:
            text = error_text(exc)
            pending = self.effect.pending
            if pending is not None:
                self.effect.show_refusal(text)
                if pending.supervisor and (
                    isinstance(exc, LoginError) or not self.effect.password.text()
                ):
                    self.effect.refused_credentials()
        self.message.setText(text)
        self.ctx.events.moment.emit("refusal", {"message": text})

    def _advanced(self, result: AdvanceResult) -> None:
        self.busy = False
        f = result.form
        self.note.clear()
        self.message.setText(
            self.tr("{number} is now: {status}").format(
                number=f.number, status=self.names.status(f.status)
            )
        )
        if result.effect is not None:
            self.effect.show_pending(None)
            self.ctx.events.moment.emit("committed", {"form_id": f.id, "form_number": f.number})
            self.effect_done.emit(result.effect)
        self.ctx.events.data_changed.emit("form")
        self.refresh(select_id=f.id)

    def _print(self) -> None:
        f = self.current()
        if f is not None:
            self.print_requested.emit(f.id, f.title)
