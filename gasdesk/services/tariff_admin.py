"""Adding a tariff version (a price decision) for a user type from its effective
date: from a file (`gasdesk tariff add FILE`) or the supervisor's Prices page.

Billed gas is never repriced: a version may take effect only after the last day
any bill of that user type covers (a bill covers start <= day < end) and after the
last IC-card purchase not voided (bought at the price of its day). Gas read after
the change and not billed yet is priced by days on each side of the date
(domain.tariff.bill_period). Two versions of one user type never share a date.
The version, its tiers and an audit event are written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from peewee import fn

from gasdesk.domain.records import StaffInfo
from gasdesk.domain.tariff import Tariff, TariffError, Tier
from gasdesk.domain.tariff_file import TariffSpec, TariffVersionInfo, read_spec, toml_line
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services.auth import verify_supervisor
from gasdesk.services.tariffs import household_of, store_spec
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, Bill, Payment, Staff, TariffTier, TariffVersion


def _as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def earliest_effective(user_type: str) -> tuple[dt.date | None, str]:
    """The first day a new version of `user_type` may take effect on (None: any day),
    and why: 'bill' (the end of the last billed period) or 'purchase' (the day after
    the last IC-card purchase)."""
    billed = _as_date(
        Bill.select(fn.MAX(Bill.period_end))
        .join(Account, on=(Bill.account == Account.id))
        .where(Account.user_type == user_type)
        .scalar()
    )
    voided = Payment.select(Payment.voids).where(Payment.voids.is_null(False))
    bought = _as_date(
        Payment.select(fn.MAX(Payment.business_date))
        .join(Account, on=(Payment.account == Account.id))
        .where(
            (Account.user_type == user_type)
            & (Payment.kind == "purchase")
            & Payment.id.not_in(voided)
        )
        .scalar()
    )
    after_purchase = bought + dt.timedelta(days=1) if bought else None
    if billed is None and after_purchase is None:
        return None, ""
    if after_purchase is None or (billed is not None and billed >= after_purchase):
        return billed, "bill"
    return after_purchase, "purchase"


def _check_date(spec: TariffSpec) -> None:
    day = spec.tariff.effective_from
    same = TariffVersion.get_or_none(
        (TariffVersion.user_type == spec.user_type) & (TariffVersion.effective_from == day)
    )
    if same is not None:
        raise TariffError(
            "tariff_same_day",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The tariff '{name}' already takes effect on {day} for these accounts; "
                "two tariffs cannot start on the same day.",
            ),
            name=same.name,
            day=day.isoformat(),
        )
    earliest, why = earliest_effective(spec.user_type)
    if earliest is not None and day < earliest:
        template = (
            QT_TRANSLATE_NOOP(
                "Messages",
                "Gas of these accounts is billed up to {last}; billed periods are never "
                "repriced, so a new tariff can take effect on {earliest} at the earliest, "
                "not {day}.",
            )
            if why == "bill"
            else QT_TRANSLATE_NOOP(
                "Messages",
                "IC-card gas of these accounts was sold on {last} at the price of that day; "
                "a new tariff can take effect on {earliest} at the earliest, not {day}.",
            )
        )
        last = earliest - dt.timedelta(days=1) if why == "purchase" else earliest
        raise TariffError(
            "tariff_before_billed",
            template,
            last=last.isoformat(),
            earliest=earliest.isoformat(),
            day=day.isoformat(),
        )


def add_tariff(
    spec: TariffSpec, *, created_by: int | None = None, office_id: int | None = None
) -> TariffVersionInfo:
    """Store `spec` as a new tariff version; refused (nothing written) when its date
    falls on or before gas already billed or sold, or on another version's date."""
    with write_transaction():
        _check_date(spec)
        version_id = store_spec(spec, created_by)
        t = spec.tariff
        audit.append(
            "tariff_added",
            staff_id=created_by,
            office_id=office_id,
            version=version_id,
            user_type=spec.user_type,
            name=t.name,
            effective_from=t.effective_from.isoformat(),
            tiers=[[tier.upper_m3, tier.price_fen] for tier in t.tiers],
            household=(
                [t.household.base_persons, t.household.extra_m3_per_person] if t.household else None
            ),
            source=spec.source,
            sample=spec.sample,
        )
        return version_info(TariffVersion.get_by_id(version_id))


def add_tariff_as_supervisor(
    spec: TariffSpec, badge: str, password: str, office_id: int
) -> TariffVersionInfo:
    """The Prices page: a supervisor of the office confirms with badge and password."""
    supervisor: StaffInfo = verify_supervisor(badge, password, office_id)
    return add_tariff(spec, created_by=supervisor.id, office_id=office_id)


def read_tariff_file(path: str | Path) -> TariffSpec:
    """The tariff version a TOML file states (UTF-8, with or without BOM, or GB18030),
    checked; refused with the file's first problem."""
    target = Path(path)
    try:
        raw = target.read_bytes()
    except OSError as exc:
        raise TariffError(
            "tariff_file_unreadable",
            QT_TRANSLATE_NOOP("Messages", "The tariff file {file} cannot be read: {error}."),
            file=str(target),
            error=exc.strerror or str(exc),
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TariffError(
            "tariff_file_syntax",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The tariff file {file} is not written as a tariff file should be "
                "(line {line}); compare it with the shipped resources/tariff_residential.toml.",
            ),
            file=target.name,
            line=toml_line(exc) or "?",
        ) from exc
    return read_spec(data)


def version_info(version: TariffVersion) -> TariffVersionInfo:
    tiers = TariffTier.select().where(TariffTier.version == version.id).order_by(TariffTier.seq)
    staff = Staff.get_or_none(Staff.id == version.created_by_id) if version.created_by_id else None
    return TariffVersionInfo(
        id=version.id,
        user_type=version.user_type,
        tariff=Tariff(
            version.name,
            _as_date(version.effective_from) or dt.date.min,
            tuple(Tier(t.upper_m3, t.price_fen) for t in tiers),
            household_of(version),
        ),
        source=version.source or "",
        sample=bool(version.sample),
        created_at=version.created_at,
        created_by=staff.badge if staff else "",
    )


def tariff_versions(user_type: str | None = None) -> list[TariffVersionInfo]:
    """The stored versions (of `user_type`, or all), by user type and date."""
    query = TariffVersion.select().order_by(
        TariffVersion.user_type.desc(), TariffVersion.effective_from, TariffVersion.id
    )
    if user_type is not None:
        query = query.where(TariffVersion.user_type == user_type)
    return [version_info(v) for v in query]
