"""Business effects: what a completed form does to the accounts (see registry.py).

Importing this package registers every effect GasDesk has; a form file names one with
`effect = "..."`.
"""

from gasdesk.services.effects import registry
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
    "get",
    "needs",
    "register",
    "registry",
]
