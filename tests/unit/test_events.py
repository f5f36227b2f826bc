"""The counter's events: what each one means to a listener, and a read-back that
cannot carry a wrong amount."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from gasdesk.domain import events as ev
from gasdesk.domain.fees import ReceiptInfo
from gasdesk.domain.readback import read_back


def receipt(code: str, payment_id: int, amount_fen: int, change_fen: int) -> ReceiptInfo:
    return ReceiptInfo(
        receipt_id=1,
        code=code,
        payment_id=payment_id,
        kind="bill",
        method="cash",
        amount_fen=amount_fen,
        tendered_fen=amount_fen + change_fen,
        change_fen=change_fen,
        volume_l=0,
        account_number="31000001",
        account_name="王秀英",
        issued_at=dt.datetime(2026, 11, 20, 9, 30),
        business_date=dt.date(2026, 11, 20),
    )


def test_the_customers_business_recorded_is_committed_and_changes_its_records() -> None:
    paid = ev.PaymentCommitted.of(receipt("MS-2026-000123", 7, 168_00, 32_00))
    assert paid == ev.PaymentCommitted("MS-2026-000123", 7, amount_fen=168_00, change_fen=32_00)
    voided = ev.VoidCommitted.of(receipt("MS-2026-000124", 8, -168_00, 0))
    assert voided == ev.VoidCommitted("MS-2026-000124", 8)
    for event, changes in (
        (paid, ev.PaymentsChanged),
        (voided, ev.PaymentsChanged),
        (ev.FormCommitted(3, "MS-ZX-20261120-001"), ev.FormsChanged),
        (ev.ReadingRecorded(reading_id=4, account_id=5), ev.ReadingsChanged),
    ):
        assert isinstance(event, ev.Committed) and isinstance(event, changes)
        assert not isinstance(event, ev.WorkDone)  # the customer has something to rate


def test_the_drawers_work_is_done_work_and_no_business_of_the_customer() -> None:
    for event in (
        ev.ShiftOpened(1),
        ev.CashMoved(1, "out", 100_00),
        ev.DrawerCounted(1),
        ev.DifferenceRecorded(1, "cash"),
        ev.ShiftClosed(1),
    ):
        assert isinstance(event, ev.DrawerChanged)
        assert isinstance(event, ev.WorkDone) and isinstance(event, ev.DataChanged)
        assert not isinstance(event, ev.Committed)


def test_moments_change_no_records() -> None:
    for event in (
        ev.CustomerSelected(1, "王秀英"),
        ev.ReadBackShown(100, 100, 0),
        ev.ReadBackCancelled(),
        ev.Refused("该账户已停用"),
        ev.Farewell(),
    ):
        assert not isinstance(event, ev.DataChanged | ev.Committed | ev.WorkDone)


def test_only_dataclasses_are_events_and_none_can_be_changed() -> None:
    kinds = (ev.Committed, ev.WorkDone, ev.DataChanged, ev.DrawerChanged, ev.PaymentsChanged)
    assert not any(dataclasses.is_dataclass(k) for k in kinds)
    event = ev.FormCommitted(3, "MS-ZX-20261120-001")
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.form_number = "x"  # type: ignore[misc]


def test_a_read_back_is_announced_with_its_own_amounts() -> None:
    rb = read_back(due_fen=128_50, method="cash", tendered_fen=200_00)
    assert ev.ReadBackShown.of(rb) == ev.ReadBackShown(128_50, 200_00, 71_50, "cash")
    rb = read_back(due_fen=66_00, method="wechat", reference="4200001234567890")
    assert ev.ReadBackShown.of(rb) == ev.ReadBackShown(66_00, 66_00, 0, "wechat")


@pytest.mark.parametrize(
    ("due", "received", "change", "error"),
    [
        (128.5, 200, 71.5, TypeError),  # yuan as a float, not fen
        (True, 1, 0, TypeError),
        ("100", 100, 0, TypeError),
        (100, 200, 50, ValueError),  # the change is not what was received less what is due
        (100, 50, -50, ValueError),  # short
        (-100, 0, 100, ValueError),
    ],
)
def test_a_read_back_with_wrong_amounts_is_refused_where_it_is_made(
    due: object, received: object, change: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        ev.ReadBackShown(due, received, change)  # type: ignore[arg-type]
