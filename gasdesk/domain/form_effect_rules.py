"""What a form file's business effect must be (`effect`, `effect_at`, `[[effect_field]]`,
see forms/README.md): a registered effect, run at a later status of the form's own
workflow, asking for fields of its own, and finding the fields it reads."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from gasdesk.domain.form_spec import (
    DefinitionError,
    EffectNeeds,
    FieldSpec,
    FieldType,
    Status,
    WorkflowSpec,
)

EFFECT_RE = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _field_types(types: tuple[FieldType, ...]) -> str:
    return " or ".join(t.value for t in types)


def check_needs(
    needs: EffectNeeds, fields: Sequence[FieldSpec], effect_fields: Sequence[FieldSpec]
) -> None:
    """The fields a registered effect reads are there, of the right type, required."""
    by_name = {f.name: f for f in [*fields, *effect_fields]}
    where = f"effect '{needs.name}'"
    for name, types in needs.required.items():
        f = by_name.get(name)
        if f is None:
            raise DefinitionError(
                f"{where} needs a field '{name}' ({_field_types(types)}), in [[field]] or "
                "[[effect_field]]"
            )
        if f.type not in types:
            raise DefinitionError(
                f"{where}: field '{name}' must be of type {_field_types(types)}, not {f.type.value}"
            )
        if not f.required:
            raise DefinitionError(f"{where}: field '{name}' must be required = true")
    for name, types in needs.optional.items():
        f = by_name.get(name)
        if f is not None and f.type not in types:
            raise DefinitionError(
                f"{where}: field '{name}' must be of type {_field_types(types)}, not {f.type.value}"
            )
    if needs.account and not any(f.type is FieldType.ACCOUNT and f.required for f in fields):
        raise DefinitionError(f"{where} needs a required account field naming the account")


def check_effect(
    name: str,
    at: Status,
    workflow: WorkflowSpec,
    fields: Sequence[FieldSpec],
    effect_fields: Sequence[FieldSpec],
    effects: Mapping[str, EffectNeeds] | None,
) -> None:
    """Raise DefinitionError naming the first problem of a declared effect. `effects`:
    the registered effects by name (None: the name is not checked)."""
    if not EFFECT_RE.fullmatch(name):
        raise DefinitionError(f"effect '{name}': a name is lower-case letters, digits and _")
    if effects is not None and name not in effects:
        known = ", ".join(sorted(effects)) or "none"
        raise DefinitionError(f"unknown effect '{name}' (known: {known})")
    if at not in workflow.steps:
        raise DefinitionError(f"effect_at: {at.value} is not one of this form's workflow steps")
    if at is Status.RECEIVED:
        raise DefinitionError("effect_at: an effect runs when the form reaches a later status")
    if at is Status.FOLLOWED_UP and workflow.return_visit:
        raise DefinitionError(
            "effect_at: 已回访 is reached by recording the return visit; choose another status"
        )
    names = {f.name for f in fields}
    seen: set[str] = set()
    for f in effect_fields:
        if f.name in names or f.name in seen:
            raise DefinitionError(f"duplicate field name '{f.name}'")
        seen.add(f.name)
        if f.type in (FieldType.TIMESLOT, FieldType.ACCOUNT) or f.match:
            raise DefinitionError(
                f"effect field '{f.name}': timeslot, account and match belong to [[field]]"
            )
    if effects is not None:
        check_needs(effects[name], fields, effect_fields)
