"""The content of a printed receipt or void slip, independent of its layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gasdesk.domain.fees import BillView
from gasdesk.domain.tariff import TierLine


@dataclass(frozen=True)
class CopyMark:
    """A reprint (重印): who printed it and when."""

    badge: str
    at: dt.datetime


@dataclass(frozen=True)
class VoidInfo:
    original_code: str
    original_issued_at: dt.datetime
    reason: str
    authorised_badge: str


@dataclass(frozen=True)
class RefundInfo:
    """A prepaid balance paid back (退款凭证): why, and the supervisor who authorised it."""

    reason: str
    authorised_badge: str


@dataclass(frozen=True)
class ReceiptDoc:
    company: str
    office_name: str
    office_address: str
    office_phone: str
    phones: tuple[tuple[str, str], ...]  # (label, number): 服务电话, 投诉电话 ...
    code: str
    issued_at: dt.datetime
    teller_badge: str
    account_number: str
    account_name: str
    account_address: str
    meter_number: str
    kind: str  # 'bill' | 'purchase' | 'prepay' | 'void' | 'refund'
    method: str
    amount_fen: int  # positive; for a void slip, the amount reversed; a refund, paid back
    tendered_fen: int
    change_fen: int
    reference: str
    volume_l: int
    bills: tuple[BillView, ...] = ()
    purchase_lines: tuple[TierLine, ...] = ()
    balance_after_fen: int | None = None
    void: VoidInfo | None = None
    copy: CopyMark | None = None
    refund: RefundInfo | None = None
