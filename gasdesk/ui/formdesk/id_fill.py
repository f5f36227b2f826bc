"""Filling a form from the customer's ID card (二代身份证): F7 reads the card on the
reader; a card placed on the reader (its own "card placed" event, asked a few times
a second) fills the form on screen by itself. Only the forms below take an ID card,
and only the fields that mean what the card says: the new holder of a 过户, the
holder of 开户 and 信息变更; a 开户's supply address starts as the card's address
(the 户籍 address, often the same home) and is checked with the customer. A supply
address of an existing account is never overwritten. The fields stay editable:
typing always works, with or without a reader. The ID number is checked as a typed
one is (check digit, birth date): a bad number read from a card is shown at once and
refused at submission like any other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from gasdesk.domain.form_fields import validate_idcard
from gasdesk.domain.idcard import IdCardData
from gasdesk.ui.context import AppContext
from gasdesk.ui.devices import devices_of
from gasdesk.ui.form_widgets import FormView
from gasdesk.ui.messages import user_text

READ_KEY = "F7"
POLL_MS = 400
# form kind -> {field: what of the card fills it}
ID_FIELDS: dict[str, dict[str, str]] = {
    "open_account": {"name": "name", "id_card": "id_number", "address": "address"},
    "transfer": {"new_name": "name", "new_id_card": "id_number"},
    "info_change": {"name": "name", "id_card": "id_number"},
}


class IdCardFill(QObject):
    """Attached to the new-form page (`page.current_view()`, `page.result`)."""

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        shortcut = QShortcut(QKeySequence(READ_KEY), page)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.read_now)
        self._problem = ""
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _view(self) -> FormView | None:
        view = getattr(self.page, "current_view", lambda: None)()
        return view if isinstance(view, FormView) else None

    def takes_id_card(self) -> bool:
        view = self._view()
        return view is not None and view.spec.kind in ID_FIELDS

    def poll(self) -> None:
        """The reader's "card placed" event, while a form that takes it is on screen."""
        if not self.page.isVisible() or not self.takes_id_card():
            return
        try:
            card = devices_of(self.ctx).id_reader.poll()
        except Exception as exc:  # a driver's failure: said once, the form still types
            if str(exc) != self._problem:
                self._problem = str(exc)
                self._say(user_text(exc), error=True)
            return
        self._problem = ""
        if card is not None:
            self.fill(card)

    def read_now(self) -> None:
        if not self.takes_id_card():
            self._say(self.tr("This form takes no ID card."), error=True)
            return
        self.ctx.worker.submit(
            devices_of(self.ctx).id_reader.read,
            on_done=self.fill,
            on_error=lambda exc: self._say(user_text(exc), error=True),
        )

    def fill(self, card: IdCardData) -> None:
        view = self._view()
        if view is None or view.spec.kind not in ID_FIELDS:
            return
        source = {"name": card.name, "id_number": card.id_number, "address": card.address}
        filled = []
        for name, what in ID_FIELDS[view.spec.kind].items():
            widget = view.fields.get(name)
            if widget is not None and source[what]:
                widget.set_value(source[what])
                filled.append(name)
        number_field = next(
            (n for n, w in ID_FIELDS[view.spec.kind].items() if w == "id_number"), ""
        )
        _value, problem = validate_idcard(card.id_number)
        if problem is not None and number_field:
            view.show_errors({number_field: problem})
            self._say(
                self.tr(
                    "The ID number read from the card ({number}) is not valid; check the "
                    "card and type the number."
                ).format(number=card.id_number),
                error=True,
            )
            return
        view.show_errors({})
        self._say(
            self.tr("Filled from the ID card of {name}: check it with the customer.").format(
                name=card.name
            ),
            error=False,
        )

    def _say(self, text: str, *, error: bool) -> None:
        result = getattr(self.page, "result", None)
        if result is None:
            return
        result.setText(text)
        result.setStyleSheet("color: #b00020;" if error else "color: #1a5276;")
