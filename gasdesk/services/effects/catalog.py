"""Every business effect GasDesk has: importing this module registers them all (one
module each, see registry.py); a form file names one with `effect = "..."`."""

from pathlib import Path

from gasdesk.domain.form_spec import FormCatalog
from gasdesk.domain.forms import load_catalog
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
from gasdesk.services.form_settings import forms_dir

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


def load_forms(directory: str | Path | None = None) -> FormCatalog:
    """Every form definition, checked (a named effect must be registered and find the
    fields it reads); broken files are in `.problems`."""
    return load_catalog(forms_dir(directory), needs())


__all__ = [
    "EFFECT_MODULES",
    "Effect",
    "EffectOutcome",
    "EffectRun",
    "SubmitCheck",
    "get",
    "load_forms",
    "needs",
    "register",
    "registry",
]
