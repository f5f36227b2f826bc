"""Reading business form definitions: one TOML file per form in forms/.

A file looks like this (see forms/*.toml for the real ones):

    title = "报修"                 # required, Chinese title as printed
    title_en = "Repair request"    # optional, for the English UI
    order = 40                     # optional, position in the form picker

    [workflow]                     # optional; default: every status in order
    steps = ["受理", "处理中", "已答复", "已回访", "办结"]
    complaint = false              # reply/result deadlines, escalation, compensation
    return_visit = true            # follow-up queue once the work is done (已答复)

    [[field]]
    name = "phone"                 # identifier, unique in the file
    label = "联系电话"
    label_en = "Contact phone"
    type = "phone"                 # text phone idcard date timeslot choice account
                                   # address amount longtext
    required = true
    prefill = "customer.phone"     # customer.name / .phone / .address / .number / .meter
    match = "customer.name"        # optional: must equal the account's holder / .address /
                                   # .meter (the form needs an account field)

    [[section]]                    # printed layout, in order
    title = "客户信息"
    fields = ["name", "phone"]

Each file is checked completely when loaded; a file with a problem is reported with
its name and the problem, and every other file still loads.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from gasdesk.domain.form_effect_rules import check_effect
from gasdesk.domain.form_spec import (
    DEFAULT_MAX_LENGTH,
    MATCH_SOURCES,
    PREFILL_SOURCES,
    STATUS_BY_ZH,
    DefinitionError,
    DefinitionProblem,
    EffectNeeds,
    FieldSpec,
    FieldType,
    FormCatalog,
    FormSpec,
    SectionSpec,
    Status,
    WorkflowSpec,
)

NAME_RE = re.compile(r"[a-z][a-z0-9_]{0,39}")
KIND_RE = re.compile(r"[a-z][a-z0-9_]{0,39}")
TOP_KEYS = {
    "title",
    "title_en",
    "description",
    "order",
    "workflow",
    "field",
    "section",
    "effect",
    "effect_at",
    "effect_field",
    "effect_title",
    "effect_title_en",
}
FIELD_KEYS = {
    "name",
    "label",
    "label_en",
    "type",
    "required",
    "min_length",
    "max_length",
    "pattern",
    "pattern_hint",
    "pattern_hint_en",
    "choices",
    "choices_en",
    "prefill",
    "default",
    "help",
    "min_amount",
    "max_amount",
    "slot_kind",
    "slot_kind_field",
    "match",
}
SECTION_KEYS = {"title", "title_en", "fields"}
WORKFLOW_KEYS = {"steps", "complaint", "return_visit"}
OTHER_SECTION = ("其他", "Other")


def _str(table: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise DefinitionError(f"{where} has no {key}")
        return ""
    if not isinstance(value, str):
        raise DefinitionError(f"{where}: {key} must be text, not {type(value).__name__}")
    if required and not value.strip():
        raise DefinitionError(f"{where}: {key} is empty")
    return value.strip()


def _bool(table: dict[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise DefinitionError(f"{where}: {key} must be true or false")
    return value


def _int(table: dict[str, Any], key: str, where: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise DefinitionError(f"{where}: {key} must be a whole number 0 or more")
    return value


def _amount_fen(table: dict[str, Any], key: str, where: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DefinitionError(f'{where}: {key} must be yuan as text, e.g. "30.00"')
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        raise DefinitionError(f"{where}: {key} {value!r} is not an amount in yuan") from None
    if d < 0 or d != d.quantize(Decimal("0.01")):
        raise DefinitionError(
            f"{where}: {key} {value!r} is not an amount in yuan with at most two decimals"
        )
    return int(d * 100)


def _unknown_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    extra = sorted(set(table) - allowed)
    if extra:
        raise DefinitionError(f"{where}: unknown key '{extra[0]}'")


def parse_field(raw: Any, index: int) -> FieldSpec:
    where = f"field {index}"
    if not isinstance(raw, dict):
        raise DefinitionError(f"{where} is not a [[field]] table")
    name = _str(raw, "name", where, required=True)
    where = f"field '{name}'"
    if not NAME_RE.fullmatch(name):
        raise DefinitionError(
            f"{where}: the name must be lower-case letters, digits and _ (starting with a letter)"
        )
    _unknown_keys(raw, FIELD_KEYS, where)
    label = _str(raw, "label", where, required=True)
    type_text = _str(raw, "type", where, required=True)
    try:
        ftype = FieldType(type_text)
    except ValueError:
        known = ", ".join(t.value for t in FieldType)
        raise DefinitionError(
            f"{where}: unknown field type '{type_text}' (known: {known})"
        ) from None
    min_length = _int(raw, "min_length", where)
    max_length = _int(raw, "max_length", where)
    if max_length is None:
        max_length = DEFAULT_MAX_LENGTH.get(ftype)
    if min_length is not None and max_length is not None and min_length > max_length:
        raise DefinitionError(
            f"{where}: min_length {min_length} is more than max_length {max_length}"
        )
    pattern = _str(raw, "pattern", where) or None
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise DefinitionError(
                f"{where}: the pattern is not a valid regular expression ({exc})"
            ) from None
    choices_raw = raw.get("choices", [])
    if not isinstance(choices_raw, list) or not all(
        isinstance(c, str) and c.strip() for c in choices_raw
    ):
        raise DefinitionError(f"{where}: choices must be a list of non-empty texts")
    choices = tuple(c.strip() for c in choices_raw)
    if ftype is FieldType.CHOICE and not choices:
        raise DefinitionError(f"{where}: a choice field needs choices")
    if ftype is not FieldType.CHOICE and choices:
        raise DefinitionError(
            f"{where}: only a choice field has choices (this one is {ftype.value})"
        )
    if len(set(choices)) != len(choices):
        dup = next(c for c in choices if choices.count(c) > 1)
        raise DefinitionError(f"{where}: the choice '{dup}' is listed twice")
    choices_en_raw = raw.get("choices_en", [])
    if not isinstance(choices_en_raw, list) or not all(isinstance(c, str) for c in choices_en_raw):
        raise DefinitionError(f"{where}: choices_en must be a list of texts")
    if choices_en_raw and len(choices_en_raw) != len(choices):
        raise DefinitionError(
            f"{where}: choices_en must name each of the {len(choices)} choices, in order"
        )
    prefill = _str(raw, "prefill", where) or None
    if prefill is not None and prefill not in PREFILL_SOURCES:
        raise DefinitionError(
            f"{where}: unknown prefill '{prefill}' (known: {', '.join(PREFILL_SOURCES)})"
        )
    match = _str(raw, "match", where) or None
    if match is not None and match not in MATCH_SOURCES:
        raise DefinitionError(
            f"{where}: unknown match '{match}' (known: {', '.join(MATCH_SOURCES)})"
        )
    if match is not None and ftype not in (FieldType.TEXT, FieldType.ADDRESS):
        raise DefinitionError(f"{where}: match applies to text and address fields only")
    default = _str(raw, "default", where)
    if default and choices and default not in choices:
        raise DefinitionError(f"{where}: the default '{default}' is not one of the choices")
    min_fen = _amount_fen(raw, "min_amount", where)
    max_fen = _amount_fen(raw, "max_amount", where)
    if (min_fen is not None or max_fen is not None) and ftype is not FieldType.AMOUNT:
        raise DefinitionError(f"{where}: min_amount/max_amount apply to amount fields only")
    if min_fen is not None and max_fen is not None and min_fen > max_fen:
        raise DefinitionError(f"{where}: min_amount is more than max_amount")
    slot_kind = _str(raw, "slot_kind", where) or None
    slot_kind_field = _str(raw, "slot_kind_field", where) or None
    if ftype is FieldType.TIMESLOT:
        if (slot_kind is None) == (slot_kind_field is None):
            raise DefinitionError(
                f"{where}: a timeslot field needs exactly one of slot_kind or slot_kind_field"
            )
    elif slot_kind or slot_kind_field:
        raise DefinitionError(f"{where}: slot_kind/slot_kind_field apply to timeslot fields only")
    return FieldSpec(
        name=name,
        label=label,
        type=ftype,
        label_en=_str(raw, "label_en", where),
        required=_bool(raw, "required", where),
        min_length=min_length,
        max_length=max_length,
        pattern=pattern,
        pattern_hint=_str(raw, "pattern_hint", where),
        pattern_hint_en=_str(raw, "pattern_hint_en", where),
        choices=choices,
        choices_en=tuple(c.strip() for c in choices_en_raw),
        prefill=prefill,
        default=default,
        help=_str(raw, "help", where),
        min_amount_fen=min_fen,
        max_amount_fen=max_fen,
        slot_kind=slot_kind,
        slot_kind_field=slot_kind_field,
        match=match,
    )


def parse_workflow(raw: Any) -> WorkflowSpec:
    if raw is None:
        return WorkflowSpec()
    if not isinstance(raw, dict):
        raise DefinitionError("workflow must be a [workflow] table")
    _unknown_keys(raw, WORKFLOW_KEYS, "workflow")
    steps_raw = raw.get("steps")
    steps: tuple[Status, ...]
    if steps_raw is None:
        steps = tuple(Status)
    else:
        if not isinstance(steps_raw, list) or not steps_raw:
            raise DefinitionError("workflow: steps must be a list of statuses")
        out: list[Status] = []
        for s in steps_raw:
            out.append(_status(s, "workflow"))
        order = list(Status)
        if [order.index(s) for s in out] != sorted({order.index(s) for s in out}):
            raise DefinitionError(
                "workflow: steps must be in the order 受理, 处理中, 已答复, 已回访, 办结, each once"
            )
        if out[0] is not Status.RECEIVED or out[-1] is not Status.CLOSED:
            raise DefinitionError("workflow: steps must start with 受理 and end with 办结")
        steps = tuple(out)
    complaint = _bool(raw, "complaint", "workflow")
    return_visit = _bool(raw, "return_visit", "workflow")
    if (complaint or return_visit) and not {Status.REPLIED, Status.FOLLOWED_UP} <= set(steps):
        raise DefinitionError(
            "workflow: complaints and return visits need the steps 已答复 and 已回访"
        )
    return WorkflowSpec(steps=steps, complaint=complaint, return_visit=return_visit)


def _status(text: Any, where: str) -> Status:
    status = STATUS_BY_ZH.get(text) if isinstance(text, str) else None
    if status is None and isinstance(text, str):
        status = next((x for x in Status if x.value == text), None)
    if status is None:
        known = "、".join(STATUS_BY_ZH)
        raise DefinitionError(f"{where}: unknown status {text!r} (known: {known})")
    return status


def parse_effect(
    data: dict[str, Any],
    fields: list[FieldSpec],
    workflow: WorkflowSpec,
    effects: Mapping[str, EffectNeeds] | None,
) -> tuple[str, Status | None, tuple[FieldSpec, ...]]:
    """(effect name, status it runs at, fields filled in then). `effects`: the
    registered effects by name (None: the name is not checked)."""
    name = _str(data, "effect", "the form")
    raw_fields = data.get("effect_field", [])
    if not name:
        for key in ("effect_at", "effect_field", "effect_title", "effect_title_en"):
            if key in data:
                raise DefinitionError(f'{key} needs an effect = "..." naming the effect')
        return "", None, ()
    at = _status(data["effect_at"], "effect_at") if "effect_at" in data else Status.CLOSED
    if not isinstance(raw_fields, list):
        raise DefinitionError("effect_field must be a list of [[effect_field]] tables")
    out = [parse_field(raw, i) for i, raw in enumerate(raw_fields, start=1)]
    check_effect(name, at, workflow, fields, out, effects)
    return name, at, tuple(out)


def parse_definition(
    data: dict[str, Any],
    kind: str,
    source: str = "",
    effects: Mapping[str, EffectNeeds] | None = None,
) -> FormSpec:
    """Turn one parsed TOML document into a FormSpec; raise DefinitionError on the first
    problem. `effects`: the registered business effects (None: names not checked)."""
    if not KIND_RE.fullmatch(kind):
        raise DefinitionError(
            "the file name must be lower-case letters, digits and _ (e.g. repair.toml)"
        )
    _unknown_keys(data, TOP_KEYS, "the form")
    title = _str(data, "title", "the form", required=True)
    order = data.get("order", 100)
    if not isinstance(order, int) or isinstance(order, bool):
        raise DefinitionError("order must be a whole number")
    raw_fields = data.get("field")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise DefinitionError("the form has no [[field]] entries")
    fields: list[FieldSpec] = []
    for i, raw in enumerate(raw_fields, start=1):
        f = parse_field(raw, i)
        if any(g.name == f.name for g in fields):
            raise DefinitionError(f"duplicate field name '{f.name}'")
        fields.append(f)
    by_name = {f.name: f for f in fields}
    matched = next((f for f in fields if f.match), None)
    if matched is not None and not any(f.type is FieldType.ACCOUNT for f in fields):
        raise DefinitionError(
            f"field '{matched.name}': match needs an account field in the form to compare with"
        )
    for f in fields:
        if f.slot_kind_field is not None:
            ref = by_name.get(f.slot_kind_field)
            if ref is None or ref.type is not FieldType.CHOICE:
                raise DefinitionError(
                    f"field '{f.name}': slot_kind_field '{f.slot_kind_field}' is not a choice field of this form"
                )
    sections: list[SectionSpec] = []
    placed: set[str] = set()
    raw_sections = data.get("section", [])
    if not isinstance(raw_sections, list):
        raise DefinitionError("section must be a list of [[section]] tables")
    for i, raw in enumerate(raw_sections, start=1):
        where = f"section {i}"
        if not isinstance(raw, dict):
            raise DefinitionError(f"{where} is not a [[section]] table")
        _unknown_keys(raw, SECTION_KEYS, where)
        stitle = _str(raw, "title", where, required=True)
        names = raw.get("fields")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise DefinitionError(f"section '{stitle}': fields must be a list of field names")
        for n in names:
            if n not in by_name:
                raise DefinitionError(f"section '{stitle}' names the unknown field '{n}'")
            if n in placed:
                raise DefinitionError(f"field '{n}' is placed in two sections")
            placed.add(n)
        sections.append(
            SectionSpec(title=stitle, fields=tuple(names), title_en=_str(raw, "title_en", where))
        )
    rest = tuple(f.name for f in fields if f.name not in placed)
    if rest:
        if sections:
            sections.append(
                SectionSpec(title=OTHER_SECTION[0], title_en=OTHER_SECTION[1], fields=rest)
            )
        else:
            sections.append(
                SectionSpec(title=title, title_en=_str(data, "title_en", "the form"), fields=rest)
            )
    workflow = parse_workflow(data.get("workflow"))
    effect, effect_at, effect_fields = parse_effect(data, fields, workflow, effects)
    return FormSpec(
        kind=kind,
        title=title,
        title_en=_str(data, "title_en", "the form"),
        description=_str(data, "description", "the form"),
        order=order,
        fields=tuple(fields),
        sections=tuple(sections),
        workflow=workflow,
        source=source,
        effect=effect,
        effect_at=effect_at,
        effect_fields=effect_fields,
        effect_title=_str(data, "effect_title", "the form"),
        effect_title_en=_str(data, "effect_title_en", "the form"),
    )


def load_file(path: Path, effects: Mapping[str, EffectNeeds] | None = None) -> FormSpec:
    """Read one form file; raise DefinitionError naming the problem (not the file)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise DefinitionError("the file is not UTF-8 text") from None
    except OSError as exc:
        raise DefinitionError(f"the file cannot be read ({exc.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DefinitionError(f"bad TOML: {exc}") from None
    return parse_definition(data, path.stem, path.name, effects)


def load_catalog(directory: Path, effects: Mapping[str, EffectNeeds] | None = None) -> FormCatalog:
    """Every *.toml form in `directory`, in picker order; broken files are reported, not
    fatal. `effects`: the registered business effects a file may name."""
    forms: list[FormSpec] = []
    problems: list[DefinitionProblem] = []
    if not directory.is_dir():
        return FormCatalog(
            (), (DefinitionProblem(str(directory), "the forms folder does not exist"),)
        )
    for path in sorted(directory.glob("*.toml")):
        try:
            forms.append(load_file(path, effects))
        except DefinitionError as exc:
            problems.append(DefinitionProblem(path.name, str(exc)))
    forms.sort(key=lambda f: (f.order, f.kind))
    return FormCatalog(tuple(forms), tuple(problems))
