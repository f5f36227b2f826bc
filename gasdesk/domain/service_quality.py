"""Service visits, satisfaction ratings and the per-teller day figures built from them.

The service code promises a satisfaction rate of at least 99% (顾客满意率达99%以上):
the rate is (very satisfied + satisfied) / all ratings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

SCORES: tuple[str, ...] = ("very_satisfied", "satisfied", "unsatisfied")
SATISFIED_SCORES = frozenset({"very_satisfied", "satisfied"})
# Why a customer was unhappy (one optional answer).
RATING_REASONS: tuple[str, ...] = ("long_wait", "attitude", "skill", "other")
SATISFACTION_TARGET = Fraction(99, 100)


class RatingError(UserError, ValueError):
    """A rating score or reason that is not one of the known ones."""


def check_score(score: str) -> str:
    if score not in SCORES:
        raise RatingError(
            QT_TRANSLATE_NOOP("Messages", "A rating is one of {choices}, not '{value}'."),
            choices=", ".join(SCORES),
            value=score,
        )
    return score


def check_reason(reason: str) -> str:
    if reason and reason not in RATING_REASONS:
        raise RatingError(
            QT_TRANSLATE_NOOP("Messages", "A rating reason is one of {choices}, not '{value}'."),
            choices=", ".join(RATING_REASONS),
            value=reason,
        )
    return reason


def satisfaction_rate(very_satisfied: int, satisfied: int, unsatisfied: int) -> Fraction | None:
    total = very_satisfied + satisfied + unsatisfied
    if total == 0:
        return None
    return Fraction(very_satisfied + satisfied, total)


class RatingCounts:
    """Ratings counted by score, and the satisfaction rate the service code sets its
    99% target for. Mixed into the dataclasses that carry the three counts."""

    very_satisfied: int
    satisfied: int
    unsatisfied: int

    @property
    def ratings(self) -> int:
        return self.very_satisfied + self.satisfied + self.unsatisfied

    @property
    def satisfaction_rate(self) -> Fraction | None:
        return satisfaction_rate(self.very_satisfied, self.satisfied, self.unsatisfied)

    @property
    def meets_target(self) -> bool | None:
        rate = self.satisfaction_rate
        return None if rate is None else rate >= SATISFACTION_TARGET


def format_rate(rate: Fraction | None) -> str:
    """Fraction(199, 200) -> '99.5%'; None -> '—'."""
    if rate is None:
        return "—"
    percent = (Decimal(rate.numerator) * 100 / Decimal(rate.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return f"{percent}%"


@dataclass(frozen=True)
class VisitInfo:
    """One customer served at a counter, from selection to the end of the service."""

    id: int
    staff_id: int
    counter_id: int
    office_id: int
    account_id: int | None
    started_at: dt.datetime
    ended_at: dt.datetime | None
    seconds: int | None
    payment_id: int | None
    form_id: int | None

    @property
    def open(self) -> bool:
        return self.ended_at is None


@dataclass(frozen=True)
class RatingInfo:
    id: int
    visit_id: int
    staff_id: int
    counter_id: int
    office_id: int
    rated_at: dt.datetime
    score: str
    reason: str
    payment_id: int | None
    form_id: int | None


@dataclass(frozen=True)
class ServiceQuality(RatingCounts):
    """One teller's service figures for one day (the end-of-day report reads these)."""

    staff_id: int
    staff_name: str
    day: dt.date
    visits: int  # finished visits started that day
    average_seconds: int | None
    worst_seconds: int | None
    over_limit: int  # finished visits longer than limit_seconds
    limit_seconds: int
    very_satisfied: int
    satisfied: int
    unsatisfied: int

    @property
    def satisfaction_text(self) -> str:
        return format_rate(self.satisfaction_rate)
