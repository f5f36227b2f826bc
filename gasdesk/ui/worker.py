"""One background thread for all database work, results posted back to the GUI thread.

`submit(fn, *args, on_done=..., on_error=..., channel="search")`: when a newer job is
submitted on the same channel, the older job's result is dropped, so a newer
keystroke supersedes an older query. `forget_submitted()` (at log-out) drops the
results of every job submitted so far: the jobs still run (a payment being recorded
is recorded), but nothing calls back into the windows being released.

A job's Exception goes to its `on_error`. Without one, the failure is logged with its
traceback and `job_failed` carries it to whoever shows it to the teller (the main
window); a failure whose result is not delivered (superseded, or submitted before a
log-out) is logged. A BaseException that is not an Exception (KeyboardInterrupt,
SystemExit) is no failure to report: it is raised again on the GUI thread.
"""

from __future__ import annotations

import enum
import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    DONE = "done"
    FAILED = "failed"  # an Exception
    STOPPED = "stopped"  # a BaseException that asks the program to stop


def job_name(fn: Callable[..., Any]) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"


class DbWorker(QObject):
    _finished = Signal(object)  # (job_id, channel, outcome, value, fn, on_done, on_error)
    busy_changed = Signal(bool)
    job_failed = Signal(object)  # an Exception no on_error took, after it was logged

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gasdesk-db")
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._forgotten_below = 0  # results of jobs with a smaller id are not delivered
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        channel: str | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue `fn` on the database thread; returns the job id, or 0 when the worker
        has already shut down (a late timer after log-out): then nothing runs."""
        if self._closed:
            return 0
        job_id = next(self._ids)
        if channel:
            self._latest[channel] = job_id
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def run() -> None:
            try:
                value, outcome = fn(*args, **kwargs), Outcome.DONE
            except Exception as exc:  # delivered to on_error on the GUI thread
                value, outcome = exc, Outcome.FAILED
            except BaseException as exc:  # not the job's failure: raised on the GUI thread
                value, outcome = exc, Outcome.STOPPED
            self._finished.emit((job_id, channel, outcome, value, fn, on_done, on_error))

        fut: Future[None] = self._pool.submit(run)
        del fut
        return job_id

    @Slot(object)
    def _deliver(self, packet: tuple[Any, ...]) -> None:
        job_id, channel, outcome, value, fn, on_done, on_error = packet
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if outcome is Outcome.STOPPED:
            raise value
        failed = outcome is Outcome.FAILED
        if job_id < self._forgotten_below or (channel and self._latest.get(channel) != job_id):
            # submitted by a window released since, or superseded by a newer job on
            # the same channel: nothing is delivered, but a failure is not lost
            if failed:
                log.error("background job %s failed", job_name(fn), exc_info=value)
            return
        if not failed:
            if on_done:
                on_done(value)
        elif on_error:
            on_error(value)
        else:
            log.error("background job %s failed", job_name(fn), exc_info=value)
            self.job_failed.emit(value)

    def forget_submitted(self) -> None:
        """Deliver no result of a job submitted before now (their callbacks belong to
        a window that is going away); later jobs are delivered as usual."""
        self._forgotten_below = next(self._ids)
        self._latest.clear()

    def run_sync(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run on the worker thread and wait (for start-up and shutdown paths only)."""
        return self._pool.submit(fn, *args, **kwargs).result()

    def shutdown(self) -> None:
        """Finish queued work, close the worker thread's connection, stop the thread."""
        from gasdesk.services.lifecycle import close_thread_connection

        if self._closed:
            return
        self._closed = True
        self._pool.submit(close_thread_connection)
        self._pool.shutdown(wait=True)
