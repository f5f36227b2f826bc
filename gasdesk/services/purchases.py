"""IC-card gas purchases (购气): yuan -> m³ and m³ -> yuan, priced by the tiers
from where the household stands this year."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PurchaseQuote
from gasdesk.domain.limits import check_entry, check_volume
from gasdesk.domain.money import ceiling_refusal, effective_ceiling
from gasdesk.domain.tariff import purchase_by_amount, purchase_by_volume, tariff_on
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.account_state import refuse_payment
from gasdesk.services.accounts import active_meter
from gasdesk.services.billing import BillingError, tariffs_for, usage_entries, year_to_date
from gasdesk.storage.models import Account


def quote_purchase(
    account_id: int,
    *,
    amount_fen: int | None = None,
    volume_l: int | None = None,
    today: dt.date | None = None,
    ceiling_fen: int | None = None,
) -> PurchaseQuote:
    """Give exactly one of `amount_fen` (the customer offers yuan; the quote is the
    most gas that sum buys, and its exact price) or `volume_l` (the customer asks for
    m³; the quote is its price). Both are checked against their ranges
    (domain.limits; `ceiling_fen` is the counter's limit for one entry), and so is the
    price of a volume: a purchase that could not be collected is not quoted."""
    if (amount_fen is None) == (volume_l is None):
        raise ValueError("give either an amount or a volume")
    if amount_fen is not None:
        amount_fen = check_entry(amount_fen, ceiling_fen)
    else:
        volume_l = check_volume(volume_l)
    today = today or dt.date.today()
    account = Account.get_or_none(Account.id == account_id)
    if account is None:
        raise BillingError(
            "no_account", QT_TRANSLATE_NOOP("Messages", "The account no longer exists.")
        )
    refuse_payment(account, "purchase")  # closed, or the supply stopped: with the reason
    meter = active_meter(account_id)
    if meter is None or meter.kind != "ic_card":
        raise TellerError(
            "not_ic_card",
            QT_TRANSLATE_NOOP(
                "Messages", "Account {number} has no IC-card meter; it pays bills instead."
            ),
            number=account.number,
        )
    tariff = tariff_on(tariffs_for(account.user_type), today)
    ytd = year_to_date(usage_entries(account_id), today.year, today + dt.timedelta(days=1))
    if amount_fen is not None:
        charge = purchase_by_amount(amount_fen, tariff, ytd, today)
    else:
        assert volume_l is not None
        charge = purchase_by_volume(volume_l, tariff, ytd, today)
        limit = effective_ceiling(ceiling_fen)
        if charge.amount_fen > limit:
            raise ceiling_refusal(charge.amount_fen, limit)
    return PurchaseQuote(
        volume_l=charge.volume_l,
        amount_fen=charge.amount_fen,
        lines=charge.lines,
        ytd_l=ytd,
        offered_fen=amount_fen,
    )
