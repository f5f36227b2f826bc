"""What every tab and panel shares: the session, the worker, the customer being
served, and the counter's events (the courtesy-phrase panel and the customer display
listen to them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gasdesk.domain.records import AccountSummary, LoginSession
from gasdesk.settings import Settings
from gasdesk.ui.worker import DbWorker


class CounterEvents(QObject):
    """Signals that describe what is happening at the counter.

    moment(name, params): a point in the service where the teller says something:
      'customer_selected', 'waiting', 'readback' (params: due_fen, received_fen,
      change_fen), 'committed' (the customer's business is recorded; params: receipt
      for a payment or a void, form_id and form_number for a form, reading_id for a
      reported reading), 'refusal' (params: message), 'thanks', 'farewell'.
      Two moments have nothing to say and end what came before them:
      'readback_cancelled' (Esc at the read-back: nothing was recorded, its amounts
      are gone) and 'done' (the teller's own work, such as a shift or a count, is
      finished: a refusal shown before is over).
    Each is emitted where the operation completes, never by a widget that watches.
    """

    moment = Signal(str, dict)
    customer_changed = Signal(object)  # AccountSummary | None
    data_changed = Signal(str)  # what changed: 'payment', 'reading', 'form', 'shift', ...


@dataclass
class AppContext:
    session: LoginSession
    worker: DbWorker
    settings: Settings
    events: CounterEvents = field(default_factory=CounterEvents)
    customer: AccountSummary | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    def set_customer(self, customer: AccountSummary | None) -> None:
        self.customer = customer
        self.events.customer_changed.emit(customer)
        if customer is not None:
            self.events.moment.emit("customer_selected", {"name": customer.name})

    def close(self) -> None:
        """At log-out: close and release what this login made beside its window (the
        customer display, the visit tracker) and its events; the context is not used
        again afterwards."""
        for key, value in list(self.extras.items()):
            if not isinstance(value, QObject):
                continue
            del self.extras[key]
            if not shiboken6.isValid(value):
                continue
            if isinstance(value, QWidget):
                value.close()
            value.deleteLater()
        if shiboken6.isValid(self.events):
            self.events.deleteLater()
