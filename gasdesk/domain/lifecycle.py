"""Plain values of the business that completed forms do to the accounts: what the
teller gives when a form reaches the status that runs its effect, what the effect
changed, and what the screen shows before and after.

Account status codes: 'active' (供气), 'suspended' (停气, with a reason in the
history), 'closed' (已销户: no payments, no readings, still found by the search).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from gasdesk.domain.form_spec import FormSpec, Status

ACTIVE = "active"
SUSPENDED = "suspended"
CLOSED = "closed"
ACCOUNT_STATUS_ZH = {ACTIVE: "正常供气", SUSPENDED: "停气", CLOSED: "已销户"}


@dataclass(frozen=True)
class Completion:
    """What the teller gives when a form reaches the status that runs its effect: the
    raw text of the effect's fields, the counter (where money moves), a supervisor's
    badge and password (effects that need one) and an idempotency key made when the
    screen opened (the payments an effect makes are recorded once)."""

    values: Mapping[str, str] = field(default_factory=dict)
    counter_id: int | None = None
    supervisor_badge: str = ""
    supervisor_password: str = ""
    idempotency_key: str = ""


@dataclass(frozen=True)
class AccountChange:
    """One field of an account changed: its old and new value as text."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryLine:
    """One row of an account's history, as the account view shows it."""

    at: dt.datetime
    field: str
    old: str
    new: str
    reason: str
    form_number: str
    staff_name: str


@dataclass(frozen=True)
class PreviewLine:
    """A line the teller checks before confirming: `label` is an English template of
    the Messages context (the screen translates it), `value` is shown as it is."""

    label: str
    value: str


@dataclass(frozen=True)
class PendingEffect:
    """The effect the form's next status runs, for the screen: the fields to fill in
    (a form of their own; no fields: an empty form), whether a supervisor must
    authorise it, whether money moves through the teller's drawer, and what the
    effect will do (lines to check, a refusal that stands in the way)."""

    form_id: int
    effect: str
    status: Status
    fields: FormSpec
    supervisor: bool
    drawer: bool
    account_id: int | None


@dataclass(frozen=True)
class Confirmation:
    """The printed confirmation of a business done (开户确认, 销户确认 ...): Chinese,
    handed to the customer."""

    title: str
    lines: tuple[tuple[str, str], ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class EffectDone:
    """What a form's effect did, for the screen: the account it changed (or opened),
    the changes, the receipt of the money it moved (a refund's 退款凭证), and a
    prepayment the fee tab takes next (开户 with 预存)."""

    effect: str
    form_id: int
    account_id: int
    account_number: str
    changes: tuple[AccountChange, ...]
    confirmation: Confirmation
    receipt_id: int | None = None
    receipt_code: str = ""
    collect_prepay_fen: int = 0
