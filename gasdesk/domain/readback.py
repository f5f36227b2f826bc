"""The read-back (唱收唱付): what the teller announces before anything is recorded.

应收 (due), 实收 (received) and 找零 (change) in figures and in capitals, and the
sentence the teller says, e.g. "收您200.00元，找您71.50元，请收好". The sentence is
Chinese domain text: it is what is said to the customer, whatever the screen language.
"""

from __future__ import annotations

from dataclasses import dataclass

from gasdesk.domain.errors import TellerError
from gasdesk.domain.methods import BALANCE, CASH, METHOD_ZH, check_reference
from gasdesk.domain.money import capital_amount, format_yuan
from gasdesk.domain.tariff import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ReadBack:
    kind: str  # 'bill' | 'purchase' | 'prepay' | 'card_fee'
    method: str
    due_fen: int
    received_fen: int
    change_fen: int
    reference: str
    account_number: str
    account_name: str
    volume_l: int
    due_capital: str
    received_capital: str
    change_capital: str
    sentence: str


def sentence(
    method: str, received_fen: int, change_fen: int, kind: str = "bill", volume_l: int = 0
) -> str:
    head = f"购气{format_m3(volume_l)}立方米，" if kind == "purchase" and volume_l else ""
    if kind == "card_fee":
        head = "补卡工本费，"
    received = format_yuan(received_fen)
    if method == CASH:
        if change_fen:
            return f"{head}收您{received}元，找您{format_yuan(change_fen)}元，请收好"
        return f"{head}收您{received}元，正好，不用找零"
    if method == BALANCE:
        return f"{head}从您的预存余额扣除{received}元"
    return f"{head}{METHOD_ZH[method]}收您{received}元，请您核对"


def read_back(
    *,
    due_fen: int,
    method: str,
    tendered_fen: int | None = None,
    reference: str = "",
    account_number: str = "",
    account_name: str = "",
    kind: str = "bill",
    volume_l: int = 0,
) -> ReadBack:
    """Check the tender against the amount due and build the read-back.

    Cash needs `tendered_fen` >= `due_fen` (change is the difference); other methods
    take exactly the amount due and need a transaction reference (WeChat Pay, Alipay,
    bank card) or nothing (prepaid balance).
    """
    if due_fen <= 0:
        raise TellerError(
            "nothing_due", QT_TRANSLATE_NOOP("Messages", "There is nothing to collect.")
        )
    ref = check_reference(method, reference)
    if method == CASH:
        if tendered_fen is None:
            raise TellerError(
                "tender_missing",
                QT_TRANSLATE_NOOP("Messages", "Enter the cash the customer hands over."),
            )
        if tendered_fen < due_fen:
            raise TellerError(
                "short",
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The cash tendered ({tendered}) is less than the amount due ({due}).",
                ),
                tendered=format_yuan(tendered_fen),
                due=format_yuan(due_fen),
            )
        received = tendered_fen
    else:
        received = due_fen
    change = received - due_fen
    return ReadBack(
        kind=kind,
        method=method,
        due_fen=due_fen,
        received_fen=received,
        change_fen=change,
        reference=ref,
        account_number=account_number,
        account_name=account_name,
        volume_l=volume_l,
        due_capital=capital_amount(due_fen),
        received_capital=capital_amount(received),
        change_capital=capital_amount(change),
        sentence=sentence(method, received, change, kind, volume_l),
    )
