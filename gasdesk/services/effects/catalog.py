"""Every business effect GasDesk has: importing this module registers them all (one
module each, see registry.py); a form file names one with `effect = "..."`."""

from gasdesk.services.effects import (
    change_meter,
    change_user_type,
    close_account,
    info_change,
    meter_check,
    open_account,
    registry,
    supply,
    transfer_holder,
)
from gasdesk.services.effects.registry import (
    Effect,
    EffectOutcome,
    EffectRun,
    SubmitCheck,
    get,
    needs,
    register,
)

EFFECT_MODULES = (
    open_account,
    info_change,
    supply,
    close_account,
    change_user_type,
    change_meter,
    meter_check,
    transfer_holder,
)  # each registers itself when imported

__all__ = [
    "EFFECT_MODULES",
    "Effect",
    "EffectOutcome",
    "EffectRun",
    "SubmitCheck",
    "get",
    "needs",
    "register",
    "registry",
]
