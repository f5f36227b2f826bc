"""The typed shape of a business form definition (one TOML file per form in forms/).

Parsing lives in gasdesk.domain.forms; validating typed-in values in
gasdesk.domain.form_fields. These are plain frozen dataclasses the UI and the
services share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any


class FieldType(StrEnum):
    TEXT = "text"
    PHONE = "phone"
    IDCARD = "idcard"
    DATE = "date"
    TIMESLOT = "timeslot"
    CHOICE = "choice"
    ACCOUNT = "account"
    ADDRESS = "address"
    AMOUNT = "amount"
    LONGTEXT = "longtext"


class Status(StrEnum):
    """Lifecycle of a submitted form, in order."""

    RECEIVED = "received"  # 受理
    IN_PROGRESS = "in_progress"  # 处理中
    REPLIED = "replied"  # 已答复
    FOLLOWED_UP = "followed_up"  # 已回访
    CLOSED = "closed"  # 办结


STATUS_ORDER: tuple[Status, ...] = tuple(Status)
STATUS_LABELS_ZH: dict[Status, str] = {
    Status.RECEIVED: "受理",
    Status.IN_PROGRESS: "处理中",
    Status.REPLIED: "已答复",
    Status.FOLLOWED_UP: "已回访",
    Status.CLOSED: "办结",
}
STATUS_BY_ZH: dict[str, Status] = {v: k for k, v in STATUS_LABELS_ZH.items()}

# Defaults per field type when the file does not say.
DEFAULT_MAX_LENGTH: dict[FieldType, int] = {
    FieldType.TEXT: 60,
    FieldType.ADDRESS: 120,
    FieldType.LONGTEXT: 1000,
}

# Where a field can take its initial value from the customer bar (AccountSummary).
PREFILL_SOURCES = (
    "customer.name",
    "customer.phone",
    "customer.address",
    "customer.number",
    "customer.meter",
)
# What a field that names the account must equal, checked against the account in the
# form's account field (see gasdesk.domain.form_match): the holder's name, the supply
# address, the meter in service. A contact's name, a phone or a new holder's details
# may differ and carry no `match`.
MATCH_SOURCES = ("customer.name", "customer.address", "customer.meter")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # Chinese label (domain text, data)
    type: FieldType
    label_en: str = ""
    required: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None  # a regular expression the whole value must match
    pattern_hint: str = ""  # what the pattern asks for (Chinese), shown when it does not match
    pattern_hint_en: str = ""  # the same in English (display only)
    choices: tuple[str, ...] = ()
    choices_en: tuple[str, ...] = ()  # English names of the choices, same order (display only)
    prefill: str | None = None  # one of PREFILL_SOURCES
    default: str = ""
    help: str = ""
    min_amount_fen: int | None = None
    max_amount_fen: int | None = None
    slot_kind: str | None = None  # timeslot: appointment kind code (repair, installation, ...)
    slot_kind_field: str | None = None  # timeslot: a choice field whose value names the kind
    match: str | None = None  # one of MATCH_SOURCES: the value must be the account's

    def display_label(self, english: bool) -> str:
        return (self.label_en or self.label) if english else self.label

    def display_choices(self, english: bool) -> tuple[str, ...]:
        return self.choices_en if english and self.choices_en else self.choices


def field_to_data(spec: FieldSpec) -> dict[str, Any]:
    """A field definition as JSON-ready data (kept with a submitted form, so that the
    fields its effect asks for later are those of the file it was submitted under)."""
    data = asdict(spec)
    data["type"] = spec.type.value
    data["choices"] = list(spec.choices)
    data["choices_en"] = list(spec.choices_en)
    return data


def field_from_data(data: Mapping[str, Any]) -> FieldSpec:
    known = {f.name for f in fields(FieldSpec)}
    values = {k: v for k, v in data.items() if k in known}
    values["type"] = FieldType(values["type"])
    values["choices"] = tuple(values.get("choices", ()))
    values["choices_en"] = tuple(values.get("choices_en", ()))
    return FieldSpec(**values)


@dataclass(frozen=True)
class SectionSpec:
    title: str
    fields: tuple[str, ...]
    title_en: str = ""

    def display_title(self, english: bool) -> str:
        return (self.title_en or self.title) if english else self.title


@dataclass(frozen=True)
class WorkflowSpec:
    """The statuses this form passes through, a subsequence of STATUS_ORDER from
    RECEIVED to CLOSED; plus what happens along the way."""

    steps: tuple[Status, ...] = STATUS_ORDER
    complaint: bool = False  # reply/result deadlines, escalation, compensation
    return_visit: bool = False  # enters the follow-up queue when replied (work done)

    def next_status(self, current: Status) -> Status | None:
        if current not in self.steps:
            return None
        i = self.steps.index(current)
        return self.steps[i + 1] if i + 1 < len(self.steps) else None


@dataclass(frozen=True)
class FormSpec:
    kind: str  # file stem, e.g. 'complaint'
    title: str
    fields: tuple[FieldSpec, ...]
    sections: tuple[SectionSpec, ...]
    workflow: WorkflowSpec = field(default_factory=WorkflowSpec)
    title_en: str = ""
    description: str = ""
    order: int = 100
    source: str = ""  # the file name it came from
    effect: str = ""  # a registered business effect (services.effects), run at effect_at
    effect_at: Status | None = None  # the status whose reaching runs the effect
    effect_fields: tuple[FieldSpec, ...] = ()  # filled in by the teller when the effect runs
    effect_title: str = ""  # the heading of those fields on screen
    effect_title_en: str = ""

    def display_title(self, english: bool) -> str:
        return (self.title_en or self.title) if english else self.title

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def timeslot_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.type is FieldType.TIMESLOT)

    def effect_form(self) -> FormSpec:
        """The fields filled in when the effect runs, as a form of their own (one
        section): the screen builds it and validate_form checks it like any form."""
        names = tuple(f.name for f in self.effect_fields)
        title = self.effect_title or EFFECT_SECTION[0]
        title_en = self.effect_title_en or EFFECT_SECTION[1]
        return FormSpec(
            kind=self.kind,
            title=self.title,
            title_en=self.title_en,
            fields=self.effect_fields,
            sections=(SectionSpec(title=title, title_en=title_en, fields=names),) if names else (),
            source=self.source,
        )


EFFECT_SECTION = ("办理结果", "Result of the business")


class DefinitionError(ValueError):
    """One exact problem in one form definition."""


@dataclass(frozen=True)
class EffectNeeds:
    """What a registered business effect needs of a form file that declares it: the
    fields it reads, each of one of the given types. `required` fields must exist and be
    required (in [[field]] or [[effect_field]]); `optional` ones, where the file has
    them, must be of the types given. `account`: the form names an existing account
    (a field of type account, required), the account the effect changes."""

    name: str
    required: Mapping[str, tuple[FieldType, ...]] = field(default_factory=dict)
    optional: Mapping[str, tuple[FieldType, ...]] = field(default_factory=dict)
    account: bool = True


@dataclass(frozen=True)
class DefinitionProblem:
    """A form file that could not be loaded: which file and what exactly is wrong."""

    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


@dataclass(frozen=True)
class FormCatalog:
    forms: tuple[FormSpec, ...]
    problems: tuple[DefinitionProblem, ...] = ()

    def get(self, kind: str) -> FormSpec | None:
        for f in self.forms:
            if f.kind == kind:
                return f
        return None

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(f.kind for f in self.forms)
