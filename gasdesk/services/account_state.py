"""What an account's status allows: a closed account (已销户) takes no payment and no
reading; while the supply is stopped (停气) no IC-card gas is bought and nothing is
prepaid (bills can still be paid), and the refusal gives the reason recorded when the
supply was stopped."""

from __future__ import annotations

from typing import Any

from gasdesk.domain.errors import TellerError
from gasdesk.domain.lifecycle import ACTIVE, CLOSED, SUSPENDED
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.account_changes import status_since

CLOSED_NO_MONEY = QT_TRANSLATE_NOOP(
    "Messages", "Account {number} is closed (已销户); it takes no payments."
)
CLOSED_NO_READING = QT_TRANSLATE_NOOP(
    "Messages", "Account {number} is closed (已销户); no reading is recorded for it."
)
STOPPED = QT_TRANSLATE_NOOP(
    "Messages",
    "The gas supply of account {number} is stopped ({reason}, since {day}); it cannot buy "
    "gas or prepay until the supply is restored (复气). Bills can still be paid.",
)


def stop_reason(account: Any) -> tuple[str, str]:
    """(reason, day) of the stop in force, from the account's history ('—' when the
    history does not say, e.g. an account stopped before the history was kept)."""
    line = status_since(account.id)
    if line is None or line.new != SUSPENDED:
        return "—", "—"
    return line.reason or "—", line.at.date().isoformat()


def refuse_payment(account: Any, kind: str, error: type[TellerError] = TellerError) -> None:
    """Refuse (as `error`) a payment of `kind` ('bill', 'purchase', 'prepay') that the
    account's status does not allow."""
    if account.status == CLOSED:
        raise error("account_closed", CLOSED_NO_MONEY, number=account.number)
    if account.status == ACTIVE or kind == "bill":
        return
    if account.status == SUSPENDED:
        reason, day = stop_reason(account)
        raise error("supply_stopped", STOPPED, number=account.number, reason=reason, day=day)
    raise error(
        "account_inactive",
        QT_TRANSLATE_NOOP("Messages", "Account {number} is {status}; it cannot buy gas or prepay."),
        number=account.number,
        status=account.status,
    )
