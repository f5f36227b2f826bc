"""换表: the old meter's final reading and the new meter's initial reading, the same day.

The old meter's final reading is recorded and the account billed up to it
(effects.final_bill); the old meter leaves service that day (`removed_on`) and the new
one enters it (number, kind, model, initial reading, verification date), with a
history row (meter: old number → new number). The readings list and the usage chart
go on across the two: a meter's first reading counts from its initial value, so the
change shows neither a drop nor a jump (domain.readings.annotate).

IC-card meters: the gas bought and not yet used moves to the new meter. GasDesk
computes it as every volume the account bought (purchases not voided) less every
volume its IC-card meters registered (each one's newest reading, the old meter's
final reading included, less its initial reading); the confirmation states it and the
crew loads it onto the new meter free of charge. It was priced and counted toward the
tiers when it was bought, so nothing is charged or counted again. A mechanical meter
cannot carry it: changing an IC-card meter with gas left for a mechanical one is
refused.

Refused, changing nothing: a new meter number registered anywhere before, a final
reading below the old meter's previous reading, a reading that is not one, a
verification date after today.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.lifecycle import Confirmation, PreviewLine
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readings import ReadingRefused, format_m3, parse_reading
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.billing import voided_ids
from gasdesk.services.effects.final_bill import bill_to_reading, meter_in_service, preview_bill
from gasdesk.services.effects.open_account import METER_KIND_ZH, METER_KINDS, meter_in_use
from gasdesk.services.effects.registry import Effect, EffectOutcome, EffectRun, register
from gasdesk.services.form_errors import field_refusal
from gasdesk.storage.models import Account, Meter, Payment, Reading

NAME = "change_meter"
TEXT = (FieldType.TEXT,)
NEEDS = EffectNeeds(
    NAME,
    required={
        "final_reading": TEXT,
        "new_meter_number": TEXT,
        "new_meter_kind": (FieldType.CHOICE,),
        "new_meter_model": TEXT,
        "new_initial_reading": TEXT,
        "new_verified_on": (FieldType.DATE,),
    },
    optional={"reason": (FieldType.CHOICE, FieldType.TEXT)},
)
IC_RULE = "IC卡表剩余已购气量转入新表（免费补气），不重新计价，不重复计入阶梯气量。"


def purchased_l(account_id: int) -> int:
    """Every volume the account bought on IC cards, purchases voided aside."""
    voided = voided_ids(account_id)
    rows = Payment.select(Payment.id, Payment.volume_l).where(
        (Payment.account == account_id) & (Payment.kind == "purchase")
    )
    return sum(int(p.volume_l) for p in rows if p.id not in voided)


def registered_l(account_id: int, final: tuple[int, int] | None = None) -> int:
    """Every volume the account's IC-card meters registered; `final` = (meter id,
    litres) stands for that meter's newest reading (the final one, not written yet)."""
    total = 0
    for meter in Meter.select().where((Meter.account == account_id) & (Meter.kind == "ic_card")):
        if final is not None and final[0] == meter.id:
            newest = final[1]
        else:
            last = (
                Reading.select(Reading.value_l)
                .where(Reading.meter == meter.id)
                .order_by(Reading.read_on.desc(), Reading.id.desc())
                .first()
            )
            newest = last.value_l if last is not None else meter.initial_l
        total += newest - meter.initial_l
    return total


def carried_l(account_id: int, old: Any, final_l: int) -> int:
    """The gas bought and not used that moves to the new meter (0 when the records
    show none left: no purchases, or more registered than bought)."""
    if old.kind != "ic_card":
        return 0
    return max(0, purchased_l(account_id) - registered_l(account_id, (old.id, final_l)))


def _new_meter(run: EffectRun) -> tuple[str, str, int, dt.date]:
    """(number, kind, initial litres, verified on) of the new meter, each checked."""
    number = unicodedata.normalize("NFKC", run.text("new_meter_number")).strip().upper()
    used = meter_in_use(number)
    if used is not None:
        raise field_refusal(
            "new_meter_number",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Meter number {meter} is registered to account {account} already; a meter "
                "number is used once.",
            ),
            meter=used.number,
            account=used.account.number,
        )
    kind = METER_KINDS.get(run.text("new_meter_kind"))
    if kind is None:
        raise field_refusal(
            "new_meter_kind",
            QT_TRANSLATE_NOOP("Messages", "'{choice}' is not a meter kind GasDesk knows."),
            choice=run.text("new_meter_kind"),
        )
    try:
        initial = parse_reading(run.text("new_initial_reading"))
    except ReadingRefused as exc:
        raise field_refusal("new_initial_reading", exc.template, **exc.params) from None
    verified = dt.date.fromisoformat(run.text("new_verified_on"))
    if verified > run.today:
        raise field_refusal(
            "new_verified_on",
            QT_TRANSLATE_NOOP(
                "Messages", "A meter is verified before it is installed ({installed})."
            ),
            installed=run.today.isoformat(),
        )
    return number, kind, initial, verified


def _refuse_lost_gas(old: Any, kind: str, carried: int) -> None:
    if old.kind == "ic_card" and kind != "ic_card" and carried > 0:
        raise field_refusal(
            "new_meter_kind",
            QT_TRANSLATE_NOOP(
                "Messages",
                "{volume} m³ bought on the IC-card meter {meter} is not used yet; only an "
                "IC-card meter can carry it.",
            ),
            volume=format_m3(carried),
            meter=old.number,
        )


def preview(run: EffectRun) -> tuple[PreviewLine, ...]:
    assert run.account_id is not None
    old = meter_in_service(run.account_id)
    bill = preview_bill(
        run.account_id, old, run.text("final_reading"), on=run.today, field="final_reading"
    )
    lines = [
        PreviewLine(
            QT_TRANSLATE_NOOP("Messages", "Gas on the old meter since its previous reading"),
            f"{format_m3(bill.volume_l)} m³",
        )
    ]
    if old.kind == "ic_card":
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Bought gas carried to the new meter"),
                f"{format_m3(carried_l(run.account_id, old, bill.value_l))} m³",
            )
        )
    else:
        lines.append(
            PreviewLine(
                QT_TRANSLATE_NOOP("Messages", "Billed for the old meter"),
                f"{format_yuan(bill.billed_fen)} 元",
            )
        )
    return tuple(lines)


def apply(run: EffectRun) -> EffectOutcome:
    assert run.account_id is not None
    account: Any = Account.get_by_id(run.account_id)
    old = meter_in_service(account.id)
    number, kind, initial, verified = _new_meter(run)
    bill = bill_to_reading(
        account.id,
        old,
        run.text("final_reading"),
        on=run.today,
        staff_id=run.staff_id,
        field="final_reading",
    )
    carried = carried_l(account.id, old, bill.value_l)
    _refuse_lost_gas(old, kind, carried)
    Meter.update(removed_on=run.today).where(Meter.id == old.id).execute()
    new: Any = Meter.create(
        number=number,
        account=account.id,
        kind=kind,
        model=run.text("new_meter_model"),
        installed_on=run.today,
        last_verified=verified,
        initial_l=initial,
    )
    reason = run.text("reason")
    change = account_changes.record(
        account.id,
        account_changes.METER,
        old.number,
        number,
        reason="换表" + (f"：{reason}" if reason else ""),  # the form is on the row
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    lines: list[tuple[str, str]] = [
        ("户号", account.number),
        ("户主姓名", account.name),
        ("用气地址", account.address),
        ("换表日期", run.today.isoformat()),
        ("旧表表号", f"{old.number}（{METER_KIND_ZH.get(old.kind, old.kind)}）"),
        ("旧表止码", f"{format_m3(bill.value_l)} m³"),
        ("新表表号", f"{number}（{METER_KIND_ZH[kind]}）"),
        ("新表型号", run.text("new_meter_model")),
        ("新表起码", f"{format_m3(initial)} m³"),
        ("新表检定日期", verified.isoformat()),
    ]
    notes: list[str] = []
    if old.kind == "ic_card":
        lines.append(("转入新表气量", f"{format_m3(carried)} m³"))
        notes.append(IC_RULE)
    else:
        lines.append(("旧表结算气量", f"{format_m3(bill.billed_l)} m³"))
        lines.append(("旧表结算金额", f"{format_yuan(bill.billed_fen)} 元"))
        lines.append(("应缴合计", f"{format_yuan(bill.due_fen)} 元"))
    if reason:
        lines.append(("换表原因", reason))
    return EffectOutcome(
        account_id=account.id,
        changes=(change,),
        confirmation=Confirmation("燃气表更换确认单", tuple(lines), tuple(notes)),
        audit={
            "old_meter": old.number,
            "final_reading": bill.reading_id,
            "final_l": bill.value_l,
            "new_meter": number,
            "new_meter_id": new.id,
            "new_meter_kind": kind,
            "initial_l": initial,
            "verified_on": verified.isoformat(),
            "bills": [b.bill_id for b in bill.bills],
            "billed_fen": bill.billed_fen,
            "carried_l": carried,
        },
    )


EFFECT = register(Effect(name=NAME, needs=NEEDS, apply=apply, preview=preview))
