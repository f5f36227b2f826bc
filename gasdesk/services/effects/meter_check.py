"""表具校验: the laboratory's result recorded; a fast meter's over-charge credited.

When the form reaches 已答复 (the result given to the customer), the teller enters the
laboratory, the certificate number, the error in percent and the test day; a
supervisor of the office (not the teller) approves. The result is a history row of
the account (meter, error, laboratory, certificate). Within the service code's ±1.5%
the meter passes and the test is its verification (`last_verified`). Beyond it the
meter fails and a 换表 form is opened for it at once (reason 校验不合格); a meter fast
beyond +1.5% has its over-charge computed (domain.meter_check) over the charges from
its last verification (or the stated day) to today, credited to the prepaid balance
(services.credits, with the supervisor's approval) and taken out of the year's tier
volume (services.tier_year).

Refused, changing nothing: a meter number on the form that is no longer the one in
service (a 换表 since), an error that is not a percentage, a test day in the future
or before the meter was installed, a period start after the test day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.forms import load_catalog
from gasdesk.domain.lifecycle import AccountChange, Confirmation, PreviewLine
from gasdesk.domain.meter_check import (
    Charged,
    ErrorRefused,
    OverLine,
    fast,
    format_error,
    over_charge,
    parse_error,
    passes,
)
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readings import format_m3
from gasdesk.domain.tariff import lines_from_json
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.billing import stored_lines, voided_ids
from gasdesk.services.credits import METER_CHECK, record_credit
from gasdesk.services.effects import registry
from gasdesk.services.effects.final_bill import meter_in_service
from gasdesk.services.effects.open_account import meter_key
from gasdesk.services.effects.registry import Effect, EffectOutcome, EffectRun, register
from gasdesk.services.form_errors import FormRejected, field_refusal
from gasdesk.services.form_settings import forms_dir
from gasdesk.storage.models import Account, Bill, Meter, Payment

NAME = "meter_check"
TEXT = (FieldType.TEXT,)
NEEDS = EffectNeeds(
    NAME,
    required={
        "meter_number": TEXT,
        "phone": (FieldType.PHONE,),
        "lab": TEXT,
        "certificate": TEXT,
        "error_percent": TEXT,
        "tested_on": (FieldType.DATE,),
    },
    optional={"period_from": (FieldType.DATE,)},
)
CHANGE_FORM = "meter_change"
RULE = (
    "服务承诺：燃气表误差不超过±1.5%。偏快超出的，自上次检定日（或约定起算日）至今按表计"
    "多计气量 = 计费气量 × 误差 ÷（100 + 误差），按原计费价格退还至预存余额，并从当年阶梯气量中扣除。"
)


def _meter(run: EffectRun) -> Any:
    assert run.account_id is not None
    meter = meter_in_service(run.account_id)
    if meter_key(run.text("meter_number")) != meter_key(meter.number):
        raise field_refusal(
            "meter_number",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Meter {meter} is no longer in service on this account (the meter now is "
                "{current}); the check result belongs to the meter that was tested.",
            ),
            meter=run.text("meter_number"),
            current=meter.number,
        )
    return meter


def _result(run: EffectRun, meter: Any) -> tuple[int, dt.date, dt.date]:
    """(error in hundredths of a percent, test day, first day of the period)."""
    try:
        error = parse_error(run.text("error_percent"))
    except ErrorRefused as exc:
        raise field_refusal("error_percent", exc.template, **exc.params) from None
    tested = dt.date.fromisoformat(run.text("tested_on"))
    if tested > run.today:
        raise field_refusal(
            "tested_on", QT_TRANSLATE_NOOP("Messages", "The test day cannot be after today.")
        )
    if tested < meter.installed_on:
        raise field_refusal(
            "tested_on",
            QT_TRANSLATE_NOOP(
                "Messages", "Meter {meter} was installed on {installed}, after this test day."
            ),
            meter=meter.number,
            installed=meter.installed_on.isoformat(),
        )
    first = meter.last_verified or meter.installed_on
    if run.text("period_from"):
        first = dt.date.fromisoformat(run.text("period_from"))
        if first > tested:
            raise field_refusal(
                "period_from",
                QT_TRANSLATE_NOOP(
                    "Messages", "The over-charge period must start on or before the test day."
                ),
            )
    return error, tested, max(first, meter.installed_on)


def charged_lines(account_id: int, meter: Any) -> list[Charged]:
    """The tier lines the meter's gas was charged by: its bills (mechanical) or the
    account's IC-card purchases while it was in service, voided ones aside."""
    out: list[Charged] = []
    if meter.kind != "ic_card":
        for bill in Bill.select().where(Bill.meter == meter.id).order_by(Bill.id):
            for x in stored_lines(bill):
                out.append(
                    Charged("bill", bill.id, x.start, x.end, x.tier, x.volume_l, x.price_fen)
                )
        return out
    voided = voided_ids(account_id)
    purchases = Payment.select().where(
        (Payment.account == account_id)
        & (Payment.kind == "purchase")
        & (Payment.business_date >= meter.installed_on)
    )
    for p in purchases.order_by(Payment.id):
        if p.id in voided:
            continue
        for x in lines_from_json(p.lines_json):
            out.append(Charged("purchase", p.id, x.start, x.start, x.tier, x.volume_l, x.price_fen))
    return out


def _over(run: EffectRun) -> tuple[Any, int, dt.date, dt.date, tuple[OverLine, ...]]:
    meter = _meter(run)
    error, tested, first = _result(run, meter)
    assert run.account_id is not None
    lines = over_charge(charged_lines(run.account_id, meter), first, run.today, error)
    return meter, error, tested, first, lines


def preview(run: EffectRun) -> tuple[PreviewLine, ...]:
    _meter_row, error, _tested, first, lines = _over(run)
    verdict = "在±1.5%以内，合格" if passes(error) else "超出±1.5%，不合格，须换表"
    out = [
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "Check result"), f"{format_error(error)}, {verdict}"
        )
    ]
    if fast(error):
        out.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Over-registered gas"),
                f"{format_m3(sum(x.over_l for x in lines))} m³ ({first.isoformat()} – "
                f"{run.today.isoformat()})",
            )
        )
        out.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Credited to the prepaid balance"),
                f"{format_yuan(sum(x.amount_fen for x in lines))} 元",
            )
        )
    return tuple(out)


def _open_meter_change(run: EffectRun, account: Any, meter: Any, error: int) -> str:
    """Submit the 换表 form that follows a failed check; its number, or '' when this
    installation has no such form (the teller opens one by hand)."""
    from gasdesk.services.forms import submit_form  # forms loads the effects: not at import

    spec = load_catalog(forms_dir(), registry.needs()).get(CHANGE_FORM)  # all registered
    if spec is None or spec.effect != "change_meter":
        return ""
    values = {
        "account": account.number,
        "name": account.name,
        "phone": run.text("phone"),
        "meter_number": meter.number,
        "reason": "校验不合格",
        "notes": f"表具校验 {run.form_number}：误差 {format_error(error)}",
    }
    try:
        result = submit_form(
            spec, values, staff_id=run.staff_id, office_id=run.office_id, at=run.at
        )
    except FormRejected:
        return ""  # the form file asks for more than is known here
    return str(result.form.number)


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None and run.supervisor is not None
    account: Any = Account.get_by_id(run.account_id)
    meter, error, tested, first, lines = _over(run)
    result_text = (
        f"{meter.number} {format_error(error)}，{run.text('lab')}，证书 {run.text('certificate')}"
    )
    reason = "表具校验"  # the form is on the row
    changes: list[AccountChange] = [
        account_changes.record(
            account.id,
            "meter_check",
            "",
            result_text,
            reason=reason,
            form_id=run.form_id,
            staff_id=run.staff_id,
            at=run.at,
        )
    ]
    credit: Any = None
    change_form = ""
    if passes(error):
        old = meter.last_verified.isoformat() if meter.last_verified else ""
        Meter.update(last_verified=tested).where(Meter.id == meter.id).execute()
        changes.append(
            account_changes.record(
                account.id,
                "meter_verified",
                old,
                tested.isoformat(),
                reason=reason,
                form_id=run.form_id,
                staff_id=run.staff_id,
                at=run.at,
            )
        )
    else:
        if lines:
            credit = record_credit(
                account.id,
                lines,
                office_id=run.office_id,
                staff_id=run.staff_id,
                supervisor=run.supervisor,
                kind=METER_CHECK,
                form_id=run.form_id,
                meter_id=meter.id,
                period=(first, run.today),
                error_bp=error,
                reason=f"表具校验（{run.form_number}）：{meter.number} {format_error(error)}",
                today=run.today,
                at=run.at,
            )
        change_form = _open_meter_change(run, account, meter, error)
    verdict = "合格" if passes(error) else ("偏快，超出±1.5%" if fast(error) else "偏慢，超出±1.5%")
    paper = [
        ("户号", account.number),
        ("户主姓名", account.name),
        ("燃气表号", meter.number),
        ("检定机构", run.text("lab")),
        ("证书编号", run.text("certificate")),
        ("检定日期", tested.isoformat()),
        ("示值误差", format_error(error)),
        ("结论", verdict),
    ]
    if credit is not None:
        paper += [
            ("多收气费计算期间", f"{first.isoformat()} 至 {run.today.isoformat()}"),
            ("表计多计气量", f"{format_m3(credit.volume_l)} m³"),
            ("退还气费（记入预存）", f"{format_yuan(credit.amount_fen)} 元"),
            ("退还后预存余额", f"{format_yuan(Account.get_by_id(account.id).balance_fen)} 元"),
        ]
    elif fast(error):
        paper.append(("退还气费", "计算期间内无计费记录，无需退还"))
    if change_form:
        paper.append(("换表申请单", change_form))
    notes = [RULE]
    if not passes(error):
        notes.append("该表校验不合格，须更换燃气表（换表申请单已受理）。")
    return EffectOutcome(
        account_id=account.id,
        changes=tuple(changes),
        confirmation=Confirmation("燃气表校验结果通知单", tuple(paper), tuple(notes)),
        audit={
            "meter": meter.number,
            "error_bp": error,
            "lab": run.text("lab"),
            "certificate": run.text("certificate"),
            "tested_on": tested.isoformat(),
            "credit": credit.id if credit is not None else None,
            "credit_fen": credit.amount_fen if credit is not None else 0,
            "meter_change_form": change_form,
        },
    )


EFFECT = register(Effect(name=NAME, needs=NEEDS, apply=apply, preview=preview, supervisor=True))
