"""Service figures the service code rates an office by, and what they imply.

- Reply rate for consultations and complaints (咨询、投诉回复率), target 100%:
  replied within the term / received. An item whose term has not ended and that has
  no reply yet is *pending*: it is neither a success nor a failure yet and is left
  out of the rate (shown apart), so that a month in progress is not fined for
  complaints still inside their three working days.
- Unit fine (service code 9.2.1): 200 yuan for each whole percentage point the
  combined reply rate is below 100%. A shortfall under one point is shown but not
  fined (the code fines a fall "of 1%"; half a point has not fallen 1%).
- Compensation (9.2.3): 30 yuan to the customer for each complaint upheld against
  staff, charged to the member of staff concerned.
- Satisfaction rate, target 99% (3.10): (very satisfied + satisfied) / ratings. The
  ratings are the customers' at the counter and those given at return visits (回访),
  where 满意 and 基本满意 count as satisfied (RETURN_VISIT_SCORES).
- Service time (限时服务): average and worst length of finished visits.

Nothing is estimated: a figure without a source of data is None ("no data").
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from gasdesk.domain.service_quality import SATISFIED_SCORES, RatingCounts
from gasdesk.domain.service_timing import average_seconds

# A return visit's satisfaction (满意 / 基本满意 / 不满意) as a rating score.
RETURN_VISIT_SCORES: dict[str, str] = {
    "satisfied": "satisfied",
    "basically": "satisfied",
    "unsatisfied": "unsatisfied",
}
REPLY_TARGET = Fraction(1)
FINE_PER_POINT_FEN = 200_00
COMPENSATION_PER_COMPLAINT_FEN = 30_00


@dataclass(frozen=True)
class Period:
    """A day or a calendar month, both ends inclusive."""

    start: dt.date
    end: dt.date
    kind: str  # 'day' | 'month'

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day, "day")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), "month")

    @property
    def label(self) -> str:
        return self.start.isoformat() if self.kind == "day" else self.start.strftime("%Y-%m")

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) as datetimes, for timestamps."""
        start = dt.datetime.combine(self.start, dt.time())
        return start, dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())


@dataclass(frozen=True)
class Inquiry:
    """A consultation or complaint received in the period."""

    kind: str  # 'consultation' | 'complaint'
    staff_id: int | None  # who took it at the counter
    received_on: dt.date
    reply_due: dt.date | None  # None: no term (e.g. passed on to the municipal bureau)
    replied_on: dt.date | None
    upheld: bool = False
    against_staff_id: int | None = None


@dataclass(frozen=True)
class ReplyFigures:
    received: int = 0  # decided: replied, or term over without a reply
    in_term: int = 0
    late: int = 0  # replied after the term
    unreplied: int = 0  # term over, no reply
    pending: int = 0  # inside the term, no reply yet

    @property
    def rate(self) -> Fraction | None:
        return Fraction(self.in_term, self.received) if self.received else None

    @property
    def points_below_target(self) -> int:
        """Whole percentage points below 100%."""
        rate = self.rate
        if rate is None or rate >= REPLY_TARGET:
            return 0
        return math.floor((REPLY_TARGET - rate) * 100)

    @property
    def unit_fine_fen(self) -> int:
        return self.points_below_target * FINE_PER_POINT_FEN

    def __add__(self, other: ReplyFigures) -> ReplyFigures:
        return ReplyFigures(
            self.received + other.received,
            self.in_term + other.in_term,
            self.late + other.late,
            self.unreplied + other.unreplied,
            self.pending + other.pending,
        )


def reply_figures(inquiries: Iterable[Inquiry], as_of: dt.date) -> ReplyFigures:
    received = in_term = late = unreplied = pending = 0
    for q in inquiries:
        if q.replied_on is not None:
            received += 1
            if q.reply_due is None or q.replied_on <= q.reply_due:
                in_term += 1
            else:
                late += 1
        elif q.reply_due is not None and as_of > q.reply_due:
            received += 1
            unreplied += 1
        else:
            pending += 1
    return ReplyFigures(received, in_term, late, unreplied, pending)


@dataclass(frozen=True)
class Satisfaction(RatingCounts):
    very_satisfied: int
    satisfied: int
    unsatisfied: int

    @property
    def rate(self) -> Fraction | None:
        return self.satisfaction_rate


def satisfaction(scores: Iterable[str]) -> Satisfaction:
    values = list(scores)
    return Satisfaction(
        very_satisfied=sum(1 for s in values if s == "very_satisfied"),
        satisfied=sum(1 for s in values if s in SATISFIED_SCORES and s != "very_satisfied"),
        unsatisfied=sum(1 for s in values if s not in SATISFIED_SCORES),
    )


@dataclass(frozen=True)
class ServiceTimes:
    visits: int
    average_seconds: int | None
    worst_seconds: int | None


def service_times(seconds: Iterable[int]) -> ServiceTimes:
    values = list(seconds)
    return ServiceTimes(len(values), average_seconds(values), max(values) if values else None)


@dataclass(frozen=True)
class KpiRow:
    """One teller's or the office's figures. None means no source of data."""

    label: str
    staff_id: int | None  # None for the office row
    consultations: ReplyFigures | None
    complaints: ReplyFigures | None
    satisfaction: Satisfaction | None
    times: ServiceTimes | None
    upheld_complaints: int | None

    @property
    def replies(self) -> ReplyFigures | None:
        if self.consultations is None or self.complaints is None:
            return None
        return self.consultations + self.complaints

    @property
    def compensation_fen(self) -> int | None:
        if self.upheld_complaints is None:
            return None
        return self.upheld_complaints * COMPENSATION_PER_COMPLAINT_FEN

    @property
    def unit_fine_fen(self) -> int | None:
        """Only the office (the responsible unit) is fined for the reply rate."""
        replies = self.replies
        if self.staff_id is not None or replies is None:
            return None
        return replies.unit_fine_fen


@dataclass(frozen=True)
class KpiReport:
    office_name: str
    period: Period
    as_of: dt.date
    office: KpiRow
    tellers: tuple[KpiRow, ...]
    missing_sources: tuple[str, ...] = ()  # 'inquiries' | 'ratings' | 'visits'


def kpi_row(
    label: str,
    staff_id: int | None,
    inquiries: list[Inquiry] | None,
    scores: list[str] | None,
    seconds: list[int] | None,
    as_of: dt.date,
) -> KpiRow:
    """One row's figures. `inquiries` are the whole office's: a teller's replies are
    those of the items the teller took, a teller's upheld complaints those upheld
    against the teller. `scores` and `seconds` are already the row's own."""
    if inquiries is None:
        consult = complaints = None
        upheld = None
    else:
        taken = [q for q in inquiries if staff_id is None or q.staff_id == staff_id]
        consult = reply_figures((q for q in taken if q.kind == "consultation"), as_of)
        complaints = reply_figures((q for q in taken if q.kind == "complaint"), as_of)
        upheld = sum(
            1
            for q in inquiries
            if q.kind == "complaint"
            and q.upheld
            and (staff_id is None or q.against_staff_id == staff_id)
        )
    return KpiRow(
        label=label,
        staff_id=staff_id,
        consultations=consult,
        complaints=complaints,
        satisfaction=None if scores is None else satisfaction(scores),
        times=None if seconds is None else service_times(seconds),
        upheld_complaints=upheld,
    )
