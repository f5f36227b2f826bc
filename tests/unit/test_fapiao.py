"""Fapiao requests: the buyer's tax number checked as a unified social credit code
(GB 32100-2015), the request stored in the payment's own transaction, refused with
nothing written, and withdrawn by the payment's void."""

from __future__ import annotations

import json
import uuid

import pytest
from peewee import DatabaseError

from gasdesk.domain.fapiao import FapiaoBuyer, FapiaoError, check_buyer, check_tax_number
from gasdesk.domain.fees import PaymentRequest
from gasdesk.services.payment_request import PaymentError
from gasdesk.services.payments import collect_payment
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import AuditEvent, Payment, db
from gasdesk.storage.models_fapiao import FapiaoRequest, FapiaoWithdrawal
from tests import fees_support, pg_support
from tests.fees_support import (
    NOTHING,
    PASSWORD,
    TODAY,
    FeeData,
    added,
    counts,
    fail_receipt_inserts,
    heal_receipt_inserts,
)

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url

XIAOMI = "91110108551385082Q"  # published codes, check characters as issued
SAMPLE = "91350100M000100Y43"
BUYER = FapiaoBuyer("淄博绿周能源有限公司", XIAOMI, "13805331234", "")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        (XIAOMI, XIAOMI),
        (SAMPLE, SAMPLE),
        ("91110000600037341L", "91110000600037341L"),
        ("９１１１０１０８５５１３８５０８２ｑ", XIAOMI),  # full-width, lower case
        (" 9111 0108 5513 8508 2Q ", XIAOMI),
    ],
)
def test_valid_tax_numbers_are_read_as_typed(typed: str, code: str) -> None:
    assert check_tax_number(typed) == code


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("91110108551385082", "tax_number_length"),
        ("91110108551385082QQ", "tax_number_length"),
        ("9111010855138508IQ", "tax_number_characters"),  # I is never used
        ("91110108551385O82Q", "tax_number_characters"),  # nor O
        ("91110108551385082A", "tax_number_check"),  # last character mistyped
        ("91110108551835082Q", "tax_number_check"),  # two digits swapped
        ("370303198001010012", "tax_number_check"),  # an ID-card number is not one
    ],
)
def test_bad_tax_numbers_are_refused_with_the_reason(typed: str, reason: str) -> None:
    with pytest.raises(FapiaoError) as refused:
        check_tax_number(typed)
    assert (refused.value.code, refused.value.field) == (reason, "tax_number")


def test_the_buyer_needs_a_name_and_a_way_to_send_the_fapiao() -> None:
    assert check_buyer(" 张  三 ", "", "138 0533 1234") == FapiaoBuyer("张 三", "", "13805331234")
    assert check_buyer("张三", "", "", "zs@example.cn").email == "zs@example.cn"
    for args, field in [
        (("张", "", "13805331234"), "name"),
        (("张三", "", "", ""), "phone"),
        (("张三", "", "12345"), "phone"),
        (("张三", "", "", "zs@"), "email"),
        (("张三", "9111010855138508", "13805331234"), "tax_number"),
    ]:
        with pytest.raises(FapiaoError) as refused:
            check_buyer(*args)
        assert refused.value.field == field


def request(d: FeeData, **kw) -> PaymentRequest:  # type: ignore[no-untyped-def]
    values = dict(
        account_id=d.house.id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        kind="bill",
        method="cash",
        expected_due_fen=168_00,
        idempotency_key=str(uuid.uuid4()),
        tendered_fen=200_00,
        fapiao=BUYER,
    )
    values.update(kw)
    return PaymentRequest(**values)  # type: ignore[arg-type]


def test_the_request_is_stored_with_the_payment(fee_data: FeeData) -> None:
    before = counts()
    info = collect_payment(request(fee_data), today=TODAY)
    assert added(before)["payment"] == 1
    row = FapiaoRequest.get()
    assert (row.payment_id, row.buyer_name, row.tax_number, row.phone, row.staff_id) == (
        info.payment_id,
        "淄博绿周能源有限公司",
        XIAOMI,
        "13805331234",
        fee_data.teller.id,
    )
    event = AuditEvent.get(AuditEvent.kind == "payment")
    assert json.loads(event.payload_json)["fapiao"] == [BUYER.name, XIAOMI, BUYER.phone, ""]
    # the same form sent again is the same payment; with another buyer it is refused
    key = _key(info.payment_id)
    assert collect_payment(request(fee_data, idempotency_key=key), today=TODAY).replayed
    other = FapiaoBuyer("另一家公司", SAMPLE, "13805339999")
    with pytest.raises(PaymentError) as conflict:
        collect_payment(request(fee_data, idempotency_key=key, fapiao=other), today=TODAY)
    assert conflict.value.code == "key_reused"
    assert FapiaoRequest.select().count() == 1


def _key(payment_id: int) -> str:
    return str(Payment.get_by_id(payment_id).idempotency_key)


def test_a_bad_request_is_refused_and_nothing_is_written(fee_data: FeeData) -> None:
    before = counts()
    bad = FapiaoBuyer("淄博绿周能源有限公司", "91110108551385082A", "13805331234")
    with pytest.raises(FapiaoError) as refused:
        collect_payment(request(fee_data, fapiao=bad), today=TODAY)
    assert refused.value.code == "tax_number_check"
    assert added(before) == NOTHING
    assert FapiaoRequest.select().count() == 0


def test_a_payment_that_fails_leaves_no_request(fee_data: FeeData) -> None:
    before = counts()
    fail_receipt_inserts()
    with pytest.raises(DatabaseError):
        collect_payment(request(fee_data), today=TODAY)
    heal_receipt_inserts()
    assert added(before) == NOTHING
    assert FapiaoRequest.select().count() == 0


def test_a_void_withdraws_the_request(fee_data: FeeData) -> None:
    d = fee_data
    info = collect_payment(request(d), today=TODAY)
    plain = collect_payment(
        request(d, account_id=d.prepay.id, kind="prepay", expected_due_fen=50_00,
                tendered_fen=50_00, fapiao=None),
        today=TODAY,
    )  # fmt: skip
    void = void_payment(
        payment_id=info.payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="收错户号",
        idempotency_key=str(uuid.uuid4()),
        today=TODAY,
    )
    withdrawal = FapiaoWithdrawal.get()
    assert (withdrawal.request_id, withdrawal.void_id) == (FapiaoRequest.get().id, void.payment_id)
    event = AuditEvent.get(AuditEvent.kind == "void")
    assert json.loads(event.payload_json)["fapiao_withdrawn"] == FapiaoRequest.get().id
    void_payment(
        payment_id=plain.payment_id,
        staff_id=d.teller.id,
        counter_id=d.counter.id,
        supervisor_badge="MS09",
        supervisor_password=PASSWORD,
        reason="客户不要了",
        idempotency_key=str(uuid.uuid4()),
        today=TODAY,
    )
    assert FapiaoWithdrawal.select().count() == 1  # a payment without a request: nothing


def test_requests_are_append_only(fee_data: FeeData) -> None:
    collect_payment(request(fee_data), today=TODAY)
    with pytest.raises(DatabaseError, match="append-only"), db.atomic():
        db.execute_sql("UPDATE fapiao_request SET tax_number = ''")
    with pytest.raises(DatabaseError, match="append-only"), db.atomic():
        db.execute_sql("DELETE FROM fapiao_request")
    assert FapiaoRequest.get().tax_number == XIAOMI
