"""The registry of business effects: what a completed form does to the accounts.

A form file names its effect (`effect = "open_account"`) and the status at which it
runs (`effect_at = "办结"`, the default). An effect is registered here under that
name with the fields it reads (checked when the form files load), the function that
does the work (`apply`, inside the transaction of the form's status change), an
optional check at submission (`on_submit`, inside the submission's transaction), an
optional read-only `preview` for the screen, and whether a supervisor must authorise
it and money moves through the teller's drawer. A new form type needs no code unless
it needs a new effect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from gasdesk.domain.form_fields import Value
from gasdesk.domain.form_spec import EffectNeeds, FormSpec, Status
from gasdesk.domain.lifecycle import AccountChange, Confirmation, PreviewLine
from gasdesk.domain.records import StaffInfo


@dataclass(frozen=True)
class EffectRun:
    """What an effect is given, inside the transaction of the form's status change
    (for `preview`: outside any transaction, with no supervisor yet)."""

    form_id: int
    form_number: str
    form_kind: str
    effect: str
    status: Status
    account_id: int | None  # the account the form names; None for a new account
    office_id: int  # the office that holds the form
    staff_id: int  # who completes the form
    at: dt.datetime
    values: Mapping[str, Value]  # the form's values and its effect fields' values
    counter_id: int | None = None
    supervisor: StaffInfo | None = None
    idempotency_key: str = ""

    @property
    def today(self) -> dt.date:
        return self.at.date()

    def text(self, name: str) -> str:
        return str(self.values.get(name, "") or "")


@dataclass(frozen=True)
class SubmitCheck:
    """What an effect's `on_submit` is given, inside the submission's transaction."""

    spec: FormSpec
    values: Mapping[str, Value]
    account_id: int | None
    office_id: int
    staff_id: int
    at: dt.datetime


@dataclass(frozen=True)
class EffectOutcome:
    """What `apply` did: the account, its changes (each with its history row already
    written), the printed confirmation, the payment and receipt of money moved, a
    prepayment for the fee tab to take next, and facts for the audit event."""

    account_id: int
    changes: tuple[AccountChange, ...]
    confirmation: Confirmation
    payment_id: int | None = None
    receipt_id: int | None = None
    receipt_code: str = ""
    collect_prepay_fen: int = 0
    audit: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Effect:
    name: str
    needs: EffectNeeds
    apply: Callable[[EffectRun], EffectOutcome]
    on_submit: Callable[[SubmitCheck], None] | None = None
    preview: Callable[[EffectRun], tuple[PreviewLine, ...]] | None = None
    supervisor: bool = False  # a supervisor of the form's office (not the teller) authorises
    drawer: bool = False  # money moves through the teller's open shift at this counter
    blocks_account: bool = False  # while such a form is open, no other business on the account


_EFFECTS: dict[str, Effect] = {}


def register(effect: Effect) -> Effect:
    if effect.name != effect.needs.name:
        raise ValueError(f"effect {effect.name!r} declares the needs of {effect.needs.name!r}")
    if effect.name in _EFFECTS and _EFFECTS[effect.name] is not effect:
        raise ValueError(f"effect {effect.name!r} is registered twice")
    _EFFECTS[effect.name] = effect
    return effect


def unregister(name: str) -> None:
    """Forget an effect (tests that register one of their own)."""
    _EFFECTS.pop(name, None)


def get(name: str) -> Effect | None:
    return _EFFECTS.get(name)


def needs() -> dict[str, EffectNeeds]:
    """What each registered effect needs of a form file, by name (for loading forms)."""
    return {name: e.needs for name, e in _EFFECTS.items()}
