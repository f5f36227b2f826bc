"""What the form's next status does to the account, on the Open forms page: the
fields its effect asks for (built from the form file's [[effect_field]] like any
form, prefilled from the customer bar), a supervisor's badge and password where the
effect needs one, and the lines to check with the customer before confirming.

Enter moves from field to field, Ctrl+Enter (or Enter in the last field) confirms.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.form_fields import FieldError
from gasdesk.domain.lifecycle import Completion, PendingEffect, PreviewLine
from gasdesk.ui.context import AppContext
from gasdesk.ui.credentials import badge_field, error_label, password_field
from gasdesk.ui.form_widgets import FormView
from gasdesk.ui.formdesk.common import Names, use_english
from gasdesk.ui.messages import translate


class EffectPanel(QGroupBox):
    confirm_requested = Signal()  # Ctrl+Enter, or Enter in the last field
    values_edited = Signal()  # a field changed: the preview is to be asked again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("effectPanel")
        self.names = Names(self)
        self.pending: PendingEffect | None = None
        self.view: FormView | None = None
        self.key = ""
        self.what = QLabel()
        self.what.setObjectName("effectWhat")
        self.what.setWordWrap(True)
        self.fields_box = QVBoxLayout()
        self.badge = badge_field("effectSupervisorBadge")
        self.password = password_field("effectSupervisorPassword")
        self.badge.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.confirm_requested.emit)
        self.supervisor = QWidget()
        sup = QFormLayout(self.supervisor)
        sup.setContentsMargins(0, 0, 0, 0)
        sup.addRow(self.tr("Supervisor badge:"), self.badge)
        sup.addRow(self.tr("Password:"), self.password)
        self.preview = QLabel()
        self.preview.setObjectName("effectPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label("effectError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(self.fields_box)
        layout.addWidget(self.preview)
        layout.addWidget(self.supervisor)
        layout.addWidget(self.error)
        self.hide()

    # --- what the next status does --------------------------------------------------
    def show_pending(self, pending: PendingEffect | None) -> None:
        """Build the panel for `pending` (a new idempotency key each time a form's
        effect is shown), or hide it."""
        same = (
            pending is not None
            and self.pending is not None
            and (pending.form_id, pending.effect) == (self.pending.form_id, self.pending.effect)
        )
        self.pending = pending
        if same:
            return
        if self.view is not None:
            self.view.setParent(None)
            self.view.deleteLater()
            self.view = None
        self.error.clear()
        self.preview.clear()
        self.password.clear()
        self.badge.clear()
        if pending is None:
            self.hide()
            return
        self.key = uuid.uuid4().hex
        self.setTitle(
            self.tr("{status} does this to the account: {effect}").format(
                status=self.names.status(pending.status), effect=self.names.effect(pending.effect)
            )
        )
        self.what.setText(self.names.effect_hint(pending.effect))
        if pending.fields.fields:
            view = FormView(pending.fields, english=use_english(self.ctx), slots=[])
            view.setObjectName("effectFields")
            view.prefill(self.ctx.customer)
            view.submit_requested.connect(self.confirm_requested.emit)
            for w in view.fields.values():
                w.edited.connect(self.values_edited.emit)
            self.fields_box.addWidget(view)
            self.view = view
        self.supervisor.setVisible(pending.supervisor)
        self.show()

    def focus_first(self) -> None:
        if self.view is not None and any(not w.value() for w in self.view.fields.values()):
            self.view.focus_first()
        elif self.pending is not None and self.pending.supervisor:
            (self.password if self.badge.text().strip() else self.badge).setFocus()
        elif self.view is not None:
            self.view.focus_first()

    def wants_input(self) -> bool:
        """Something to type before confirming: an empty field, or the supervisor."""
        empty = self.view is not None and not all(self.values().values())
        unsigned = self.pending is not None and self.pending.supervisor and not self.password.text()
        return empty or unsigned

    def values(self) -> dict[str, str]:
        return self.view.values() if self.view is not None else {}

    def completion(self) -> Completion:
        return Completion(
            values=self.values(),
            counter_id=self.ctx.session.counter.id,
            supervisor_badge=self.badge.text(),
            supervisor_password=self.password.text(),
            idempotency_key=self.key,
        )

    # --- answers --------------------------------------------------------------------
    def show_errors(self, errors: dict[str, FieldError]) -> None:
        if self.view is not None:
            self.view.show_errors(errors)
            self.view.focus_first(errors)

    def show_preview(self, lines: tuple[PreviewLine, ...]) -> None:
        self.preview.setStyleSheet("color: #1a5276;")
        self.preview.setText("\n".join(f"{translate(x.label)}：{x.value}" for x in lines))

    def show_refusal(self, text: str) -> None:
        self.error.setText(text)

    def clear_refusal(self) -> None:
        self.error.clear()

    def refused_credentials(self) -> None:
        self.password.clear()
        (self.password if self.badge.text().strip() else self.badge).setFocus()
