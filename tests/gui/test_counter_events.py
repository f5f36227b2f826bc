"""CounterEvents: a listener subscribes to a type and hears every event of it, the most
specific kind first; a widget that is gone hears nothing; a kind is never an event."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from gasdesk.domain.events import (
    CashMoved,
    Committed,
    CounterEvent,
    DataChanged,
    DrawerChanged,
    Farewell,
    FormCommitted,
    PaymentCommitted,
    PaymentsChanged,
    VoidCommitted,
    WorkDone,
)
from gasdesk.ui.context import CounterEvents

PAID = PaymentCommitted("MS-2026-000001", 1, amount_fen=168_00, change_fen=32_00)
VOID = VoidCommitted("MS-2026-000002", 2)
FORM = FormCommitted(3, "MS-ZX-20261120-001")


def test_a_listener_hears_the_events_of_its_kind_and_no_other(qapp) -> None:  # type: ignore[no-untyped-def]
    events = CounterEvents()
    payments: list[PaymentsChanged] = []
    committed: list[Committed] = []
    farewells: list[Farewell] = []
    events.subscribe(PaymentsChanged, payments.append)
    events.subscribe(Committed, committed.append)
    events.subscribe(Farewell, farewells.append)
    for event in (PAID, FORM, VOID, Farewell(), CashMoved(1, "in", 100)):
        events.publish(event)
    assert payments == [PAID, VOID]
    assert committed == [PAID, FORM, VOID]
    assert farewells == [Farewell()]
    events.deleteLater()


def test_the_most_specific_kind_hears_first(qapp) -> None:  # type: ignore[no-untyped-def]
    events = CounterEvents()
    order: list[str] = []
    for kind in (CounterEvent, WorkDone, DataChanged, DrawerChanged, CashMoved):
        events.subscribe(kind, lambda _e, name=kind.__name__: order.append(name))
    events.publish(CashMoved(1, "out", 50_00))
    assert order == ["CashMoved", "DrawerChanged", "DataChanged", "WorkDone", "CounterEvent"]
    events.deleteLater()


class Listener(QWidget):
    def __init__(self, events: CounterEvents) -> None:
        super().__init__()
        self.heard: list[Committed] = []
        events.subscribe(Committed, self.committed)

    def committed(self, event: Committed) -> None:
        self.heard.append(event)
        self.setToolTip(type(event).__name__)  # a deleted widget would raise here


def test_a_widget_that_is_gone_hears_nothing(qapp) -> None:  # type: ignore[no-untyped-def]
    events = CounterEvents()
    gone, stays = Listener(events), Listener(events)
    events.publish(PAID)
    gone.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    events.publish(FORM)
    assert gone.heard == [PAID]  # no call into the deleted widget
    assert stays.heard == [PAID, FORM]
    stays.deleteLater()
    events.deleteLater()


@pytest.mark.parametrize("kind", [Committed, WorkDone, DataChanged, PaymentsChanged, CounterEvent])
def test_a_kind_is_never_published(qapp, kind: type[CounterEvent]) -> None:  # type: ignore[no-untyped-def]
    events = CounterEvents()
    heard: list[CounterEvent] = []
    events.subscribe(CounterEvent, heard.append)
    with pytest.raises(TypeError, match="kind of event"):
        events.publish(kind())
    assert heard == []
    events.deleteLater()
