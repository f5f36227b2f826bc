"""IC-card purchases as two facts (paid, then written), through the services with the
simulated card writer: the card checked before any money is taken, the write, 补写卡
charging nothing, a card found already holding the purchase, 补卡 blocking the old
card and carrying the newest purchase, and the void rule. On SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.domain.cards import CardImage, ReplaceRequest
from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest
from gasdesk.services import card_replace, card_writing, cards, tariffs
from gasdesk.services.payments import collect_payment
from gasdesk.services.voids import void_payment
from gasdesk.storage.models import Payment, Receipt
from gasdesk.storage.models_cards import CardPurchase, CardWrite, IcCard
from tests import fees_support, pg_support
from tests.fees_support import IC_CARD, IC_METER, PASSWORD, TODAY, FeeData, counts, ic_card

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


@pytest.fixture
def sim(tmp_path: Path) -> SimulatedCardDevice:
    """The writer, with the customer's card (as the records hold it) in it."""
    device = SimulatedCardDevice(tmp_path / "cards")
    device.make_card(ic_card())
    device.place(IC_CARD)
    return device


def purchase(d: FeeData, card: CardImage | None, volume_l: int = 20_000, amount: int = 60_00):  # type: ignore[no-untyped-def]
    return collect_payment(
        PaymentRequest(
            d.ic.id,
            d.teller.id,
            d.counter.id,
            "purchase",
            "cash",
            amount,
            uuid.uuid4().hex,
            amount,
            volume_l=volume_l,
            card=card,
        ),
        today=TODAY,
    )


def refused(code: str, call, *args, **kw):  # type: ignore[no-untyped-def]
    before = counts()
    with pytest.raises(TellerError) as info:
        call(*args, **kw)
    assert info.value.code == code, info.value.message
    assert counts() == before  # nothing recorded, no receipt number used
    return info.value


def test_a_purchase_is_paid_then_written(fee_data: FeeData, sim: SimulatedCardDevice) -> None:
    d = fee_data
    info = purchase(d, sim.read())
    state = cards.card_state(d.ic.id)
    assert state is not None and [u.receipt for u in state.unwritten] == [info.code]
    outcome = card_writing.write_purchase(sim, info.payment_id, d.teller.id)
    assert outcome is not None and (outcome.ok, outcome.how, outcome.seq) == (True, "written", 1)
    assert sim.read() == CardImage(IC_CARD, IC_METER, 1, 20_000)
    assert cards.card_state(d.ic.id).unwritten == ()  # type: ignore[union-attr]
    assert card_writing.write_purchase(sim, info.payment_id, d.teller.id) is None  # once


def test_the_card_is_checked_before_money_is_taken(
    fee_data: FeeData, sim: SimulatedCardDevice
) -> None:
    d = fee_data
    refused("card_not_read", purchase, d, None)
    refused("wrong_card", purchase, d, CardImage("IC999901", "IC-9999", 0, 0))
    refused("wrong_meter", purchase, d, CardImage(IC_CARD, "IC-9999", 0, 0))
    refused("blank_card", purchase, d, CardImage("", "", 0, 0))
    refused("card_out_of_step", purchase, d, ic_card(seq=4))
    refused("gas_on_card", purchase, d, ic_card(pending_l=5_000))


def test_a_failed_write_leaves_it_paid_and_rewriting_charges_nothing(
    fee_data: FeeData, sim: SimulatedCardDevice
) -> None:
    d = fee_data
    info = purchase(d, sim.read())
    sim.fail("write", "pulled_out")
    failed = card_writing.write_purchase(sim, info.payment_id, d.teller.id)
    assert failed is not None and not failed.ok
    assert getattr(failed.error, "code", None) == "pulled_out"
    assert sim.read() == ic_card()  # the card as it was
    # nothing more is sold until it is written, not even with the right card
    refused("paid_not_written", purchase, d, sim.read())
    before = counts()
    again = card_writing.rewrite(sim, d.ic.id, d.teller.id)
    assert again is not None and again.ok and again.how == "written"
    assert counts()["payment"] == before["payment"] and counts()["receipt"] == before["receipt"]
    assert Payment.select().count() == 1 and Receipt.select().count() == 1
    assert card_writing.rewrite(sim, d.ic.id, d.teller.id) is None


def test_a_card_already_holding_the_purchase_is_recognised_as_written(
    fee_data: FeeData, sim: SimulatedCardDevice
) -> None:
    d = fee_data
    info = purchase(d, sim.read())
    sim.fail("write", "pulled_out_after")  # written, but the reader lost the card
    assert not card_writing.write_purchase(sim, info.payment_id, d.teller.id).ok  # type: ignore[union-attr]
    assert sim.read().seq == 1
    outcome = card_writing.rewrite(sim, d.ic.id, d.teller.id)
    assert outcome is not None and (outcome.ok, outcome.how) == (True, "found")
    assert sim.read() == CardImage(IC_CARD, IC_METER, 1, 20_000)  # not written twice
    assert [w.how for w in CardWrite.select()] == ["found"]


def test_the_write_refuses_another_card(fee_data: FeeData, sim: SimulatedCardDevice) -> None:
    d = fee_data
    info = purchase(d, sim.read())
    sim.make_card(CardImage("IC999901", "IC-9999", 3, 0))
    sim.place("IC999901")
    outcome = card_writing.write_purchase(sim, info.payment_id, d.teller.id)
    assert outcome is not None and getattr(outcome.error, "code", None) == "wrong_card"
    assert sim.card("IC999901") == CardImage("IC999901", "IC-9999", 3, 0)


def test_a_written_purchase_cannot_be_voided_an_unwritten_one_can(
    fee_data: FeeData, sim: SimulatedCardDevice
) -> None:
    d = fee_data

    def void(payment_id: int, key: str):  # type: ignore[no-untyped-def]
        return void_payment(
            payment_id=payment_id,
            staff_id=d.teller.id,
            counter_id=d.counter.id,
            supervisor_badge="MS09",
            supervisor_password=PASSWORD,
            reason="写卡失败",
            idempotency_key=key,
            today=TODAY,
        )

    unwritten = purchase(d, sim.read())
    void(unwritten.payment_id, "v1")
    assert cards.card_state(d.ic.id).unwritten == ()  # type: ignore[union-attr]
    written = purchase(d, sim.read())  # the voided purchase count is free again
    assert CardPurchase.get(CardPurchase.payment == written.payment_id).seq == 1
    card_writing.write_purchase(sim, written.payment_id, d.teller.id)
    refused("gas_on_card", void, written.payment_id, "v2")


def replace(d: FeeData, key: str, fee_fen: int | None, method: str = "cash"):  # type: ignore[no-untyped-def]
    payment = None
    if fee_fen is not None:
        payment = PaymentRequest(
            d.ic.id, d.teller.id, d.counter.id, "card_fee", method, fee_fen, key, fee_fen
        )
    request = ReplaceRequest(d.ic.id, d.teller.id, d.counter.id, key, payment)
    return card_replace.replace_card(request, today=TODAY)


def test_a_new_card_blocks_the_old_one_and_carries_the_newest_purchase(
    fee_data: FeeData, sim: SimulatedCardDevice
) -> None:
    d = fee_data
    info = purchase(d, sim.read())
    card_writing.write_purchase(sim, info.payment_id, d.teller.id)  # 20 m³ on the card
    lost = sim.read()
    assert card_replace.replacement_fee(d.ic.id) == 20_00  # the shipped tariff file's fee
    refused("fee_changed", replace, d, "k0", None)  # the fee cannot be left out
    issue = replace(d, "k1", 20_00)
    assert (issue.card_number, issue.replaced) == ("IC-200202", IC_CARD)
    fee = Payment.get(Payment.kind == "card_fee")
    assert (fee.amount_fen, Receipt.get(Receipt.payment == fee.id).id) == (20_00, issue.receipt_id)
    assert replace(d, "k1", 20_00).replayed  # the same form again charges nothing
    assert Payment.select().where(Payment.kind == "card_fee").count() == 1
    state = cards.card_state(d.ic.id)
    assert state is not None and state.blocked == (IC_CARD,) and not state.card_written
    refused("card_not_made", purchase, d, lost)  # nothing sold before the new card exists
    refused("card_not_made", replace, d, "k2", 20_00)  # and no second fee
    sim.place_blank()
    made = card_writing.rewrite(sim, d.ic.id, d.teller.id)
    assert made is not None and (made.ok, made.how) == (True, "issued")
    # the new card carries the newest purchase: the meter takes it only if it never did
    assert sim.read() == CardImage("IC-200202", IC_METER, 1, 20_000)
    refused("card_blocked", purchase, d, lost)
    sim.insert_into_meter()
    assert purchase(d, sim.read()).code  # the new card buys gas


def test_a_new_card_carries_a_purchase_that_was_never_written(
    fee_data: FeeData, sim: SimulatedCardDevice
) -> None:
    d = fee_data
    info = purchase(d, sim.read())  # paid; the card was lost before it was written
    replace(d, "k1", 20_00)
    sim.place_blank()
    made = card_writing.rewrite(sim, d.ic.id, d.teller.id)
    assert made is not None and made.ok and made.volume_l == 20_000
    assert cards.card_state(d.ic.id).unwritten == ()  # type: ignore[union-attr]
    assert CardWrite.get(CardWrite.purchase == CardPurchase.get(payment=info.payment_id).id)


def test_without_a_fee_in_the_tariff_file_a_new_card_is_free(
    fee_data: FeeData, sim: SimulatedCardDevice, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = fee_data
    real = tariffs.load_toml

    def without_fee(name: str):  # type: ignore[no-untyped-def]
        data = dict(real(name))
        data.pop("card_replacement_fee_fen", None)
        return data

    monkeypatch.setattr(tariffs, "load_toml", without_fee)
    assert card_replace.replacement_fee(d.ic.id) == 0
    refused("fee_changed", replace, d, "k1", 20_00)
    issue = replace(d, "k2", None)
    assert issue.receipt_id is None and Payment.select().count() == 0
    assert IcCard.get(IcCard.number == issue.card_number).replaces.number == IC_CARD
