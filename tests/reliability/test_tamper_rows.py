"""Issue items 1 and 2, as they were seen: with every trigger dropped, a payment's
method (also on a closed day), account, business date, tendered or change amount is
changed, a receipt row deleted, a bill's settlements deleted, a prepaid balance
edited; a closed day is reopened and paid into again, or its closure's totals edited.
`verify` names each, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gasdesk.services.shifts import pay_in
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Account, Payment, db
from tests import fees_support, pg_support
from tests.fees_support import TODAY, FeeData
from tests.helpers import open_test_shift
from tests.reliability.tamper_support import (
    ClosedDay,
    close_a_day,
    drop_every_trigger,
    request,
)

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


@pytest.fixture
def day(fee_data: FeeData) -> Iterator[ClosedDay]:
    closed = close_a_day(fee_data)
    drop_every_trigger(db.obj)
    yield closed


def found(code: str) -> list[str]:
    """The items verify names for one kind of finding (after asserting it failed)."""
    result = audit_verify.verify()
    assert not result.ok
    return [f.item for f in result.findings if f.code == code]


def payment_id(receipt: str) -> int:
    series, _, number = receipt.rpartition("-")
    (pid,) = db.execute_sql(
        f"SELECT payment_id FROM receipt WHERE series = '{series}' AND number = {int(number)}"
    ).fetchone()
    return int(pid)


@pytest.mark.parametrize(
    "change",
    [
        "method = 'wechat'",
        "account_id = {other_account}",
        "business_date = '2026-03-09'",
        "tendered_fen = 30000",
        "change_fen = 0",
    ],
)
def test_a_changed_column_of_a_payment_of_a_closed_day_is_named(
    day: ClosedDay, change: str
) -> None:
    pid = payment_id(day.bill.code)
    sql = change.format(other_account=day.data.ic.id)
    db.execute_sql(f"UPDATE payment SET {sql} WHERE id = {pid}")
    assert day.bill.code in found("payment_altered")


def test_a_deleted_receipt_is_a_gap_in_its_series(day: ClosedDay) -> None:
    db.execute_sql(f"DELETE FROM receipt WHERE payment_id = {payment_id(day.wechat.code)}")
    assert found("receipt_gap") == [day.wechat.code]
    assert found("receipt_altered") == [day.wechat.code]


def test_deleted_bill_settlements_are_named(day: ClosedDay) -> None:
    db.execute_sql(f"DELETE FROM payment_bill WHERE payment_id = {payment_id(day.bill.code)}")
    assert found("settlement_altered") == [day.bill.code]


def test_an_edited_prepaid_balance_is_named(day: ClosedDay) -> None:
    account = Account.get_by_id(day.data.prepay.id)
    assert account.balance_fen == 8_000  # the two prepayments
    db.execute_sql(f"UPDATE account SET balance_fen = 80000 WHERE id = {account.id}")
    assert found("balance_wrong") == [account.number]


def test_a_reopened_day_paid_into_again_is_named_even_with_its_printed_head(
    day: ClosedDay,
) -> None:
    data = day.data
    printed = (day.closure.audit_seq, day.closure.audit_hash)  # the Z slip's head
    db.execute_sql(f"UPDATE business_day SET closed_at = NULL WHERE office_id = {data.ms.id}")
    db.execute_sql(f"DELETE FROM day_closure WHERE office_id = {data.ms.id}")
    shift = open_test_shift(data.teller.id, data.counter.id, TODAY)  # the day takes money again
    from gasdesk.services.payments import collect_payment

    late = collect_payment(
        request(data, "k-late", expected_due_fen=1_000, tendered_fen=1_000), today=TODAY
    )
    pay_in(shift.id, data.teller.id, 500, "找零")
    result = audit_verify.verify([printed])
    assert not result.ok
    reopened = [f.item for f in result.findings if f.code == "day_reopened"]
    assert reopened == ["MS 2026-03-10", "MS 2026-03-10"]  # closure deleted, day open
    late_items = [f.item for f in result.findings if f.code == "day_paid_after_close"]
    assert f"MS 2026-03-10 {late.code}" in late_items
    assert any("movement" in item for item in late_items)
    totals = [f.item for f in result.findings if f.code == "day_totals_differ"]
    assert totals == ["MS 2026-03-10", "MS 2026-03-10", "MS 2026-03-10"]


def test_an_edited_closure_total_is_named(day: ClosedDay) -> None:
    db.execute_sql("UPDATE day_closure SET total_fen = total_fen - 5000")
    assert found("day_closure_altered") == ["MS 2026-03-10"]


def test_a_deleted_payment_of_a_closed_day_is_named(day: ClosedDay) -> None:
    pid = payment_id(day.cash.code)
    db.execute_sql(f"DELETE FROM receipt WHERE payment_id = {pid}")
    db.execute_sql(f"DELETE FROM payment WHERE id = {pid}")
    assert found("payment_deleted") == [day.cash.code]


def test_an_inserted_payment_is_named(day: ClosedDay) -> None:
    original = Payment.get_by_id(payment_id(day.cash.code))
    copy = {f: getattr(original, f) for f in ("account", "office", "counter", "staff", "shift")}
    Payment.insert(
        **copy,
        business_date=TODAY,
        kind="prepay",
        method="cash",
        amount_fen=100,
        idempotency_key="forged",
    ).execute()
    assert found("payment_inserted")  # named by its id: it has no receipt


def test_drawer_records_are_covered(day: ClosedDay) -> None:
    db.execute_sql("UPDATE cash_movement SET amount_fen = 1")
    db.execute_sql("UPDATE cash_count_line SET pieces = pieces + 1 WHERE pieces > 0")
    db.execute_sql("UPDATE shift_closure SET counted_cash_fen = counted_cash_fen + 1")
    items = found("drawer_altered")
    assert any(i.startswith("movement #") for i in items)
    assert any(i.startswith("count #") for i in items)
    assert any(i.startswith("shift closure #") for i in items)


def test_an_untouched_day_verifies(day: ClosedDay) -> None:
    result = audit_verify.verify()
    assert result.ok, result.problems
    assert result.findings == ()


@pytest.fixture
def voided(fee_data: FeeData, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A bill paid and voided the same day; verify reads one payment id at a time, so
    the void and the payment it voids are in different chunks."""
    from gasdesk.services.payments import collect_payment
    from gasdesk.services.voids import void_payment
    from gasdesk.storage import audit_cover

    monkeypatch.setattr(audit_cover, "CHUNK", 1)
    paid = collect_payment(
        request(
            fee_data,
            "k-bill",
            account_id=fee_data.house.id,
            kind="bill",
            expected_due_fen=16_800,
            tendered_fen=20_000,
        ),
        today=TODAY,
    )
    slip = void_payment(
        payment_id=paid.payment_id,
        staff_id=fee_data.teller.id,
        counter_id=fee_data.counter.id,
        supervisor_badge=fee_data.supervisor.badge,
        supervisor_password=fees_support.PASSWORD,
        reason="收错户号",
        idempotency_key="k-void",
        today=TODAY,
    )
    result = audit_verify.verify()
    assert result.ok, result.problems
    drop_every_trigger(db.obj)
    yield slip.code


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE payment SET method = 'wechat' WHERE kind = 'void'",
        "UPDATE payment SET reason = '客户要求' WHERE kind = 'void'",
        "UPDATE payment_bill SET amount_fen = 0 WHERE amount_fen < 0",
    ],
)
def test_a_changed_void_is_named(voided: str, sql: str) -> None:
    db.execute_sql(sql)
    result = audit_verify.verify()
    assert not result.ok
    assert voided in [f.item for f in result.findings]
