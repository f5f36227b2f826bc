"""The service visit at this counter (限时服务) and the rating that follows it.

One VisitTracker per counter context (`VisitTracker.of(ctx)`), shared by the phrase
panel (running time) and the customer display (rating buttons):

- a visit starts when a customer is selected (customer_changed with an account),
  and ends at Farewell, when the customer is cleared, or when another customer is
  selected; re-selecting the customer being served (a refresh) changes nothing;
- a Committed event notes what the visit was (the payment or void, or the form) and
  opens the rating; the end of a visit opens it too if it is not rated yet;
- the rating stays open until the customer rates, the next visit starts, or
  `settings.RATING_LINGER` seconds after the visit ended. A rating click while it is
  closed records nothing.

Database work goes through the worker. The visit id is produced on the worker
thread and read there by later jobs, which the single worker thread runs in order,
so 'end' never overtakes 'start'.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from gasdesk import settings
from gasdesk.domain.events import (
    Committed,
    Farewell,
    FormCommitted,
    PaymentCommitted,
    RatingRecorded,
    VoidCommitted,
)
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.service_quality import RatingInfo
from gasdesk.domain.service_timing import TimingRules
from gasdesk.domain.text import UserError
from gasdesk.services import service_quality
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import user_text

EXTRAS_KEY = "visit_tracker"


class _Visit:
    """One visit as the GUI knows it; `id` and `rating_id` are set on the worker thread."""

    def __init__(self, account_id: int | None, started: float, started_at: dt.datetime) -> None:
        self.account_id = account_id
        self.started = started  # monotonic seconds
        self.started_at = started_at
        self.id: int | None = None
        self.ended: float | None = None
        self.rated = False
        self.rating_id: int | None = None


def timing_rules(ctx: AppContext) -> tuple[TimingRules, list[UserError]]:
    """The counter's timing rules, and the settings that were refused (their default
    applies) for the teller to see."""
    options = (settings.SERVICE_LIMIT, settings.WAIT_PROMPT, settings.RATING_LINGER)
    values: list[int] = []
    problems: list[UserError] = []
    for option in options:
        value, problem = ctx.settings.read(option)
        values.append(value)
        if isinstance(problem, UserError):
            problems.append(problem)
    return TimingRules(*values), problems


class VisitTracker(QObject):
    started = Signal()
    ended = Signal(int)  # whole seconds the visit took
    rating_open_changed = Signal(bool)
    rating_recorded = Signal(object)  # RatingInfo
    failed = Signal(str)  # a translated message for the teller

    def __init__(
        self,
        ctx: AppContext,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock
        self.rules, self.setting_problems = timing_rules(ctx)
        self.visit: _Visit | None = None
        self.reselected = False  # the last selection was the customer already being served
        self._rating_visit: _Visit | None = None
        self._last_rated: _Visit | None = None
        self._linger = QTimer(self)
        self._linger.setSingleShot(True)
        self._linger.timeout.connect(self.close_rating)
        ctx.events.customer_changed.connect(self._customer_changed)
        ctx.events.subscribe(Farewell, self._farewell)
        ctx.events.subscribe(Committed, self._committed)

    @classmethod
    def of(cls, ctx: AppContext) -> VisitTracker:
        """The counter's tracker, made on first use."""
        tracker = ctx.extras.get(EXTRAS_KEY)
        if not isinstance(tracker, VisitTracker):
            tracker = cls(ctx)
            ctx.extras[EXTRAS_KEY] = tracker
        return tracker

    # -- what the panel reads ---------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.visit is not None

    def elapsed_seconds(self) -> float | None:
        """Seconds since the current visit started; None when no one is being served."""
        if self.visit is None:
            return None
        return max(0.0, self.clock() - self.visit.started)

    @property
    def rating_open(self) -> bool:
        return self._rating_visit is not None

    # -- visits -----------------------------------------------------------------------
    def _customer_changed(self, customer: AccountSummary | None) -> None:
        if customer is None:
            self.reselected = False
            self.end_visit()
            return
        if self.visit is not None and self.visit.account_id == customer.id:
            self.reselected = True
            return
        self.reselected = False
        self.end_visit()
        self._start_visit(customer.id)

    def _start_visit(self, account_id: int | None) -> None:
        self.close_rating()
        visit = _Visit(account_id, self.clock(), dt.datetime.now())
        self.visit = visit
        s = self.ctx.session

        def start() -> None:
            info = service_quality.start_visit(
                s.staff.id, s.counter.id, s.office.id, account_id, at=visit.started_at
            )
            visit.id = info.id

        self.ctx.worker.submit(start, on_error=self._failed)
        self.started.emit()

    def end_visit(self) -> None:
        """The service is over (farewell or customer cleared)."""
        visit = self.visit
        if visit is None:
            return
        self.visit = None
        visit.ended = self.clock()
        seconds = int(visit.ended - visit.started)
        ended_at = visit.started_at + dt.timedelta(seconds=seconds)

        def end() -> None:
            if visit.id is not None:
                service_quality.end_visit(visit.id, at=ended_at)

        self.ctx.worker.submit(end, on_error=self._failed)
        self.ended.emit(seconds)
        if not visit.rated:
            self._open_rating(visit, linger=True)

    def _farewell(self, _event: Farewell) -> None:
        self.end_visit()

    def _committed(self, event: Committed) -> None:
        visit = self.visit
        if visit is None:
            return
        payment_id = form_id = None
        if isinstance(event, PaymentCommitted | VoidCommitted):
            payment_id = event.payment_id
        elif isinstance(event, FormCommitted):
            form_id = event.form_id

        def note() -> None:
            if visit.id is not None and (payment_id is not None or form_id is not None):
                service_quality.note_visit_subject(visit.id, payment_id=payment_id, form_id=form_id)

        self.ctx.worker.submit(note, on_error=self._failed)
        if not visit.rated:
            self._open_rating(visit, linger=False)

    # -- rating -----------------------------------------------------------------------
    def _open_rating(self, visit: _Visit, *, linger: bool) -> None:
        was_open = self.rating_open
        self._rating_visit = visit
        if linger:
            self._linger.start(self.rules.rating_linger_seconds * 1000)
        else:
            self._linger.stop()
        if not was_open:
            self.rating_open_changed.emit(True)

    def close_rating(self) -> None:
        self._linger.stop()
        if self._rating_visit is not None:
            self._rating_visit = None
            self.rating_open_changed.emit(False)

    def rate(self, score: str) -> bool:
        """The customer pressed a rating button. False (and nothing recorded) when
        there is no service to rate."""
        visit = self._rating_visit
        if visit is None or visit.rated:
            return False
        visit.rated = True
        self.close_rating()

        def record() -> RatingInfo | None:
            if visit.id is None:
                return None
            info = service_quality.record_rating(visit.id, score)
            if info is not None:
                visit.rating_id = info.id
            return info

        def done(info: RatingInfo | None) -> None:
            if info is not None:
                self.rating_recorded.emit(info)
                self.ctx.events.publish(RatingRecorded(info.id))

        self.ctx.worker.submit(record, on_done=done, on_error=self._failed)
        self._last_rated = visit
        return True

    def give_reason(self, reason: str) -> None:
        """The one optional reason after an unhappy rating."""
        visit = self._last_rated
        if visit is None or not reason:
            return

        def store() -> None:
            if visit.rating_id is not None:
                service_quality.set_rating_reason(visit.rating_id, reason)

        self.ctx.worker.submit(store, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(user_text(exc))
