"""The typed shape of a business form definition (one TOML file per form in forms/).

Parsing lives in gasdesk.domain.forms; validating typed-in values in
gasdesk.domain.form_fields. These are plain frozen dataclasses the UI and the
services share.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
