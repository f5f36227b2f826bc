"""The businesses that bill or credit an account (过户, 用气类型变更, 换表, 表具校验), run
through their forms the way the counter runs them: a world with the two offices, their
staff and tariffs (residential tiers 400 / 600 m³ at 3.00 / 3.60 / 4.50, commercial
3.80 flat), a household with a mechanical meter and an IC-card household."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gasdesk.domain.cards import CardImage
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.lifecycle import Completion
from gasdesk.domain.tariff import Tariff, Tier
from gasdesk.services import cards
from gasdesk.services.billing import statement
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.form_completion import advance_form, complete_form
from gasdesk.services.forms import submit_form
from gasdesk.services.payments import collect_payment
from gasdesk.services.purchases import quote_purchase
from gasdesk.services.tariffs import store_tariff
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import (
    Account,
    AuditEvent,
    Bill,
    Meter,
    Payment,
    Reading,
    Receipt,
)
from gasdesk.storage.models_accounts import AccountHistory, FormEffect
from gasdesk.storage.models_credits import AccountCredit
from tests.forms_support import World, seed
from tests.helpers import open_test_shift

RESIDENTIAL = Tariff(
    "居民阶梯气价", dt.date(2024, 1, 1), (Tier(400, 300), Tier(600, 360), Tier(None, 450))
)
COMMERCIAL = Tariff("非居民用气价格", dt.date(2024, 1, 1), (Tier(None, 380),))
PASSWORD = "123456"


@dataclass
class BillingWorld:
    world: World
    house_id: int  # 100002 赵丽: mechanical meter MS-0002, installed 2026-01-01 at 0
    ic_id: int  # 100001 王建国: IC-card meter MS-0001

    @property
    def teller_id(self) -> int:
        return self.world.teller_id

    @property
    def office_id(self) -> int:
        return self.world.office_id


def seed_billing(
    tmp_path: Path, tariffs: tuple[tuple[str, Tariff], ...] | None = None
) -> BillingWorld:
    """The world; `tariffs` (user type, tariff) instead of RESIDENTIAL and COMMERCIAL."""
    world = seed(tmp_path)
    with write_transaction():
        for user_type, tariff in tariffs or (
            ("residential", RESIDENTIAL),
            ("commercial", COMMERCIAL),
        ):
            store_tariff(user_type, tariff)
        house: Any = Account.get(Account.number == "100002")
        Meter.create(
            number="MS-0002",
            account=house.id,
            kind="mechanical",
            model="G2.5",
            installed_on=dt.date(2026, 1, 1),
            last_verified=dt.date(2025, 12, 1),
            initial_l=0,
        )
    return BillingWorld(world, house.id, world.account_id)


def read(account_id: int, day: dt.date, m3: float) -> int:
    """A meter reader's reading of the account's meter in service."""
    with write_transaction():
        meter: Any = Meter.get((Meter.account == account_id) & Meter.removed_on.is_null())
        row: Any = Reading.create(
            meter=meter.id,
            account=account_id,
            read_on=day,
            value_l=round(m3 * 1000),
            source="reader",
        )
    return int(row.id)


def open_shift(bw: BillingWorld, day: dt.date) -> int:
    """The teller's shift at counter 1 on `day` (money is taken only into a shift)."""
    return int(open_test_shift(bw.teller_id, bw.world.counter_id, day).id)


def pay(
    bw: BillingWorld,
    account_id: int,
    kind: str,
    day: dt.date,
    *,
    amount_fen: int | None = None,
    volume_l: int = 0,
    method: str = "cash",
) -> Any:
    """A payment through the fee collection: a prepayment of `amount_fen`, the bills
    due (amount read from the statement), or an IC-card purchase of `volume_l`."""
    if kind == "bill":
        amount_fen = statement(account_id, day).due_fen
    card = None
    if kind == "purchase":
        amount_fen = quote_purchase(account_id, volume_l=volume_l, today=day).amount_fen
        card = card_in_hand(bw, account_id)
    assert amount_fen is not None
    request = PaymentRequest(
        account_id=account_id,
        staff_id=bw.teller_id,
        counter_id=bw.world.counter_id,
        kind=kind,
        method=method,
        expected_due_fen=amount_fen,
        idempotency_key=uuid.uuid4().hex,
        tendered_fen=amount_fen if method == "cash" else None,
        volume_l=volume_l,
        card=card,
    )
    return collect_payment(request, today=day)


def card_in_hand(bw: BillingWorld, account_id: int) -> CardImage:
    """The customer's IC card as the reader reads it, every purchase in the meter; a
    meter with no card on record gets one registered first (a card the customer had)."""
    state = cards.card_state(account_id)
    assert state is not None
    if not state.card_number:
        meter = Meter.get(Meter.number == state.meter_number)
        cards.register_card(meter.id, f"C{meter.id:06d}", bw.teller_id)
        state = cards.card_state(account_id)
        assert state is not None
    return CardImage(state.card_number, state.meter_number, state.last_seq, 0)


def prepare_form(bw: BillingWorld, kind: str, values: dict[str, str], at: dt.datetime) -> int:
    """Submit the form and move it on to the status before the one that runs its effect."""
    spec = load_forms().get(kind)
    assert spec is not None and spec.effect_at is not None
    form = submit_form(spec, values, staff_id=bw.teller_id, office_id=bw.office_id, at=at).form
    while form.next_status is not spec.effect_at:
        form = advance_form(form.id, staff_id=bw.teller_id, at=at)
    return int(form.id)


def finish_form(
    bw: BillingWorld,
    form_id: int,
    effect_values: dict[str, str],
    at: dt.datetime,
    *,
    supervisor: bool = False,
    counter: bool = False,
) -> Any:
    """Complete the form: its effect runs with these values."""
    completion = Completion(
        values=effect_values,
        counter_id=bw.world.counter_id if counter else None,
        supervisor_badge="MS09" if supervisor else "",
        supervisor_password=PASSWORD if supervisor else "",
    )
    return complete_form(form_id, staff_id=bw.teller_id, at=at, completion=completion)


def run_form(
    bw: BillingWorld,
    kind: str,
    values: dict[str, str],
    effect_values: dict[str, str],
    at: dt.datetime,
    *,
    supervisor: bool = False,
    counter: bool = False,
) -> Any:
    """Submit the form, move it on to the status that runs its effect, complete it."""
    form_id = prepare_form(bw, kind, values, at)
    return finish_form(bw, form_id, effect_values, at, supervisor=supervisor, counter=counter)


def state() -> dict[str, Any]:
    """Everything a refused business must leave as it was."""
    return {
        "accounts": [
            (a.name, a.id_card, a.phone, a.user_type, a.status, a.balance_fen)
            for a in Account.select().order_by(Account.id)
        ],
        "meters": [(m.number, m.removed_on) for m in Meter.select().order_by(Meter.id)],
        "readings": Reading.select().count(),
        "bills": Bill.select().count(),
        "payments": Payment.select().count(),
        "receipts": Receipt.select().count(),
        "history": AccountHistory.select().count(),
        "effects": FormEffect.select().count(),
        "credits": AccountCredit.select().count(),
        "audit": AuditEvent.select().count(),
    }
