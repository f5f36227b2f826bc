"""Payment kinds and methods, with the Chinese words printed on receipts and said
at the counter (the screens translate their own labels)."""

from __future__ import annotations

import re
import unicodedata

from gasdesk.domain.errors import TellerError
from gasdesk.domain.text import QT_TRANSLATE_NOOP

CASH = "cash"
TENDER_METHODS = ("cash", "wechat", "alipay", "card")  # what the customer pays with
BALANCE = "balance"  # settling bills from the prepaid balance (预存余额)
METHODS = (*TENDER_METHODS, BALANCE)

METHOD_ZH = {
    "cash": "现金",
    "wechat": "微信支付",
    "alipay": "支付宝",
    "card": "银行卡",
    "balance": "预存余额",
}

KINDS = ("bill", "purchase", "prepay", "void", "refund")
KIND_ZH = {"bill": "缴费", "purchase": "购气", "prepay": "预存", "void": "冲正", "refund": "退款"}
REFUND = "refund"  # a prepaid balance paid back in cash (销户): negative amount, a 退款凭证

_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{3,63}")


def check_reference(method: str, reference: str) -> str:
    """The transaction reference of a non-cash payment, normalised; cash and balance
    payments take none. Refuses a missing or malformed reference."""
    ref = unicodedata.normalize("NFKC", reference or "").strip().replace(" ", "")
    if method not in METHODS:
        raise TellerError(
            "bad_method",
            QT_TRANSLATE_NOOP("Messages", "Unknown payment method '{method}'."),
            method=method,
        )
    if method in (CASH, BALANCE):
        return ""
    if not ref:
        raise TellerError(
            "reference_missing",
            QT_TRANSLATE_NOOP(
                "Messages", "Enter the transaction reference number of the {method} payment."
            ),
            method=method,
        )
    if not _REFERENCE.fullmatch(ref):
        raise TellerError(
            "reference_invalid",
            QT_TRANSLATE_NOOP(
                "Messages", "The reference '{reference}' is not valid: 4 to 64 letters and digits."
            ),
            reference=reference.strip(),
        )
    return ref
