"""IC-card purchases (购气) by yuan and by m³, readings at the counter, and tiers
climbed by earlier purchases."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.readings import ReadingProblem, ReadingRefused
from gasdesk.domain.tariff import lines_from_json
from gasdesk.services import billing
from gasdesk.services.payments import collect_payment
from gasdesk.services.purchases import quote_purchase
from gasdesk.services.reported_readings import report_reading
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import Meter, Payment, Reading
from tests import fees_support, pg_support
from tests.fees_support import PASSWORD, TODAY, FeeData, add_tariff, ic_card

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


def buy(d: FeeData, volume_l: int, amount_fen: int, key: str | None = None):  # type: ignore[no-untyped-def]
    request = PaymentRequest(
        d.ic.id,
        d.teller.id,
        d.counter.id,
        "purchase",
        "cash",
        amount_fen,
        key or str(uuid.uuid4()),
        amount_fen,
        volume_l=volume_l,
        card=ic_card(),  # read from the reader before the read-back
    )
    return collect_payment(request, today=TODAY)


def test_purchase_by_yuan_charges_exactly_the_yuan_asked_for(fee_data: FeeData) -> None:
    # ¥3.00 a m³: 100 yuan buys 33.334 m³ to the litre (33.334 m³ × 3.00 = 100.002,
    # 100.00 to the fen; 33.335 m³ would cost 100.01)
    q = quote_purchase(fee_data.ic.id, amount_fen=100_00, today=TODAY)
    assert (q.volume_l, q.amount_fen, q.offered_fen) == (33_334, 100_00, 100_00)
    info = buy(fee_data, q.volume_l, q.amount_fen)
    assert (info.amount_fen, info.tendered_fen, info.change_fen) == (100_00, 100_00, 0)
    p = Payment.get_by_id(info.payment_id)
    assert (p.kind, p.volume_l, p.amount_fen) == ("purchase", 33_334, 100_00)
    assert [(ln.tier, ln.volume_l, ln.amount_fen) for ln in lines_from_json(p.lines_json)] == [
        (1, 33_334, 100_00)
    ]


def test_purchase_by_m3_climbs_the_tiers_from_this_years_purchases(fee_data: FeeData) -> None:
    d = fee_data
    first = quote_purchase(d.ic.id, volume_l=390_000, today=TODAY)
    assert first.amount_fen == 1170_00
    buy(d, first.volume_l, first.amount_fen)
    second = quote_purchase(d.ic.id, volume_l=20_000, today=TODAY)
    assert second.ytd_l == 390_000
    assert [(ln.tier, ln.volume_l, ln.amount_fen) for ln in second.lines] == [
        (1, 10_000, 30_00),
        (2, 10_000, 36_00),
    ]
    assert second.amount_fen == 66_00
    by_yuan = quote_purchase(d.ic.id, amount_fen=66_00, today=TODAY)
    assert (by_yuan.volume_l, by_yuan.amount_fen) == (20_001, 66_00)  # 20.002 m³: 66.01


def test_a_voided_purchase_no_longer_counts_towards_the_tiers(fee_data: FeeData) -> None:
    d = fee_data
    info = buy(d, 390_000, 1170_00)
    void_payment(
        payment_id=info.payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="读卡失败",
        idempotency_key="v",
        today=TODAY,
    )
    assert quote_purchase(d.ic.id, volume_l=20_000, today=TODAY).amount_fen == 60_00


def test_a_changed_tariff_is_not_charged_silently(fee_data: FeeData) -> None:
    q = quote_purchase(fee_data.ic.id, volume_l=20_000, today=TODAY)
    add_tariff("调价", TODAY, [(400, 320), (600, 384), (None, 480)])
    with pytest.raises(TellerError) as info:
        buy(fee_data, q.volume_l, q.amount_fen)
    assert info.value.code == "due_changed"


def test_a_mechanical_account_cannot_buy_gas(fee_data: FeeData) -> None:
    with pytest.raises(TellerError) as info:
        quote_purchase(fee_data.house.id, amount_fen=100_00, today=TODAY)
    assert info.value.code == "not_ic_card"


def report(d: FeeData, value: str) -> None:
    report_reading(
        d.house.id,
        value,
        staff_id=d.teller.id,
        office_id=d.ms.id,
        accept_implausible=True,
        today=TODAY,
    )


def test_a_reading_lower_than_the_previous_one_is_refused(fee_data: FeeData) -> None:
    d = fee_data
    with pytest.raises(ReadingRefused) as info:
        report(d, "150")
    assert info.value.problem == ReadingProblem.BELOW_PREVIOUS
    assert Reading.select().count() == 1
    report(d, "160")  # the customer's own reading at the counter is billed with the rest
    assert billing.statement(d.house.id, TODAY).due_fen == 180_00


def test_after_a_meter_change_the_new_meter_starts_low(fee_data: FeeData) -> None:
    d = fee_data
    old = Meter.get(Meter.number == "M-1001")
    old.removed_on = dt.date(2026, 3, 6)
    old.save()
    Meter.create(
        number="M-1009",
        account=d.house,
        kind="mechanical",
        model="G2.5",
        installed_on=dt.date(2026, 3, 6),
        initial_l=0,
    )
    report(d, "3")  # far below the old meter's 156 m³
    st = billing.statement(d.house.id, TODAY)
    assert [(b.meter_number, b.volume_l) for b in st.bills] == [
        ("M-1001", 56_000),
        ("M-1009", 3_000),
    ]
    assert st.due_fen == 177_00


def test_a_decreasing_reading_in_the_data_blocks_billing_with_a_clear_message(
    fee_data: FeeData,
) -> None:
    meter = Meter.get(Meter.number == "M-1001")
    Reading.create(
        meter=meter,
        account=fee_data.house,
        read_on=dt.date(2026, 3, 8),
        value_l=120_000,
        source="reader",
    )
    with pytest.raises(TellerError) as info:
        billing.statement(fee_data.house.id, TODAY)
    assert info.value.code == "reading_decreased"


def test_tariff_change_mid_period_in_a_bill(fee_data: FeeData) -> None:
    add_tariff("2026调价", dt.date(2026, 2, 1), [(400, 320), (600, 384), (None, 480)])
    (bill,) = billing.statement(fee_data.house.id, TODAY).bills
    # 5 Jan -> 5 Mar is 59 days: 27 before 1 Feb, 32 from it; 56 m³ shared by days
    assert [(ln.tariff, ln.volume_l, ln.price_fen) for ln in bill.lines] == [
        ("居民阶梯气价（示例）", 25_627, 300),
        ("2026调价", 30_373, 320),
    ]
    assert bill.amount_fen == 76_88 + 97_19
