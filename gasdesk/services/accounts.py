"""Finding and reading customer accounts."""

from __future__ import annotations

from gasdesk.domain.records import AccountSummary
from gasdesk.services.search import search_accounts
from gasdesk.storage.models import Account, Meter

PAGE = 50


def _summary(a: Account, meter: Meter | None) -> AccountSummary:
    return AccountSummary(
        id=a.id,
        number=a.number,
        name=a.name,
        phone=a.phone,
        address=a.address,
        office_id=a.office_id,
        user_type=a.user_type,
        status=a.status,
        balance_fen=a.balance_fen,
        meter_number=meter.number if meter else "",
        meter_kind=meter.kind if meter else "",
    )


def active_meter(account_id: int) -> Meter | None:
    return (
        Meter.select()
        .where((Meter.account == account_id) & Meter.removed_on.is_null())
        .order_by(Meter.installed_on.desc())
        .first()
    )


def get_account(account_id: int) -> AccountSummary | None:
    a = Account.get_or_none(Account.id == account_id)
    return _summary(a, active_meter(a.id)) if a else None


def find_accounts(text: str, limit: int = PAGE) -> list[AccountSummary]:
    """Accounts matching what the teller typed: account or meter number prefix, mobile
    digits, name, address fragments or pinyin initials (see services.search)."""
    return [hit.account for hit in search_accounts(text, limit)]
