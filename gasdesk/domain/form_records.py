"""Plain values the form services hand to the UI and to printing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gasdesk.domain.form_spec import Status

COMPLAINT_LEVELS: tuple[str, ...] = ("operations", "company", "bureau")
LEVEL_LABELS_ZH: dict[str, str] = {
    "operations": "运行部",
    "company": "公司",
    "bureau": "淄博市公用事业管理局",
}
SATISFACTION: tuple[str, ...] = ("satisfied", "basically", "unsatisfied")
SATISFACTION_LABELS_ZH: dict[str, str] = {
    "satisfied": "满意",
    "basically": "基本满意",
    "unsatisfied": "不满意",
}
COMPENSATION_FEN = 3000  # 30 yuan to the complainant when a complaint is upheld against staff


@dataclass(frozen=True)
class FormInfo:
    id: int
    number: str
    kind: str
    title: str
    title_en: str
    status: Status
    steps: tuple[Status, ...]
    customer: str
    account_number: str
    created_at: dt.datetime
    staff_name: str
    complaint: bool = False
    return_visit: bool = False

    def display_title(self, english: bool) -> str:
        return (self.title_en or self.title) if english else self.title

    @property
    def next_status(self) -> Status | None:
        if self.status not in self.steps:
            return None
        i = self.steps.index(self.status)
        return self.steps[i + 1] if i + 1 < len(self.steps) else None


@dataclass(frozen=True)
class FormEventInfo:
    at: dt.datetime
    staff_name: str
    action: str  # submitted | advanced | escalated | upheld | printed | return_visit | ...
    status: Status
    note: str


@dataclass(frozen=True)
class SubmitResult:
    form: FormInfo
    warnings: tuple[str, ...] = ()  # English text, as stored with the complaint
    unknown_holiday_year: int | None = None  # terms estimated (预计): warn the teller
    appointment: str = ""  # '2026-10-12 08:30-10:30' when a visit was booked
    reply_due: dt.date | None = None
    result_due: dt.date | None = None


@dataclass(frozen=True)
class ComplaintInfo:
    form: FormInfo
    level: str
    received_on: dt.date
    reply_due: dt.date | None
    result_due: dt.date | None
    replied_at: dt.datetime | None
    result_at: dt.datetime | None
    satisfaction: str
    upheld: bool
    compensation_fen: int
    deadline_warning: str
    reply_overdue: bool = False
    result_overdue: bool = False

    @property
    def overdue(self) -> bool:
        return self.reply_overdue or self.result_overdue


@dataclass(frozen=True)
class OutageInfo:
    id: int
    area_text: str
    street: str
    community: str
    building_from: int | None
    building_to: int | None
    starts_at: dt.datetime
    restore_at: dt.datetime
    reason: str
    in_peak: bool
    cancelled: bool
    office_id: int


@dataclass(frozen=True)
class SlotAvailability:
    slot: str
    capacity: int
    booked: int
    ended: bool = False  # the slot is over (today, later than its end): it cannot be booked

    @property
    def free(self) -> int:
        return 0 if self.ended else max(0, self.capacity - self.booked)


@dataclass(frozen=True)
class AppointmentInfo:
    id: int
    form_number: str
    kind: str
    day: dt.date
    slot: str
    crew: int
    customer: str
    address: str
    phone: str
    arrived_at: dt.datetime | None
    punctual: bool | None
    cancelled: bool


@dataclass(frozen=True)
class ReturnVisitInfo:
    id: int
    form: FormInfo
    due_on: dt.date
    phone: str
    done_at: dt.datetime | None
    outcome: str
    satisfaction: str


@dataclass(frozen=True)
class PrintLine:
    label: str
    value: str


@dataclass(frozen=True)
class PrintSection:
    title: str
    lines: tuple[PrintLine, ...]


@dataclass(frozen=True)
class PrintableForm:
    number: str
    title: str
    company: str
    office_name: str
    office_address: str
    office_phone: str
    service_phone: str
    created_at: dt.datetime
    staff_name: str
    status_label: str
    sections: tuple[PrintSection, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)  # deadlines, appointment, ...
    copy: bool = False  # a reprint: marked 重印
    time_label: str = "受理时间"  # a confirmation of business done: 办理时间
    staff_label: str = "受理人"  # ... 经办人
