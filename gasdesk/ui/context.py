"""What every tab and panel shares: the session, the worker, the customer being
served, and the counter's events (the courtesy-phrase panel, the customer display,
the visit tracker and the views of records follow them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, is_dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gasdesk.domain.events import CounterEvent, CustomerSelected
from gasdesk.domain.records import AccountSummary, LoginSession
from gasdesk.settings import Settings
from gasdesk.ui.worker import DbWorker

E = TypeVar("E", bound=CounterEvent)


class _Channel(QObject):
    """The subscribers of one kind of event."""

    fired = Signal(object)


class CounterEvents(QObject):
    """What happens at the counter, as typed events (gasdesk.domain.events).

    An operation announces its completion where it completes, never a widget that
    watches: `publish(PaymentCommitted(...))`. A listener subscribes to a type and hears
    every event of it, subclasses included: `subscribe(PaymentsChanged, self.reload)`
    hears payments and voids, `subscribe(Committed, ...)` every business recorded.
    Handlers run on the GUI thread, most specific kind first; a handler that is a
    method of a QObject is dropped when that object is destroyed.

    customer_changed(AccountSummary | None) is the customer being served, emitted by
    AppContext.set_customer and when the same customer's account is loaded again.
    """

    customer_changed = Signal(object)  # AccountSummary | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._channels: dict[type[CounterEvent], _Channel] = {}

    def subscribe(self, kind: type[E], handler: Callable[[E], None]) -> None:
        """Call `handler(event)` for every event that is a `kind`."""
        channel = self._channels.get(kind)
        if channel is None:
            channel = self._channels[kind] = _Channel(self)
        channel.fired.connect(handler)

    def publish(self, event: CounterEvent) -> None:
        if not is_dataclass(event):
            raise TypeError(f"{type(event).__name__} is a kind of event, not an event")
        for kind in type(event).__mro__:
            channel = self._channels.get(kind)
            if channel is not None:
                channel.fired.emit(event)


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
            self.events.publish(CustomerSelected(customer.id, customer.name))

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
