"""IC-card records under verify: with every trigger dropped, an attacker turns a paid
purchase into a written one (or back), moves a card's purchase count, unblocks a
replaced card or forges a card; `verify` names each, on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from gasdesk.devices.card_sim import SimulatedCardDevice
from gasdesk.domain.cards import ReplaceRequest
from gasdesk.domain.fees import PaymentRequest
from gasdesk.services import card_replace, card_writing
from gasdesk.services.payments import collect_payment
from gasdesk.storage import audit_verify
from gasdesk.storage.models import db
from gasdesk.storage.models_cards import CardPurchase, CardWrite, IcCard
from tests import fees_support, pg_support
from tests.fees_support import IC_CARD, TODAY, FeeData, ic_card
from tests.reliability.tamper_support import drop_every_trigger

fee_data = fees_support.fee_data_backends
pg_url = pg_support.pg_url


@pytest.fixture
def cards(fee_data: FeeData, tmp_path: Path) -> Iterator[FeeData]:
    """Two purchases written onto the card, then a new card (补卡, with its fee) made;
    the chain verifies; then every trigger is dropped."""
    d = fee_data
    sim = SimulatedCardDevice(tmp_path / "cards")
    sim.make_card(ic_card())
    sim.place(IC_CARD)
    for _ in range(2):
        paid = collect_payment(
            PaymentRequest(
                d.ic.id, d.teller.id, d.counter.id, "purchase", "cash", 60_00,
                uuid.uuid4().hex, 60_00, volume_l=20_000, card=sim.read(),
            ),
            today=TODAY,
        )  # fmt: skip
        assert card_writing.write_purchase(sim, paid.payment_id, d.teller.id).ok  # type: ignore[union-attr]
        sim.insert_into_meter()
    fee = PaymentRequest(d.ic.id, d.teller.id, d.counter.id, "card_fee", "cash", 20_00, "k", 20_00)
    card_replace.replace_card(
        ReplaceRequest(d.ic.id, d.teller.id, d.counter.id, "k", fee), today=TODAY
    )
    sim.place_blank()
    assert card_writing.rewrite(sim, d.ic.id, d.teller.id).ok  # type: ignore[union-attr]
    result = audit_verify.verify()
    assert result.ok, result.problems
    drop_every_trigger(db.obj)
    yield d


def found(code: str) -> list[str]:
    result = audit_verify.verify()
    assert not result.ok
    return [f.item for f in result.findings if f.code == code]


def test_a_deleted_write_is_named(cards: FeeData) -> None:
    first = CardWrite.select().order_by(CardWrite.id).first()
    db.execute_sql(f"DELETE FROM card_write WHERE id = {first.id}")  # "paid, not written"
    assert found("card_deleted") == [f"card_written #{first.id}"]


def test_a_forged_write_is_named(cards: FeeData) -> None:
    purchase = CardPurchase.select().order_by(CardPurchase.id).first()
    CardWrite.insert(
        card=purchase.card_id, purchase=purchase.id, how="written", staff=cards.teller.id
    ).execute()
    assert found("card_inserted") == [f"card {IC_CARD} write #4"]


def test_a_moved_purchase_count_is_named(cards: FeeData) -> None:
    db.execute_sql("UPDATE card_purchase SET seq = seq + 10 WHERE seq = 2")
    assert found("card_altered") == [f"card {IC_CARD} purchase 12"]


def test_an_unblocked_card_is_named(cards: FeeData) -> None:
    new = IcCard.get(IcCard.replaces.is_null(False))
    db.execute_sql(f"UPDATE ic_card SET replaces_id = NULL WHERE id = {new.id}")
    assert found("card_altered") == [f"card {new.number}"]


def test_a_written_purchase_turned_unwritten_is_named(cards: FeeData) -> None:
    db.execute_sql("UPDATE card_write SET how = 'found', purchase_id = NULL WHERE how = 'written'")
    # each write named for each column changed (how, purchase)
    assert (
        sorted(found("card_altered"))
        == [f"card {IC_CARD} write #1"] * 2 + [f"card {IC_CARD} write #2"] * 2
    )


def test_a_forged_card_is_named(cards: FeeData) -> None:
    old = IcCard.get(IcCard.number == IC_CARD)
    IcCard.insert(
        number="FORGED01", meter=old.meter_id, account=old.account_id, source="registered"
    ).execute()
    assert found("card_inserted") == ["card FORGED01"]


def test_untouched_card_records_verify(cards: FeeData) -> None:
    result = audit_verify.verify()
    assert result.ok, result.problems


def test_the_demo_cards_are_covered_by_their_seal(database: Path) -> None:
    result = audit_verify.verify()
    assert result.ok, result.problems
    last = IcCard.select().order_by(IcCard.id.desc()).first().id
    drop_every_trigger(db.obj)
    db.execute_sql("UPDATE ic_card SET start_seq = start_seq + 1 WHERE id = 1")
    assert found("card_altered") == [f"cards #1-#{last}"]
