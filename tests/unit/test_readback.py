"""The read-back (唱收唱付): figures, capitals and the sentence the teller says."""

from __future__ import annotations

import pytest

from gasdesk.domain.errors import TellerError
from gasdesk.domain.events import ReadBackShown
from gasdesk.domain.readback import read_back


def test_cash_with_change() -> None:
    rb = read_back(
        due_fen=128_50,
        method="cash",
        tendered_fen=200_00,
        account_number="31000001",
        account_name="王秀英",
    )
    assert (rb.due_fen, rb.received_fen, rb.change_fen) == (128_50, 200_00, 71_50)
    assert rb.sentence == "收您200.00元，找您71.50元，请收好"
    assert rb.due_capital == "人民币壹佰贰拾捌元伍角整"
    assert rb.received_capital == "人民币贰佰元整"
    assert rb.change_capital == "人民币柒拾壹元伍角整"
    assert ReadBackShown.of(rb) == ReadBackShown(128_50, 200_00, 71_50, "cash")


def test_exact_cash() -> None:
    rb = read_back(due_fen=168_00, method="cash", tendered_fen=168_00)
    assert rb.change_fen == 0
    assert rb.sentence == "收您168.00元，正好，不用找零"
    assert rb.change_capital == "人民币零元整"


def test_non_cash_takes_the_amount_due_and_a_reference() -> None:
    rb = read_back(due_fen=168_00, method="wechat", reference=" 4200 0012 3456 7890 ")
    assert (rb.received_fen, rb.change_fen, rb.reference) == (168_00, 0, "4200001234567890")
    assert rb.sentence == "微信支付收您168.00元，请您核对"
    assert (
        read_back(due_fen=5, method="alipay", reference="2026031022001").sentence
        == "支付宝收您0.05元，请您核对"
    )


def test_a_purchase_says_the_gas_loaded() -> None:
    rb = read_back(
        due_fen=99_99, method="cash", tendered_fen=100_00, kind="purchase", volume_l=33_330
    )
    assert rb.sentence == "购气33.33立方米，收您100.00元，找您0.01元，请收好"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"due_fen": 168_00, "method": "cash", "tendered_fen": 100_00}, "short"),
        ({"due_fen": 168_00, "method": "cash"}, "tender_missing"),
        ({"due_fen": 0, "method": "cash", "tendered_fen": 100}, "nothing_due"),
        ({"due_fen": 168_00, "method": "wechat"}, "reference_missing"),
        ({"due_fen": 168_00, "method": "card", "reference": "x!"}, "reference_invalid"),
        ({"due_fen": 168_00, "method": "bitcoin"}, "bad_method"),
    ],
)
def test_refusals(kwargs: dict, code: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(TellerError) as info:
        read_back(**kwargs)
    assert info.value.code == code


def test_short_cash_message_names_both_amounts() -> None:
    with pytest.raises(TellerError) as info:
        read_back(due_fen=168_00, method="cash", tendered_fen=100_00)
    assert info.value.message == "The cash tendered (100.00) is less than the amount due (168.00)."
