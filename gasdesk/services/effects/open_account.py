"""开户 / 报装: when the installation is done, the account is opened.

The account gets the next number of the office's series (services.account_numbers),
the holder's name, ID-card number, phone, supply address and user type from the form;
its meter (number, kind, model, initial reading, installation and verification dates)
from the fields the teller fills in when the form reaches its effect's status. The
history records every starting value, the search index files the account, and the
confirmation (开户确认单) carries the account number and the service phone. A
prepayment on the form is not booked here: the fee tab takes it next, through the
read-back, the receipt and the shift like any other payment.

Refused, changing nothing: an address an account not closed already supplies, a
meter number registered anywhere before (hyphens, blanks and case aside), a reading
that is not one, an installation in the future, a verification after installation.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from peewee import fn

from gasdesk.domain.form_spec import EffectNeeds, FieldType
from gasdesk.domain.idcard import normalise as normalise_id
from gasdesk.domain.lifecycle import ACTIVE, CLOSED, Confirmation
from gasdesk.domain.money import format_yuan
from gasdesk.domain.names import initials
from gasdesk.domain.readings import ReadingRefused, format_m3, parse_reading
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import account_changes
from gasdesk.services.account_numbers import next_account_number
from gasdesk.services.effects.guards import EffectRefused
from gasdesk.services.effects.registry import (
    Effect,
    EffectOutcome,
    EffectRun,
    SubmitCheck,
    register,
)
from gasdesk.services.form_errors import field_refusal
from gasdesk.services.search import index_account
from gasdesk.storage.models import Account, Meter, Office

USER_TYPES = {
    "居民用户": "residential",
    "住宅": "residential",
    "商业用户": "commercial",
    "商铺": "commercial",
    "餐饮": "commercial",
}
USER_TYPE_ZH = {"residential": "居民用户", "commercial": "商业用户"}
METER_KINDS = {"机械表": "mechanical", "IC卡表": "ic_card"}
METER_KIND_ZH = {"mechanical": "机械表", "ic_card": "IC卡表"}

TEXT = (FieldType.TEXT,)
NEEDS = EffectNeeds(
    "open_account",
    required={
        "name": TEXT,
        "id_card": (FieldType.IDCARD,),
        "phone": (FieldType.PHONE,),
        "address": (FieldType.ADDRESS,),
        "user_type": (FieldType.CHOICE,),
        "meter_number": TEXT,
        "meter_kind": (FieldType.CHOICE,),
        "meter_model": TEXT,
        "initial_reading": TEXT,
        "installed_on": (FieldType.DATE,),
        "verified_on": (FieldType.DATE,),
    },
    optional={"prepay": (FieldType.AMOUNT,)},
    account=False,
)


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


def meter_key(number: str) -> str:
    """A meter number as compared: full-width, blanks, hyphens and case do not count."""
    return _squeeze(number).replace("-", "").upper()


def address_in_use(address: str) -> Any:
    """An account not closed that already supplies `address` (blanks and full-width
    characters aside), if any."""
    key = _squeeze(address)
    candidates = Account.select(Account.id, Account.number, Account.address, Account.status).where(
        Account.status != CLOSED
    )
    head = key[:2]
    if head:
        candidates = candidates.where(Account.address.contains(head))
    return next((a for a in candidates if _squeeze(a.address) == key), None)


def meter_in_use(number: str) -> Any:
    """The meter registered with this number before (in service or removed), if any."""
    key = meter_key(number)
    return (
        Meter.select(Meter, Account)
        .join(Account)
        .where(fn.UPPER(fn.REPLACE(Meter.number, "-", "")) == key)
        .first()
    )


def user_type_of(choice: str) -> str:
    user_type = USER_TYPES.get(choice)
    if user_type is None:
        raise EffectRefused(
            QT_TRANSLATE_NOOP("Messages", "'{choice}' is not a user type GasDesk knows."),
            choice=choice,
        )
    return user_type


ADDRESS_IN_USE = QT_TRANSLATE_NOOP(
    "Messages",
    "Account {account} already supplies this address; one address has one account "
    "(a new holder there is a transfer, 过户).",
)


def check_submission(check: SubmitCheck) -> None:
    """At submission: the address is not supplied already, the user type is known."""
    user_type_of(str(check.values.get("user_type", "")))
    other = address_in_use(str(check.values.get("address", "")))
    if other is not None:
        raise field_refusal("address", ADDRESS_IN_USE, account=other.number)


def _meter(run: EffectRun) -> tuple[str, str, int, dt.date, dt.date]:
    """(number, kind, initial litres, installed on, verified on), each checked."""
    number = unicodedata.normalize("NFKC", run.text("meter_number")).strip().upper()
    used = meter_in_use(number)
    if used is not None:
        raise field_refusal(
            "meter_number",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Meter number {meter} is registered to account {account} already; a meter "
                "number is used once.",
            ),
            meter=used.number,
            account=used.account.number,
        )
    kind = METER_KINDS.get(run.text("meter_kind"))
    if kind is None:
        raise field_refusal(
            "meter_kind",
            QT_TRANSLATE_NOOP("Messages", "'{choice}' is not a meter kind GasDesk knows."),
            choice=run.text("meter_kind"),
        )
    try:
        initial = parse_reading(run.text("initial_reading"))
    except ReadingRefused as exc:
        raise field_refusal("initial_reading", exc.template, **exc.params) from None
    installed = dt.date.fromisoformat(run.text("installed_on"))
    verified = dt.date.fromisoformat(run.text("verified_on"))
    if installed > run.today:
        raise field_refusal(
            "installed_on",
            QT_TRANSLATE_NOOP("Messages", "The installation date cannot be after today."),
        )
    if verified > installed:
        raise field_refusal(
            "verified_on",
            QT_TRANSLATE_NOOP(
                "Messages", "A meter is verified before it is installed ({installed})."
            ),
            installed=installed.isoformat(),
        )
    return number, kind, initial, installed, verified


def _masked(id_card: str) -> str:
    return id_card[:6] + "*" * (len(id_card) - 10) + id_card[-4:] if len(id_card) > 10 else id_card


def apply(run: EffectRun) -> EffectOutcome:
    user_type = user_type_of(run.text("user_type"))
    other = address_in_use(run.text("address"))
    if other is not None:
        raise EffectRefused(ADDRESS_IN_USE, account=other.number)
    meter_number, kind, initial, installed, verified = _meter(run)
    name = run.text("name")
    number = next_account_number(run.office_id)
    account: Any = Account.create(
        number=number,
        name=name,
        initials=initials(name),
        phone=run.text("phone"),
        id_card=normalise_id(run.text("id_card")),
        address=run.text("address"),
        office=run.office_id,
        user_type=user_type,
        status=ACTIVE,
        balance_fen=0,
        opened_on=run.today,
    )
    Meter.create(
        number=meter_number,
        account=account.id,
        kind=kind,
        model=run.text("meter_model"),
        installed_on=installed,
        last_verified=verified,
        initial_l=initial,
    )
    changes = account_changes.opened(
        account.id,
        reason="开户",  # the form is on the row
        form_id=run.form_id,
        staff_id=run.staff_id,
        at=run.at,
    )
    index_account(account.id)
    office: Any = Office.get_by_id(run.office_id)
    prepay = run.values.get("prepay") or 0
    notes = [f"请牢记您的户号 {number}，缴费、购气、报修时请出示户号。"]
    if isinstance(prepay, int) and prepay > 0:
        notes.append(f"预存气费 {format_yuan(prepay)} 元请在收费窗口缴纳，以收费收据为准。")
    lines = (
        ("户号", number),
        ("户主姓名", name),
        ("身份证号码", _masked(account.id_card or "")),
        ("联系电话", account.phone),
        ("用气地址", account.address),
        ("用户类别", USER_TYPE_ZH[user_type]),
        ("燃气表号", meter_number),
        ("表型", METER_KIND_ZH[kind]),
        ("表具型号", run.text("meter_model")),
        ("初始读数", f"{format_m3(initial)} m³"),
        ("安装日期", installed.isoformat()),
        ("检定日期", verified.isoformat()),
        ("开户日期", run.today.isoformat()),
        ("开户网点", office.name),
    )
    return EffectOutcome(
        account_id=account.id,
        changes=changes,
        confirmation=Confirmation("燃气开户确认单", lines, tuple(notes)),
        collect_prepay_fen=prepay if isinstance(prepay, int) else 0,
        audit={"meter": meter_number, "meter_kind": kind, "initial_l": initial},
    )


EFFECT = register(
    Effect(
        name="open_account",
        needs=NEEDS,
        apply=apply,
        on_submit=check_submission,
    )
)
