"""过户: the account passes to a new holder once the old holder has settled.

When the form is received, the transfer reading is recorded on the meter in service
(effects.final_bill.record_at_submission), so that the fee tab shows the gas up to it
at once and the old holder can pay there (read-back, receipt, shift). When the form
is finished (办结), in one transaction with the status change, a supervisor of the
office (not the teller) authorising:
- every reading not yet billed is billed (the gas up to the transfer reading is the
  old holder's);
- what is owed is paid from the prepaid balance (the old holder's money; a normal
  payment from the balance with its receipt); when the balance does not cover it the
  transfer is refused with the amount to collect first;
- what is left of the balance stays with the account (it passes to the new holder) or
  is paid back to the old holder in cash from the teller's shift (services.refunds:
  a refund row and its 退款凭证), as the teller chose with the customers;
- the holder's name, ID-card number and phone change, each with its history row (old
  and new value, the form, the transfer reading), and the search index is refiled:
  the history shows both holders and from when.
IC-card meters: the transfer reading is recorded, nothing is billed; gas bought and
still on the meter passes with the meter.

Refused, changing nothing: a transfer to the same holder (the same ID-card number, or
the same name where the account has no ID-card number), a closed account or one with
an open 销户, a reading below the previous one, arrears beyond the balance.
"""

from __future__ import annotations

from typing import Any

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.idcard import normalise as normalise_id
from gasdesk.domain.lifecycle import Confirmation, PreviewLine
from gasdesk.domain.methods import BALANCE
from gasdesk.domain.money import capital_amount, format_yuan
from gasdesk.domain.readings import format_m3
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.accounts import active_meter
from gasdesk.services.billing import statement
from gasdesk.services.effects.final_bill import bill_unbilled, record_at_submission
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.effects.open_account import _masked
from gasdesk.services.effects.registry import (
    Effect,
    EffectOutcome,
    EffectRun,
    SubmitCheck,
    register,
)
from gasdesk.services.form_errors import field_refusal
from gasdesk.services.payments import collect_in_transaction
from gasdesk.services.refunds import record_refund
from gasdesk.storage.models import Account, Counter, Reading

NAME = "transfer_holder"
READING = "transfer_reading"
STAYS, REFUNDED = "留在账户", "退还原户主"
NEEDS = EffectNeeds(
    NAME,
    required={
        "new_name": (FieldType.TEXT,),
        "new_id_card": (FieldType.IDCARD,),
        "new_phone": (FieldType.PHONE,),
        READING: (FieldType.TEXT,),
        "balance": (FieldType.CHOICE,),
    },
    optional={"reason": (FieldType.CHOICE, FieldType.TEXT)},
)
SAME_HOLDER = QT_TRANSLATE_NOOP(
    "Messages",
    "{name} already holds account {number}; a transfer passes the account to another holder.",
)
SHORT = QT_TRANSLATE_NOOP(
    "Messages",
    "The old holder owes {due} yuan on account {number} with the gas up to the transfer "
    "reading, and its prepaid balance is {balance} yuan: collect {short} yuan at the fee "
    "tab (F3) first, then finish the transfer.",
)


def _same_holder(account: Any, name: str, id_card: str) -> str | None:
    """The field that shows the new holder is the holder already, if any."""
    held = normalise_id(account.id_card or "")
    if held:
        return "new_id_card" if normalise_id(id_card) == held else None
    return "new_name" if "".join(name.split()) == "".join(account.name.split()) else None


def check_submission(check: SubmitCheck) -> None:
    """At submission: another holder; the transfer reading recorded."""
    if check.account_id is None:
        return
    account: Any = Account.get_by_id(check.account_id)
    field = _same_holder(
        account, str(check.values.get("new_name", "")), str(check.values.get("new_id_card", ""))
    )
    if field is not None:
        raise field_refusal(field, SAME_HOLDER, name=account.name, number=account.number)
    record_at_submission(check, READING)


def _transfer_reading(account_id: int) -> tuple[str, str]:
    """(value, day) of the meter's newest reading, the transfer reading."""
    meter = active_meter(account_id)
    if meter is None:
        return "—", ""
    last = (
        Reading.select(Reading.value_l, Reading.read_on)
        .where(Reading.meter == meter.id)
        .order_by(Reading.read_on.desc(), Reading.id.desc())
        .first()
    )
    if last is None:
        return f"{format_m3(meter.initial_l)} m³", meter.installed_on.isoformat()
    return f"{format_m3(last.value_l)} m³", last.read_on.isoformat()


def preview(run: EffectRun) -> tuple[PreviewLine, ...]:
    assert run.account_id is not None
    st = statement(run.account_id, run.today)
    due, balance = st.due_fen, st.balance_fen
    lines = [
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "Old holder owes (to the transfer reading)"),
            f"¥{format_yuan(due)}",
        ),
        PreviewLine(QT_TRANSLATE_NOOP("Messages", "Prepaid balance"), f"¥{format_yuan(balance)}"),
    ]
    if due > balance:
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "To collect first at the fee tab (F3)"),
                f"¥{format_yuan(due - balance)}",
            )
        )
        return tuple(lines)
    rest = balance - due
    if due:
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Paid from the balance"), f"¥{format_yuan(due)}"
            )
        )
    if run.text("balance") == REFUNDED:
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Refund in cash from your drawer"),
                f"¥{format_yuan(rest)}  {capital_amount(rest)}",
            )
        )
    else:
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Stays on the account for the new holder"),
                f"¥{format_yuan(rest)}",
            )
        )
    return tuple(lines)


def _settle(run: EffectRun, account: Any) -> tuple[int, int, Any]:
    """Bill the unbilled readings and pay what is owed from the balance: (owed, the
    balance before, the settling receipt or None)."""
    assert run.counter_id is not None
    balance = int(account.balance_fen)
    bill_unbilled(account.id)
    due = statement(account.id, run.today).due_fen
    if due > balance:
        raise EffectRefused(
            SHORT,
            number=account.number,
            due=format_yuan(due),
            balance=format_yuan(balance),
            short=format_yuan(due - balance),
        )
    if due == 0:
        return 0, balance, None
    settled = collect_in_transaction(
        PaymentRequest(
            account_id=account.id,
            staff_id=run.staff_id,
            counter_id=run.counter_id,
            kind="bill",
            method=BALANCE,
            expected_due_fen=due,
            idempotency_key=f"{run.idempotency_key}-bills",
        ),
        today=run.today,
    )
    return due, balance, settled


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None and run.counter_id is not None
    assert run.supervisor is not None
    account: Any = Account.get_by_id(run.account_id)
    counter: Any = Counter.get_by_id(run.counter_id)
    if counter.office_id != run.office_id:
        raise EffectRefused(
            QT_TRANSLATE_NOOP(
                "Messages", "Form {form} belongs to another office; do the transfer there."
            ),
            form=run.form_number,
        )
    name, id_card = run.text("new_name").strip(), normalise_id(run.text("new_id_card"))
    if _same_holder(account, name, id_card) is not None:
        raise EffectRefused(SAME_HOLDER, name=account.name, number=account.number)
    old_name, old_phone = account.name, account.phone
    due, balance, settled = _settle(run, account)
    rest = balance - due
    refund = None
    if run.text("balance") == REFUNDED and rest > 0:
        refund = record_refund(
            account.id,
            rest,
            staff_id=run.staff_id,
            counter_id=run.counter_id,
            supervisor=run.supervisor,
            reason=f"过户退还原户主{old_name}预存余额（{run.form_number}）",
            idempotency_key=f"{run.idempotency_key}-refund",
            today=run.today,
        )
    reading, read_on = _transfer_reading(account.id)
    meter = active_meter(account.id)
    notes = ["过户读数以前的气费由原户主结清；此后的用气及气费由新户主承担。"]
    if meter is not None and meter.kind == "ic_card":
        notes.append("IC卡表内已购气量随表过户。")
    why = run.text("reason")
    changes = account_changes.change_account(
        account.id,
        {"name": name, "id_card": id_card, "phone": run.text("new_phone")},
        reason="过户" + (f"：{why}" if why else "") + f"，过户读数 {reading}（{read_on}）",
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    left = f"{format_yuan(rest)} 元"
    lines = (
        ("户号", account.number),
        ("用气地址", account.address),
        ("原户主", old_name),
        ("原户主联系电话", old_phone),
        ("新户主", name),
        ("新户主身份证号码", _masked(id_card)),
        ("新户主联系电话", run.text("new_phone")),
        ("过户读数", f"{reading}（{read_on}）"),
        ("原户主结清气费", f"{format_yuan(due)} 元" + (f"（{settled.code}）" if settled else "")),
        ("原预存余额", f"{format_yuan(balance)} 元"),
        (
            "预存余额处理",
            f"退还原户主现金 {left}" if refund is not None else f"留在账户，归新户主 {left}",
        ),
        *(
            (("退还金额大写", capital_amount(rest)), ("退款凭证号", refund.code))
            if refund is not None
            else ()
        ),
        ("授权主管", f"{run.supervisor.name}（{run.supervisor.badge}）"),
        ("过户日期", run.today.isoformat()),
    )
    return EffectOutcome(
        account_id=account.id,
        changes=changes,
        confirmation=Confirmation("燃气过户确认单", lines, tuple(notes)),
        payment_id=refund.payment_id if refund else None,
        receipt_id=refund.receipt_id if refund else None,
        receipt_code=refund.code if refund else "",
        audit={
            "old_holder": old_name,
            "new_holder": name,
            "transfer_reading": reading,
            "settled_fen": due,
            "settled_receipt": settled.code if settled else "",
            "balance_choice": run.text("balance"),
            "refund_fen": rest if refund is not None else 0,
        },
    )


EFFECT = register(
    Effect(
        name=NAME,
        needs=NEEDS,
        apply=apply,
        on_submit=check_submission,
        preview=preview,
        supervisor=True,
        drawer=True,
    )
)
