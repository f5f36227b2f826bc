"""Business effects: what a completed form does to the accounts (see registry.py).

Importing this package registers every effect GasDesk has; a form file names one with
`effect = "..."`.
"""

# the effects GasDesk has: importing them registers them
from gasdesk.services.effects import (
    change_meter,
    change_user_type,
    open_account,
    registry,
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

__all__ = [
    "Effect",
    "EffectOutcome",
    "EffectRun",
    "SubmitCheck",
    "change_meter",
    "change_user_type",
    "get",
    "needs",
    "open_account",
    "register",
    "registry",
]
