"""Credits to an account: money the company owes back for gas it charged wrongly (a meter
fast beyond the service code's ±1.5%, found by a 表具校验).

A credit is one append-only row (storage.models_credits) and adds its amount to the
prepaid balance in the same transaction, so that payments, refunds and credits
together explain every fen of the balance; no cash moves (the balance pays the next
bills, or is refunded like any balance). A supervisor of the office who is not the
teller authorises it. Its audit event (`account_credit`) carries every column, so that
`gasdesk verify` checks the row and the balance, and the day report lists it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from gasdesk.domain.dayend import CreditLine
from gasdesk.domain.errors import TellerError
from gasdesk.domain.limits import MAX_BALANCE_FEN, balance_refusal, check_computed
from gasdesk.domain.meter_check import OverLine
from gasdesk.domain.records import StaffInfo
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.days import is_day_closed
from gasdesk.storage import audit
from gasdesk.storage.models import Account, Staff, db
from gasdesk.storage.models_credits import AccountCredit

METER_CHECK = "meter_check"


class CreditError(TellerError):
    """The credit was refused; nothing was recorded."""


def record_credit(
    account_id: int,
    lines: Sequence[OverLine],
    *,
    office_id: int,
    staff_id: int,
    supervisor: StaffInfo,
    kind: str,
    form_id: int | None,
    meter_id: int | None,
    period: tuple[dt.date, dt.date],
    error_bp: int,
    reason: str,
    today: dt.date,
    at: dt.datetime,
) -> Any:
    """Credit the account with the sum of `lines`; call inside the business's
    transaction. Returns the AccountCredit row."""
    if not db.obj.in_transaction():
        raise RuntimeError("record_credit() runs inside the transaction of its business")
    amount = check_computed(sum(x.amount_fen for x in lines))
    if amount <= 0:
        raise ValueError("a credit gives back a positive amount")
    if is_day_closed(office_id, today):
        raise CreditError(
            "day_closed",
            QT_TRANSLATE_NOOP(
                "Messages", "The business day {day} is closed; no credit can be booked for it."
            ),
            day=today.isoformat(),
        )
    if supervisor.office_id != office_id or supervisor.id == staff_id:
        raise CreditError(
            "not_authorised",
            QT_TRANSLATE_NOOP(
                "Messages",
                "A supervisor of this office other than the teller must authorise a credit.",
            ),
        )
    account: Any = Account.get_by_id(account_id)
    changed = (
        Account.update(balance_fen=Account.balance_fen + amount)
        .where((Account.id == account_id) & (Account.balance_fen <= MAX_BALANCE_FEN - amount))
        .execute()
    )
    if changed != 1:
        raise balance_refusal(account.number)
    credit: Any = AccountCredit.create(
        account=account_id,
        office=office_id,
        kind=kind,
        form=form_id,
        meter=meter_id,
        business_date=today,
        period_start=period[0],
        period_end=period[1],
        error_bp=error_bp,
        volume_l=sum(x.over_l for x in lines),
        amount_fen=amount,
        lines_json=json.dumps([x.to_dict() for x in lines], ensure_ascii=False),
        staff=staff_id,
        authorised_by=supervisor.id,
        reason=reason,
        created_at=at,
    )
    audit.append(
        "account_credit",
        staff_id=staff_id,
        office_id=office_id,
        credit=credit.id,
        account=account.number,
        account_id=account_id,
        credit_kind=kind,
        form_id=form_id,
        meter_id=meter_id,
        business_date=today.isoformat(),
        period_start=period[0].isoformat(),
        period_end=period[1].isoformat(),
        error_bp=error_bp,
        volume_l=credit.volume_l,
        amount_fen=amount,
        lines_json=credit.lines_json,
        authorised_by=supervisor.badge,
        reason=reason,
        created_at=audit.stamp(credit.created_at),
    )
    return credit


def credit_lines(
    *, office_id: int | None = None, day: dt.date | None = None, account_id: int | None = None
) -> list[CreditLine]:
    """Credits of an office's business day, or of an account; oldest first."""
    teller = Staff.alias()
    supervisor = Staff.alias()
    query = (
        AccountCredit.select(
            AccountCredit.id,
            Account.number,
            Account.name,
            AccountCredit.kind,
            AccountCredit.business_date,
            AccountCredit.volume_l,
            AccountCredit.amount_fen,
            teller.badge,
            supervisor.badge,
            AccountCredit.reason,
            AccountCredit.created_at,
        )
        .join(Account, on=(AccountCredit.account == Account.id))
        .switch(AccountCredit)
        .join(teller, on=(AccountCredit.staff == teller.id))
        .switch(AccountCredit)
        .join(supervisor, on=(AccountCredit.authorised_by == supervisor.id))
        .order_by(AccountCredit.created_at, AccountCredit.id)
    )
    if office_id is not None:
        query = query.where(AccountCredit.office == office_id)
    if day is not None:
        query = query.where(AccountCredit.business_date == day)
    if account_id is not None:
        query = query.where(AccountCredit.account == account_id)
    return [CreditLine(*row) for row in query.tuples()]
