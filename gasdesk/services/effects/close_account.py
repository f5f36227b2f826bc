"""销户: the account is closed; the last gas is billed, the bills settled, and what is
left of the prepaid balance paid back in cash.

At submission the final reading is recorded on the meter in service (refused beside
its field when below the previous reading), so that the fee tab shows the final bill
at once and the customer can settle arrears there (read-back, receipt, shift). When
the form is finished (办结), in one transaction with the status change:
- the bills are written for every reading not yet billed (the final one included);
- what is owed is paid from the prepaid balance (a normal payment from the balance,
  with its receipt); when the balance does not cover it the closure is refused with
  the amount to collect first;
- the rest of the balance is paid back in cash from the teller's open shift, a
  supervisor of the office (not the teller) authorising it (services.refunds: a
  refund row, its 退款凭证 in the receipt series, the drawer's expected cash lower);
- the meter is removed (拆表) and the account closed (已销户), each with its history
  row. A closed account takes no payment and no reading, and is still found.
IC-card gas already loaded on the card is not refunded: the card's remaining gas is
not known to the counter (documented in forms/README.md).
"""

from __future__ import annotations

from typing import Any

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.lifecycle import CLOSED, Confirmation, PreviewLine
from gasdesk.domain.methods import BALANCE
from gasdesk.domain.money import capital_amount, format_yuan
from gasdesk.domain.readings import ReadingProblem, ReadingRefused, format_m3, parse_reading
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.accounts import active_meter
from gasdesk.services.billing import materialise, statement
from gasdesk.services.effects.guards import EffectRefused
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
from gasdesk.storage import audit
from gasdesk.storage.models import Account, Counter, Meter, Reading

NEEDS = EffectNeeds(
    "close_account",
    required={"final_reading": (FieldType.TEXT,)},
    optional={"reason": (FieldType.LONGTEXT, FieldType.TEXT)},
)
SHORT = QT_TRANSLATE_NOOP(
    "Messages",
    "Account {number} owes {due} yuan with the final bill and its prepaid balance is "
    "{balance} yuan: collect {short} yuan at the fee tab (F3) first, then finish the 销户.",
)


def _last_reading(meter: Any) -> tuple[int, str]:
    last = (
        Reading.select(Reading.value_l, Reading.read_on)
        .where(Reading.meter == meter.id)
        .order_by(Reading.read_on.desc(), Reading.id.desc())
        .first()
    )
    if last is None:
        return int(meter.initial_l), meter.installed_on.isoformat()
    return int(last.value_l), last.read_on.isoformat()


def record_final_reading(check: SubmitCheck) -> None:
    """At submission: the final reading of the meter in service, not below the previous
    one, recorded (source 'counter') so that the final bill can be paid at once."""
    if check.account_id is None:
        return
    meter = active_meter(check.account_id)
    if meter is None:
        return  # no meter in service (removed already): nothing to read
    try:
        value = parse_reading(str(check.values.get("final_reading", "")))
    except ReadingRefused as exc:
        raise field_refusal("final_reading", exc.template, **exc.params) from None
    previous, previous_on = _last_reading(meter)
    if value < previous:
        below = ReadingRefused(
            ReadingProblem.BELOW_PREVIOUS, previous=format_m3(previous), previous_on=previous_on
        )
        raise field_refusal("final_reading", below.template, **below.params)
    if value == previous:
        return  # nothing used since: the previous reading is the final one
    reading = Reading.create(
        meter=meter.id,
        account=check.account_id,
        read_on=check.at.date(),
        value_l=value,
        source="counter",
        recorded_by=check.staff_id,
        created_at=check.at,
    )
    audit.append(
        "reading_reported",
        staff_id=check.staff_id,
        office_id=check.office_id,
        account=check.account_id,
        meter=meter.number,
        reading=reading.id,
        value_l=value,
        volume_l=value - previous,
        final=True,
    )


def preview(run: EffectRun) -> tuple[PreviewLine, ...]:
    """The settlement to check with the customer before confirming."""
    assert run.account_id is not None
    st = statement(run.account_id, run.today)
    due, balance = st.due_fen, st.balance_fen
    lines = [
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "Owed with the final bill"), f"¥{format_yuan(due)}"
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
    refund = balance - due
    lines += [
        PreviewLine(QT_TRANSLATE_NOOP("Messages", "Paid from the balance"), f"¥{format_yuan(due)}"),
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "Refund in cash from your drawer"),
            f"¥{format_yuan(refund)}  {capital_amount(refund)}",
        ),
    ]
    return tuple(lines)


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None and run.counter_id is not None
    assert run.supervisor is not None
    account: Any = Account.get_by_id(run.account_id)
    counter: Any = Counter.get_by_id(run.counter_id)
    if counter.office_id != run.office_id:
        raise EffectRefused(
            QT_TRANSLATE_NOOP(
                "Messages", "Form {form} belongs to another office; close the account there."
            ),
            form=run.form_number,
        )
    balance = int(account.balance_fen)
    bills = materialise(account.id)  # the final bill among them
    due = sum(b.open_fen for b in bills)
    if due > balance:
        raise EffectRefused(
            SHORT,
            number=account.number,
            due=format_yuan(due),
            balance=format_yuan(balance),
            short=format_yuan(due - balance),
        )
    settled = None
    if due > 0:
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
    refund_fen = balance - due
    refund = None
    if refund_fen > 0:
        refund = record_refund(
            account.id,
            refund_fen,
            staff_id=run.staff_id,
            counter_id=run.counter_id,
            supervisor=run.supervisor,
            reason=f"销户退还预存余额（{run.form_number}）",
            idempotency_key=f"{run.idempotency_key}-refund",
            today=run.today,
        )
    reason = "销户" + (f"：{run.text('reason')}" if run.text("reason") else "")  # form on the row
    changes: list[Any] = []
    meter = active_meter(account.id)
    final = "—"
    if meter is not None:
        value, on = _last_reading(meter)
        final = f"{format_m3(value)} m³（{on}）"
        Meter.update(removed_on=run.today).where(Meter.id == meter.id).execute()
        changes.append(
            account_changes.record(
                account.id,
                account_changes.METER,
                meter.number,
                "",
                reason=reason,
                form_id=run.form_id,
                staff_id=run.staff_id,
                at=run.at,
            )
        )
    changes += account_changes.change_account(
        account.id,
        {"status": CLOSED},
        reason=reason,
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    lines = (
        ("户号", account.number),
        ("户主姓名", account.name),
        ("用气地址", account.address),
        ("燃气表号（已拆除）", meter.number if meter is not None else "—"),
        ("销户读数", final),
        ("结清气费", f"{format_yuan(due)} 元" + (f"（{settled.code}）" if settled else "")),
        ("原预存余额", f"{format_yuan(balance)} 元"),
        ("退还现金", f"{format_yuan(refund_fen)} 元"),
        ("退还金额大写", capital_amount(refund_fen)),
        ("退款凭证号", refund.code if refund else "—"),
        ("授权主管", f"{run.supervisor.name}（{run.supervisor.badge}）"),
        ("销户日期", run.today.isoformat()),
    )
    return EffectOutcome(
        account_id=account.id,
        changes=tuple(changes),
        confirmation=Confirmation(
            "燃气销户确认单",
            lines,
            ("本户已销户，此后不再计费、收费、抄表；如需恢复用气，请重新办理开户。",),
        ),
        payment_id=refund.payment_id if refund else None,
        receipt_id=refund.receipt_id if refund else None,
        receipt_code=refund.code if refund else "",
        audit={
            "settled_fen": due,
            "settled_receipt": settled.code if settled else "",
            "refund_fen": refund_fen,
            "meter": meter.number if meter is not None else "",
        },
    )


EFFECT = register(
    Effect(
        name="close_account",
        needs=NEEDS,
        apply=apply,
        on_submit=record_final_reading,
        preview=preview,
        supervisor=True,
        drawer=True,
        blocks_account=True,
    )
)
